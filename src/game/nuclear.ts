/** The nuclear file's derived figure: how many months Iran would need to break out. */
import { RULES } from './rules';
import type { NuclearFile } from './state';

export function breakoutMonths(n: NuclearFile): number {
  const { enrichmentTiers, breakout } = RULES.nuclear;
  const months =
    enrichmentTiers[n.enrichment].breakoutMonths +
    breakout.perStockpileUnit * n.stockpile +
    breakout.perCentrifugeUnit * n.centrifuges;
  // Round to a quarter month so the figure players see is the one the rules compare.
  return Math.max(breakout.minMonths, Math.round(months * 4) / 4);
}

export function breakoutLabel(months: number): string {
  if (months < 1) return `${Math.round(months * 4.345)} weeks`;
  return months === 1 ? '1 month' : `${months} months`;
}
