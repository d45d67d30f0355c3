/**
 * The moves a seat can make. Each validates everything it is sent and returns `INVALID_MOVE`,
 * changing nothing, when the move is not legal now.
 */
import type { Ctx } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { actionDef, checkAction, takeAction } from './actions';
import { pendingResponder, respondToIncident } from './incidents';
import { log } from './log';
import { SEAT_NAMES, isSeat } from './seats';
import type { GameState } from './state';
import { RESPONSES, STAGES, type ResponseChoice, type SeatId, type StageId } from './types';

interface MoveArgs {
  G: GameState;
  ctx: Ctx;
  playerID: string;
  events: { setActivePlayers(arg: object): void; endStage(): void };
}

export function stageOf(ctx: Ctx, seat: SeatId): StageId | null {
  const stage = ctx.activePlayers?.[seat];
  return stage === STAGES.respond || stage === STAGES.negotiate ? stage : null;
}

/** Take a role action; `amount` only for actions taken in units. */
export function act({ G, ctx, playerID }: MoveArgs, actionId: unknown, amount?: unknown) {
  if (!isSeat(playerID)) return INVALID_MOVE;
  if (!checkAction(G, playerID, stageOf(ctx, playerID), actionId, amount).ok) return INVALID_MOVE;
  takeAction(G, playerID, actionDef(actionId)!, amount as number | undefined);
}

/** Answer the round's incident before negotiation opens. */
export function respond({ G, playerID, events }: MoveArgs, choice: unknown) {
  if (!isSeat(playerID) || pendingResponder(G) !== playerID) return INVALID_MOVE;
  if (!RESPONSES.includes(choice as ResponseChoice)) return INVALID_MOVE;
  respondToIncident(G, playerID, choice as ResponseChoice);
  events.setActivePlayers({ all: STAGES.negotiate });
}

/** Close this seat's negotiation for the round. */
export function done({ G, ctx, playerID, events }: MoveArgs, ...extra: unknown[]) {
  if (!isSeat(playerID) || extra.length > 0) return INVALID_MOVE;
  if (stageOf(ctx, playerID) !== STAGES.negotiate || G.seats[playerID].done) return INVALID_MOVE;
  G.seats[playerID].done = true;
  log(G, 'negotiation', `${SEAT_NAMES[playerID]} is done for the round.`, playerID);
  events.endStage();
}
