/**
 * Where a seat stands in the round's stages, and the gate every negotiation move passes: the seat
 * is negotiating and has not said Done. Moves, role actions and cards all ask here.
 */
import type { Ctx } from 'boardgame.io';
import type { SeatState } from './state';
import { SEATS, STAGES, type SeatId, type StageId } from './types';
import { OK, no, type Verdict } from './verdict';

export function stageOf(ctx: Pick<Ctx, 'activePlayers'>, seat: SeatId): StageId | null {
  const stage = ctx.activePlayers?.[seat];
  return stage === STAGES.respond || stage === STAGES.negotiate ? stage : null;
}

/** The next seat after `from` that the round is waiting for, in table order; `from` itself last. */
export function nextActiveSeat(ctx: Partial<Pick<Ctx, 'activePlayers'>>, from: SeatId | null): SeatId | null {
  const active = ctx.activePlayers ?? {};
  const start = from === null ? -1 : SEATS.indexOf(from);
  return [1, 2, 3].map((k) => SEATS[(start + k) % SEATS.length]).find((s) => s in active) ?? null;
}

/**
 * Whether a seat in `stage` may negotiate now. `what` names the move for the refusal, as in
 * "Role actions are taken during negotiation."
 */
export function checkNegotiating(seat: Pick<SeatState, 'done'>, stage: StageId | null, what = 'This is done'): Verdict {
  // Saying Done also ends the seat's stage: the reason it gives is the Done.
  if (seat.done) return no('said-done', 'You have said Done for this round.');
  if (stage === STAGES.respond) return no('respond-first', 'Respond to the incident first.');
  if (stage !== STAGES.negotiate) return no('not-negotiating', `${what} during negotiation.`);
  return OK;
}
