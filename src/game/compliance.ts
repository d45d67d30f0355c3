/**
 * The committed seat's secret choice for a step falling due: comply, comply partly, or cheat.
 * Only the seat itself sees it; the verifier's light is all the others learn.
 */
import { findStep } from './agreements';
import type { StepId } from './ids';
import { log } from './log';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import { COMPLIANCE, type Compliance, type SeatId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';

const WORDS: Record<Compliance, string> = { comply: 'comply in full', partial: 'comply only in part', cheat: 'cheat' };

export function checkCompliance(G: GameView, seat: SeatId, stepId: unknown, choice: unknown): Verdict {
  const found = findStep(G, stepId);
  if (!found || found.step.seat !== seat) return no('unknown', 'You have no such step to carry out.');
  if (found.step.status !== 'pending' || found.step.due !== G.round) return no('wrong-time', 'That step does not fall due this round.');
  if (!COMPLIANCE.includes(choice as Compliance)) return no('malformed', `Choose one of: ${COMPLIANCE.join(', ')}.`);
  return OK;
}

/** Steps of `seat` that fall due this round, which it may decide about. */
export function stepsToDecide(G: GameView, seat: SeatId) {
  return G.agreements.flatMap((a) => a.steps).filter((s) => s.seat === seat && s.status === 'pending' && s.due === G.round);
}

export function setCompliance(rules: RuleSet, G: GameState, seat: SeatId, stepId: StepId, choice: Compliance): void {
  G.secrets[seat].choices[stepId] = choice;
  const { step } = findStep(G, stepId)!;
  log(rules, G, 'negotiation', `You will ${WORDS[choice]} on ${entry(rules, 'commitments', step.what).name} (step ${stepId}).`, seat, [seat]);
}
