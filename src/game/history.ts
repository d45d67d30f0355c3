/** Trust and Tension as each round leaves the board, for the debrief chart. */
import { placeOfRound } from './calendar';
import type { GameState } from './state';

/** Records the board for the round in play; a phase review after the round updates its record. */
export function recordRound(G: GameState): void {
  const record = { round: G.round, month: placeOfRound(G.schedule, G.round).monthEnd, trust: G.trust, tension: G.tension };
  const last = G.history.at(-1);
  if (last?.round === G.round) Object.assign(last, record);
  else G.history.push(record);
}
