/**
 * The nuclear file: the breakout estimate derived from it, and the IAEA access tiers the sources
 * open phase by phase.
 */
import { currentPhase } from './calendar';
import { phaseName, type RuleSet } from './ruleset';
import type { Effects } from './schema';
import type { NuclearFile } from './state';
import { PHASES, type PhaseId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';

/** The highest IAEA access tier the sources open by `phase`. */
function openTierIn(rules: RuleSet, phase: PhaseId): number {
  return rules.nuclear.accessTiers.findLastIndex((tier) => PHASES.indexOf(tier.opensIn) <= PHASES.indexOf(phase));
}

/** The highest IAEA access tier the sources open by the current phase. */
export function openAccessTier(rules: RuleSet, G: GameView): number {
  return openTierIn(rules, currentPhase(G));
}

/**
 * Whether `effects` may raise IAEA access in `phase` (by default now): not past the tier that phase
 * opens.
 */
export function checkAccessOpens(rules: RuleSet, G: GameView, effects: Effects, phase: PhaseId = currentPhase(G)): Verdict {
  const next = rules.nuclear.accessTiers[G.nuclear.access + 1];
  if ((effects.access ?? 0) > 0 && next && G.nuclear.access >= openTierIn(rules, phase))
    return no('wrong-time', `${next.name} opens in ${phaseName(rules, next.opensIn)}.`);
  return OK;
}

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
