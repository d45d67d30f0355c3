/** The nuclear file's derived figure: how many months Iran would need to break out. */
import type { NuclearFile } from './state';
import type { RuleSet } from './ruleset';

export function breakoutMonths(rules: RuleSet, n: NuclearFile): number {
  const { enrichmentTiers, breakout } = rules.nuclear;
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
