/**
 * `ai.enumerate`: legal moves for an active seat, so boardgame.io's own bots can play. Every kind
 * of move is covered; proposals, which are countless, are offered as a few simple packages: one
 * thing asked of another seat, alone or against one thing of your own, due next round, with the
 * first verifier and triggers the menu allows that can fire by then, over the first channel open to them.
 */
import type { Ctx } from 'boardgame.io';
import { legalActions } from './actions';
import { canSee } from './audience';
import { checkCommitment, nextDue, usableLine } from './commitments';
import { stepsToDecide } from './compliance';
import { checkResponse } from './incidents';
import { checkCard } from './initiatives';
import { checkAccept, checkCounter, checkDraft, checkProposalRoom, checkWithdraw } from './proposals';
import type { RuleSet } from './ruleset';
import { isSeat } from './seats';
import { stageOf } from './stages';
import type { Commitment, GameState, ProposalDraft } from './state';
import { COMPLIANCE, RESPONSES, STAGES, type SeatId } from './types';

export type MoveName = 'act' | 'respond' | 'done' | 'propose' | 'counter' | 'accept' | 'reject' | 'withdraw' | 'comply' | 'playCard';
export type EnumeratedMove = { move: MoveName; args: unknown[] };

/** How many simple packages of each shape to offer; they rotate with the round. */
const OFFERS = 4;

function simpleLines(rules: RuleSet, G: GameState, mine: boolean, seat: SeatId): Commitment[] {
  return rules.commitments
    .filter((def) => (def.seat === seat) === mine)
    .map((def) => usableLine(rules, G, def, nextDue(G)))
    .filter((c) => checkCommitment(rules, G, c).ok);
}

const rotate = <T>(xs: T[], by: number): T[] => (xs.length ? [...xs.slice(by % xs.length), ...xs.slice(0, by % xs.length)] : xs);

/** The first channel that carries `commitments` from `seat`, as a checked draft. */
function withChannel(rules: RuleSet, G: GameState, seat: SeatId, commitments: Commitment[]): ProposalDraft | undefined {
  for (const channel of ['backchannel', 'direct', 'shuttle'] as const) {
    const draft = { channel, commitments };
    if (checkDraft(rules, G, seat, draft).ok) return draft;
  }
  return undefined;
}

function simpleDrafts(rules: RuleSet, G: GameState, seat: SeatId): ProposalDraft[] {
  const asks = rotate(simpleLines(rules, G, false, seat), G.round).slice(0, OFFERS);
  const gives = rotate(simpleLines(rules, G, true, seat), G.round).slice(0, 2);
  const packages = [...asks.map((a) => [a]), ...gives.flatMap((g) => asks.slice(0, OFFERS / 2).map((a) => [g, a]))];
  return packages.map((p) => withChannel(rules, G, seat, p)).filter((d): d is ProposalDraft => d !== undefined);
}

function negotiationMoves(rules: RuleSet, G: GameState, ctx: Ctx, seat: SeatId): EnumeratedMove[] {
  const moves: EnumeratedMove[] = legalActions(rules, G, seat, STAGES.negotiate).map(({ id, amount }) => ({
    move: 'act',
    args: amount === undefined ? [id] : [id, amount],
  }));
  for (const card of G.secrets[seat].hand)
    if (checkCard(rules, G, seat, stageOf(ctx, seat), card).ok) moves.push({ move: 'playCard', args: [card] });
  for (const step of stepsToDecide(G, seat))
    if (G.secrets[seat].choices[step.id] === undefined)
      for (const choice of COMPLIANCE) moves.push({ move: 'comply', args: [step.id, choice] });
  const room = checkProposalRoom(rules, G, seat).ok;
  for (const p of G.proposals.filter((x) => x.status === 'open' && canSee(x, seat))) {
    if (checkWithdraw(G, seat, p.id).ok) moves.push({ move: 'withdraw', args: [p.id] });
    if (!p.parties.includes(seat) || p.accepted.includes(seat)) continue;
    if (checkAccept(rules, G, seat, p.id).ok) moves.push({ move: 'accept', args: [p.id] });
    moves.push({ move: 'reject', args: [p.id] });
    // A counter that asks the proposer to move first: the same package without my own lines.
    const theirs = withChannel(rules, G, seat, p.commitments.filter((c) => c.seat !== seat));
    if (room && theirs && checkCounter(rules, G, seat, p.id, theirs).ok) moves.push({ move: 'counter', args: [p.id, theirs] });
  }
  if (room) for (const draft of simpleDrafts(rules, G, seat)) moves.push({ move: 'propose', args: [draft] });
  moves.push({ move: 'done', args: [] });
  return moves;
}

export function enumerate(rules: RuleSet, G: GameState, ctx: Ctx, playerID: string): EnumeratedMove[] {
  if (!isSeat(playerID) || ctx.gameover) return [];
  const stage = stageOf(ctx, playerID);
  if (stage === STAGES.respond)
    return RESPONSES.filter((choice) => checkResponse(rules, G, playerID, choice).ok).map((choice) => ({ move: 'respond', args: [choice] }));
  if (stage !== STAGES.negotiate || G.seats[playerID].done) return [];
  return negotiationMoves(rules, G, ctx, playerID);
}
