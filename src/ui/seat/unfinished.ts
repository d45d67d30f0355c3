/**
 * What a seat leaves undone if it says Done now: action points it could still spend, proposals
 * addressed to it that it has not answered, and its steps due this round with no choice made.
 * Each names the element the Done confirmation links to.
 */
import { legalActions } from '../../game/actions';
import type { ItemId, StepId } from '../../game/ids';
import { stepsToDecide } from '../../game/compliance';
import { SEAT_NAMES } from '../../game/seats';
import { stageOf } from '../../game/stages';
import type { SeatId } from '../../game/types';
import { ownSecret, type GameView } from '../../game/view';
import type { GameCtx } from '../engine';
import { rules } from '../rules';
import { inSentence, proposalName, stepName, stepShortName } from '../talks/names';

export interface Unfinished {
  key: string;
  text: string;
  /** The words of the link, and the id of the element it takes the focus to. */
  link: string;
  target: string;
}

export const proposalTarget = (id: ItemId) => `proposal-${id}-title`;
export const stepTarget = (id: StepId) => `step-${id}-title`;
export const ACTIONS_TARGET = 'actions-title';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function unfinished(G: GameView, ctx: GameCtx, seat: SeatId): Unfinished[] {
  const items: Unfinished[] = [];
  const points = G.seats[seat].actionPoints;
  const actions = legalActions(rules, G, seat, stageOf(ctx, seat));
  // Points with nothing left to spend them on are no reason to stop the player.
  if (points > 0 && actions.length > 0)
    items.push({
      key: 'points',
      text: `${plural(points, 'action point')} unspent: ${plural(new Set(actions.map((a) => a.id)).size, 'role action')} you can still take. Points do not carry over to the next round.`,
      link: 'Go to your role actions',
      target: ACTIONS_TARGET,
    });
  for (const p of G.proposals)
    if (p.status === 'open' && p.by !== seat && p.parties.includes(seat) && !p.accepted.includes(seat))
      items.push({
        key: `proposal-${p.id}`,
        text: `${proposalName(p.id)} from ${SEAT_NAMES[p.by]} waits for your answer. ${
          p.round < G.round ? 'It lapses when this round ends.' : 'Unanswered, it stays on the table one more round, then lapses.'
        }`,
        link: `Go to ${inSentence(proposalName(p.id))}`,
        target: proposalTarget(p.id),
      });
  const choices = ownSecret(G, seat).choices;
  for (const step of stepsToDecide(G, seat))
    if (choices[step.id] === undefined)
      items.push({
        key: `step-${step.id}`,
        text: `${stepName(step)}: you have not chosen, so you will comply in full.`,
        link: `Decide on ${inSentence(stepShortName(step.id))}`,
        target: stepTarget(step.id),
      });
  return items;
}
