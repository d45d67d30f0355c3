/**
 * The moves a seat can make. Each validates everything it is sent and returns `INVALID_MOVE`,
 * changing nothing, when the move is not legal now. The checks live beside each rule and are shared
 * with `ai.enumerate` and the UI, so the three cannot disagree.
 */
import type { Ctx } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { actionDef, checkAction, takeAction } from './actions';
import { checkCompliance, setCompliance } from './compliance';
import type { WithBase } from './drafts';
import { pendingResponder, respondToIncident } from './incidents';
import { checkCard, playCard as play } from './initiatives';
import { log } from './log';
import {
  accept as acceptProposal,
  checkAccept,
  checkAnswer,
  checkCounter,
  checkDraft,
  checkProposalRoom,
  checkWithdraw,
  counter as counterProposal,
  reject as rejectProposal,
  table,
  withdraw as withdrawProposal,
} from './proposals';
import { SEAT_NAMES, isSeat } from './seats';
import type { GameState, ProposalDraft } from './state';
import { RESPONSES, STAGES, type CardId, type Compliance, type ResponseChoice, type SeatId, type StageId } from './types';
import { OK, no, type Verdict } from './verdict';

interface MoveArgs extends WithBase {
  G: GameState;
  ctx: Ctx;
  playerID: string;
  events: { setActivePlayers(arg: object): void; endStage(): void };
}

export function stageOf(ctx: Ctx, seat: SeatId): StageId | null {
  const stage = ctx.activePlayers?.[seat];
  return stage === STAGES.respond || stage === STAGES.negotiate ? stage : null;
}

/** Whether `seat` is negotiating and has not said Done: the gate for every negotiation move. */
export function checkNegotiating(G: GameState, ctx: Ctx, seat: SeatId): Verdict {
  // Saying Done also ends the seat's stage: the reason it gives is the Done.
  if (G.seats[seat].done) return no('You have said Done for this round.');
  const stage = stageOf(ctx, seat);
  if (stage === STAGES.respond) return no('Respond to the incident first.');
  if (stage !== STAGES.negotiate) return no('This is done during negotiation.');
  return OK;
}

/** The seat making a negotiation move, if `verdicts` all pass. */
function negotiator(G: GameState, ctx: Ctx, playerID: string, ...verdicts: ((seat: SeatId) => Verdict)[]): SeatId | null {
  if (!isSeat(playerID) || !checkNegotiating(G, ctx, playerID).ok) return null;
  return verdicts.every((v) => v(playerID).ok) ? playerID : null;
}

/** Take a role action; `amount` only for actions taken in units. */
export function act({ G, base, ctx, playerID }: MoveArgs, actionId: unknown, amount?: unknown) {
  if (!isSeat(playerID)) return INVALID_MOVE;
  if (!checkAction(base, playerID, stageOf(ctx, playerID), actionId, amount).ok) return INVALID_MOVE;
  takeAction(G, playerID, actionDef(actionId)!, amount as number | undefined);
}

/** Answer the round's incident before negotiation opens. */
export function respond({ G, base, playerID, events }: MoveArgs, choice: unknown) {
  if (!isSeat(playerID) || pendingResponder(base) !== playerID) return INVALID_MOVE;
  if (!RESPONSES.includes(choice as ResponseChoice)) return INVALID_MOVE;
  respondToIncident(G, playerID, choice as ResponseChoice);
  events.setActivePlayers({ all: STAGES.negotiate });
}

/** Table a package of commitments. */
export function propose({ G, base, ctx, playerID }: MoveArgs, draft: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkProposalRoom(base, s), (s) => checkDraft(base, s, draft));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  table(G, seat, draft as ProposalDraft);
}

/** Replace a proposal addressed to you with one of your own. */
export function counter({ G, base, ctx, playerID }: MoveArgs, id: unknown, draft: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkCounter(base, s, id, draft));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  counterProposal(G, seat, id as number, draft as ProposalDraft);
}

export function accept({ G, base, ctx, playerID }: MoveArgs, id: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkAccept(base, s, id));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  acceptProposal(G, seat, id as number);
}

export function reject({ G, base, ctx, playerID }: MoveArgs, id: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkAnswer(base, s, id));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  rejectProposal(G, seat, id as number);
}

export function withdraw({ G, base, ctx, playerID }: MoveArgs, id: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkWithdraw(base, s, id));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  withdrawProposal(G, seat, id as number);
}

/** Decide in secret what to do about one of your steps falling due this round. */
export function comply({ G, base, ctx, playerID }: MoveArgs, stepId: unknown, choice: unknown, ...extra: unknown[]) {
  const seat = negotiator(base, ctx, playerID, (s) => checkCompliance(base, s, stepId, choice));
  if (seat === null || extra.length > 0) return INVALID_MOVE;
  setCompliance(G, seat, stepId as number, choice as Compliance);
}

/** Play an initiative card from your hand. */
export function playCard({ G, base, ctx, playerID }: MoveArgs, cardId: unknown, ...extra: unknown[]) {
  if (!isSeat(playerID) || extra.length > 0) return INVALID_MOVE;
  if (!checkCard(base, playerID, stageOf(ctx, playerID), cardId).ok) return INVALID_MOVE;
  play(G, playerID, cardId as CardId);
}

/** Close this seat's negotiation for the round. */
export function done({ G, base, ctx, playerID, events }: MoveArgs, ...extra: unknown[]) {
  if (!isSeat(playerID) || extra.length > 0) return INVALID_MOVE;
  if (!checkNegotiating(base, ctx, playerID).ok) return INVALID_MOVE;
  G.seats[playerID].done = true;
  log(G, 'negotiation', `${SEAT_NAMES[playerID]} is done for the round.`, playerID);
  events.endStage();
}
