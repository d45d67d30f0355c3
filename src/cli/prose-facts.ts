/**
 * Facts the rulebook's prose states that no single datum holds, each derived from the rules it is
 * given. A placeholder names a fact as it names a datum: `{{calendar.months | word}}`. Each is
 * computed only when the template uses it, so a fact that no longer holds (scenarios with
 * different calendars) stops the book only if the prose relies on it.
 */
import { totalRounds } from '../game/calendar';
import { describeCondition } from '../game/metrics';
import { measureName, phaseShortName, type RuleSet as Rules } from '../game/ruleset';
import type { Clause } from '../game/schema';
import type { MeasureId } from '../game/types';

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];
const measureNames = (r: Rules, ids: readonly MeasureId[]) => ids.map((id) => measureName(r, id));

/** The one schedule every scenario plays: the prose describes a single calendar. */
function schedule(r: Rules) {
  const [first, ...rest] = r.scenarios;
  const other = rest.find((s) => JSON.stringify(s.schedule) !== JSON.stringify(first.schedule));
  if (other) throw new Error(`scenario "${other.id}" has a different schedule from "${first.id}", and the prose describes one calendar`);
  return first.schedule;
}

function calendar(r: Rules) {
  let month = 0;
  const phases = schedule(r).map((step) => {
    const from = month;
    month += step.rounds * step.monthsPerRound;
    return { from, to: month, roundLength: `${step.monthsPerRound} month${step.monthsPerRound === 1 ? '' : 's'}` };
  });
  return { months: month, rounds: totalRounds(schedule(r)), phases };
}

function roundsPerPhase(r: Rules): number {
  const counts = unique(schedule(r).map((step) => step.rounds));
  if (counts.length !== 1) throw new Error('the phases have different numbers of rounds');
  return counts[0];
}

/** The conditions under which the ending list `from` leads to Escalation. */
function toEscalation(r: Rules, from: readonly { path: string; when: readonly Clause[] }[]): string[] {
  const entry = from.find((p) => p.path === 'escalation');
  if (!entry) throw new Error('no path there leads to Escalation');
  return entry.when.map((c) => describeCondition(r, c));
}

export const FACTS = {
  calendar,
  roundsPerPhase,
  /** Short phase names in order: "Phase I", "Phase II", "Phase III". */
  phaseNames: (r: Rules) => r.phases.map((p) => phaseShortName(r, p.id)),
  enrichmentTiers: (r: Rules) => r.nuclear.enrichmentTiers.map((t) => t.label),
  accessTiers: (r: Rules) => r.nuclear.accessTiers.map((t) => t.name),
  stockpileHaltedBy: (r: Rules) => measureNames(r, r.nuclear.growth.haltedBy),
  shuttlePhases: (r: Rules) => r.negotiation.channels.shuttleOnlyIn.map((id) => phaseShortName(r, id)),
  directNeeds: (r: Rules) => measureNames(r, r.negotiation.channels.directNeeds),
  backchannelNeeds: (r: Rules) => measureNames(r, r.negotiation.channels.backchannelNeeds),
  detectionMeasures: (r: Rules) => measureNames(r, unique(r.verifiers.flatMap((v) => v.detection.measures.map((m) => m.measure)))),
  ambiguityMeasures: (r: Rules) => measureNames(r, unique(r.verifiers.flatMap((v) => v.ambiguity.measures.map((m) => m.measure)))),
  settlingMediators: (r: Rules) => r.negotiation.ambiguitySettledBy.flavours.map((id) => r.flavours.find((f) => f.id === id)!.name),
  settlingMeasures: (r: Rules) => measureNames(r, r.negotiation.ambiguitySettledBy.measures),
  lookbackTier: (r: Rules) => r.nuclear.accessTiers[r.negotiation.lookback.accessTier].name,
  lookbackVerifiers: (r: Rules) => r.negotiation.lookback.verifiers.map((id) => r.verifiers.find((v) => v.id === id)!.name),
  /** What makes the final board Escalation, and what makes a collapse one. */
  escalationAtEnd: (r: Rules) => toEscalation(r, r.endings.paths),
  escalationOnCollapse: (r: Rules) => toEscalation(r, r.endings.collapse),
} satisfies Record<string, (r: Rules) => unknown>;
