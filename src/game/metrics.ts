/** Reads the board through named metrics, and tests and describes conditions on them. */
import { hasMeasure } from './measures';
import { breakoutLabel, breakoutMonths } from './nuclear';
import { entry, type RuleSet } from './ruleset';
import type { Clause } from './schema';
import { isTrack, readTrack } from './tracks';
import type { Metric } from './types';
import type { GameView } from './view';

export function metricValue(rules: RuleSet, G: GameView, metric: Metric): number {
  if (isTrack(metric)) return readTrack(G, metric);
  switch (metric) {
    case 'breakoutMonths':
      return breakoutMonths(rules, G.nuclear);
    case 'usCapital':
      return G.seats['0'].capital;
    case 'iranCapital':
      return G.seats['1'].capital;
    case 'credibility':
      return G.seats['2'].capital;
    case 'measuresInPlace':
      return G.measures.length;
    case 'trustChange':
      return G.trust - G.trustAtRoundStart;
    case 'releasedTotal':
      return G.detainees.releasedByIran + G.detainees.releasedByUS;
    case 'greenSteps':
      return G.agreements.reduce((n, a) => n + a.steps.filter((s) => s.status === 'green').length, 0);
    case 'sanctionsEased':
      return entry(rules, 'scenarios', G.scenario).start.sanctions - G.sanctions.level;
  }
}

export const METRIC_LABELS: Record<Metric, string> = {
  trust: 'Trust',
  tension: 'Tension',
  sanctions: 'Sanctions',
  frozenAssets: 'Frozen assets ($bn)',
  escrow: 'Assets in escrow ($bn)',
  enrichment: 'Enrichment tier',
  stockpile: 'Stockpile',
  centrifuges: 'Advanced centrifuge cascades',
  access: 'IAEA access tier',
  breakoutMonths: 'Breakout estimate (months)',
  heldByIran: 'U.S. nationals held by Iran',
  heldByUS: 'Iranian nationals held by the U.S.',
  releasedByIran: 'U.S. nationals released',
  releasedByUS: 'Iranian nationals released',
  usCapital: 'U.S. political capital',
  iranCapital: 'Iranian political capital',
  credibility: 'Mediator credibility',
  measuresInPlace: 'Measures in place',
  trustChange: 'Trust change this round',
  releasedTotal: 'Detainees released in all',
  greenSteps: 'Agreement steps verified green',
  sanctionsEased: 'Sanctions eased since the start',
};

export function holds(rules: RuleSet, G: GameView, c: Clause): boolean {
  if ('any' in c) return c.any.some((x) => holds(rules, G, x));
  if ('measure' in c) return hasMeasure(G, c.measure);
  if ('anyMeasure' in c) return c.anyMeasure.some((m) => hasMeasure(G, m));
  const v = metricValue(rules, G, c.metric);
  return c.op === '>=' ? v >= c.value : v <= c.value;
}

export function holdsAll(rules: RuleSet, G: GameView, cs: readonly Clause[] | undefined): boolean {
  return (cs ?? []).every((c) => holds(rules, G, c));
}

export function describeCondition(rules: RuleSet, c: Clause): string {
  if ('any' in c) return c.any.map((x) => describeCondition(rules, x)).join(' or ');
  if ('measure' in c) return `${entry(rules, 'measures', c.measure).name} in place`;
  if ('anyMeasure' in c) return `${c.anyMeasure.map((m) => entry(rules, 'measures', m).name).join(' or ')} in place`;
  return `${METRIC_LABELS[c.metric]} ${c.op === '>=' ? '≥' : '≤'} ${c.value}`;
}

/** A condition with the board's current figure, for a readable refusal. */
export function describeShortfall(rules: RuleSet, G: GameView, c: Clause): string {
  if ('any' in c) return `needs ${c.any.map((x) => describeShortfall(rules, G, x).replace(/^needs /, '')).join(' or ')}`;
  if (!('metric' in c)) return `needs ${describeCondition(rules, c)}`;
  const now = metricValue(rules, G, c.metric);
  const shown = c.metric === 'breakoutMonths' ? breakoutLabel(now) : String(now);
  return `needs ${describeCondition(rules, c)} (now ${shown})`;
}
