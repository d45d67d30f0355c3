/**
 * The moves a seat can make. Each validates everything it is sent and returns `INVALID_MOVE`,
 * changing nothing, when the move is not legal now. The checks live beside each rule and are shared
 * with `ai.enumerate` and the UI, so the three cannot disagree.
 */
import type { Ctx } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { checkAction, takeAction } from './actions';
import { checkCompliance, setCompliance } from './compliance';
import type { Engine } from './drafts';
import type { ItemId, StepId } from './ids';
import { checkResponse, respondToIncident } from './incidents';
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
import { entry, type RuleSet } from './ruleset';
import { SEAT_NAMES, isSeat } from './seats';
import { checkNegotiating, stageOf } from './stages';
import type { GameState, ProposalDraft } from './state';
import { STAGES, type ActionId, type CardId, type Compliance, type ResponseChoice, type SeatId } from './types';
import type { Verdict } from './verdict';

interface MoveArgs extends Engine {
  G: GameState;
  ctx: Ctx;
  playerID: string;
  events: { setActivePlayers(arg: object): void; endStage(): void };
}

/**
 * A negotiation move in one shape: the seat must be negotiating, `check` must pass on the plain
 * state, and no argument may be left over; then `apply` changes the draft.
 */
function negotiationMove<A extends unknown[]>(
  check: (rules: RuleSet, base: GameState, seat: SeatId, ...args: A) => Verdict,
  apply: (rules: RuleSet, G: GameState, seat: SeatId, ...args: A) => void,
  arity: number,
) {
  return ({ G, base, rules, ctx, playerID }: MoveArgs, ...args: unknown[]) => {
    if (!isSeat(playerID) || args.length > arity) return INVALID_MOVE;
    const own = args as A;
    if (!checkNegotiating(base.seats[playerID], stageOf(ctx, playerID)).ok) return INVALID_MOVE;
    if (!check(rules, base, playerID, ...own).ok) return INVALID_MOVE;
    apply(rules, G, playerID, ...own);
  };
}

/** Take a role action; `amount` only for actions taken in units. */
export function act({ G, base, rules, ctx, playerID }: MoveArgs, actionId: unknown, amount?: unknown) {
  if (!isSeat(playerID)) return INVALID_MOVE;
  if (!checkAction(rules, base, playerID, stageOf(ctx, playerID), actionId, amount).ok) return INVALID_MOVE;
  takeAction(rules, G, playerID, entry(rules, 'actions', actionId as ActionId), amount as number | undefined);
}

/** Answer the round's incident before negotiation opens. */
export function respond({ G, base, rules, playerID, events }: MoveArgs, choice: unknown) {
  if (!isSeat(playerID) || !checkResponse(rules, base, playerID, choice).ok) return INVALID_MOVE;
  respondToIncident(rules, G, playerID, choice as ResponseChoice);
  events.setActivePlayers({ all: STAGES.negotiate });
}

/** Table a package of commitments. */
export const propose = negotiationMove(
  (rules, base, seat, draft: unknown) => {
    const room = checkProposalRoom(rules, base, seat);
    return room.ok ? checkDraft(rules, base, seat, draft) : room;
  },
  (rules, G, seat, draft) => table(rules, G, seat, draft as ProposalDraft),
  1,
);

/** Replace a proposal addressed to you with one of your own. */
export const counter = negotiationMove(
  (rules, base, seat, id: unknown, draft: unknown) => checkCounter(rules, base, seat, id, draft),
  (rules, G, seat, id, draft) => counterProposal(rules, G, seat, id as ItemId, draft as ProposalDraft),
  2,
);

export const accept = negotiationMove(
  (rules, base, seat, id: unknown) => checkAccept(rules, base, seat, id),
  (rules, G, seat, id) => acceptProposal(rules, G, seat, id as ItemId),
  1,
);

export const reject = negotiationMove(
  (_rules, base, seat, id: unknown) => checkAnswer(base, seat, id),
  (rules, G, seat, id) => rejectProposal(rules, G, seat, id as ItemId),
  1,
);

export const withdraw = negotiationMove(
  (_rules, base, seat, id: unknown) => checkWithdraw(base, seat, id),
  (rules, G, seat, id) => withdrawProposal(rules, G, seat, id as ItemId),
  1,
);

/** Decide in secret what to do about one of your steps falling due this round. */
export const comply = negotiationMove(
  (_rules, base, seat, stepId: unknown, choice: unknown) => checkCompliance(base, seat, stepId, choice),
  (rules, G, seat, stepId, choice) => setCompliance(rules, G, seat, stepId as StepId, choice as Compliance),
  2,
);

/** Play an initiative card from your hand. */
export function playCard({ G, base, rules, ctx, playerID }: MoveArgs, cardId: unknown, ...extra: unknown[]) {
  if (!isSeat(playerID) || extra.length > 0) return INVALID_MOVE;
  if (!checkCard(rules, base, playerID, stageOf(ctx, playerID), cardId).ok) return INVALID_MOVE;
  play(rules, G, playerID, cardId as CardId);
}

/** Close this seat's negotiation for the round. */
export function done({ G, base, rules, ctx, playerID, events }: MoveArgs, ...extra: unknown[]) {
  if (!isSeat(playerID) || extra.length > 0) return INVALID_MOVE;
  if (!checkNegotiating(base.seats[playerID], stageOf(ctx, playerID)).ok) return INVALID_MOVE;
  G.seats[playerID].done = true;
  log(rules, G, 'negotiation', `${SEAT_NAMES[playerID]} is done for the round.`, playerID);
  events.endStage();
}
