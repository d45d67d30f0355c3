/**
 * Proposals: packages of commitments tabled, accepted, rejected, withdrawn or countered during
 * negotiation; one left open stays on the table through the next round. A proposal is checked whole; when every party has accepted it becomes an agreement.
 * Channels follow the sources: in Phase I the capitals talk through the Mediator (shuttle) until it
 * hosts direct talks; a secure backchannel keeps a proposal between its parties.
 */
import { formAgreement } from './agreements';
import { parseDraft } from './arguments';
import { audience, canSee } from './audience';
import { addBlame } from './blame';
import { currentPhase } from './calendar';
import { checkCommitment, checkSigning, describeCommitment } from './commitments';
import { issueId, type ItemId } from './ids';
import { log } from './log';
import { hasMeasure } from './measures';
import { entry, type RuleSet } from './ruleset';
import { SEAT_NAMES } from './seats';
import type { Commitment, GameState, Proposal, ProposalDraft } from './state';
import { SEATS, type Channel, type SeatId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';

/** Who must accept: the proposer, every committed seat, and the Mediator carrying a shuttle. */
export function partiesOf(by: SeatId, draft: ProposalDraft): SeatId[] {
  const named = new Set<SeatId>([by, ...draft.commitments.map((c) => c.seat)]);
  if (draft.channel === 'shuttle') named.add('2');
  return SEATS.filter((s) => named.has(s));
}

function checkChannel(rules: RuleSet, G: GameView, by: SeatId, channel: Channel, parties: SeatId[]): Verdict {
  const { directNeeds, backchannelNeeds, shuttleOnlyIn } = rules.negotiation.channels;
  const missing = (ids: readonly string[]) => ids.filter((m) => !hasMeasure(G, m as never));
  if (channel === 'backchannel') {
    const gap = missing(backchannelNeeds);
    if (gap.length) return no('channel', `A backchannel needs ${gap.map((m) => entry(rules, 'measures', m as never).name).join(' and ')} in place.`);
  }
  const capitals = parties.includes('0') && parties.includes('1');
  if (channel === 'direct' && capitals && by !== '2' && shuttleOnlyIn.includes(currentPhase(G)) && !directNeeds.some((m) => hasMeasure(G, m)))
    return no('channel', 'In Phase I the capitals talk through the Mediator (shuttle) until it hosts direct talks.');
  return OK;
}

/** Whether `draft`, sent by `by`, is a sound package on this board. Size limits are the caller's. */
export function checkDraft(rules: RuleSet, G: GameView, by: SeatId, draft: unknown): Verdict {
  const parsed = parseDraft(draft);
  if (!parsed.ok) return parsed.verdict;
  const { channel, commitments } = parsed.value;
  const max = rules.negotiation.limits.commitmentsPerProposal;
  if (commitments.length === 0 || commitments.length > max)
    return no('package', `A proposal holds from 1 to ${max} commitments.`);
  for (const c of commitments) {
    const v = checkCommitment(rules, G, c);
    if (!v.ok) return v;
  }
  const lines = commitments as Commitment[];
  const keys = lines.map((c) => `${c.seat}/${c.what}/${c.due}`);
  if (new Set(keys).size !== keys.length) return no('package', 'The same commitment appears twice for the same round.');
  if (!lines.some((c) => c.seat !== by)) return no('package', 'A proposal must ask something of another seat; a step of your own is an action.');
  const parties = partiesOf(by, { channel, commitments: lines });
  const channelVerdict = checkChannel(rules, G, by, channel, parties);
  return channelVerdict.ok ? checkSigning(rules, G, by, lines) : channelVerdict;
}

const openBy = (G: GameView, seat: SeatId) => G.proposals.filter((p) => p.by === seat && p.status === 'open').length;

/** Whether `seat` may table another proposal this round. */
export function checkProposalRoom(rules: RuleSet, G: GameView, seat: SeatId): Verdict {
  const { openProposalsPerSeat, proposalsPerRound } = rules.negotiation.limits;
  if (openBy(G, seat) >= openProposalsPerSeat) return no('used-up', `You already have ${openProposalsPerSeat} proposals open.`);
  if (G.proposedThisRound[seat] >= proposalsPerRound) return no('used-up', `You have tabled ${proposalsPerRound} proposals this round.`);
  return OK;
}

/** The proposal `id` as `seat` can see it, if it is open. */
function openProposal(G: GameView, seat: SeatId, id: unknown): Proposal | undefined {
  const p = G.proposals.find((x) => x.id === id);
  return p && p.status === 'open' && canSee(p, seat) ? p : undefined;
}

/** Whether `seat` may answer (accept, reject or counter) proposal `id`. */
export function checkAnswer(G: GameView, seat: SeatId, id: unknown): Verdict {
  const p = openProposal(G, seat, id);
  if (!p) return no('unknown', `There is no open proposal ${String(id)}.`);
  if (!p.parties.includes(seat)) return no('not-yours', 'That proposal does not name you.');
  if (p.accepted.includes(seat)) return no('answered', 'You have already accepted that proposal.');
  return OK;
}

/** Whether the package can still become an agreement now (measures it or its channel need may have lapsed). */
export function checkAccept(rules: RuleSet, G: GameView, seat: SeatId, id: unknown): Verdict {
  const answer = checkAnswer(G, seat, id);
  if (!answer.ok) return answer;
  const p = G.proposals.find((x) => x.id === id)!;
  for (const c of p.commitments) {
    const v = checkCommitment(rules, G, c);
    if (!v.ok) return no('stale', `It can no longer be agreed: ${v.reason}`);
  }
  const channel = checkChannel(rules, G, p.by, p.channel, p.parties);
  if (!channel.ok) return no('stale', `It can no longer be agreed: ${channel.reason}`);
  const own = checkSigning(rules, G, seat, p.commitments);
  if (!own.ok) return own;
  // The last acceptance signs for everyone: each committed seat must still be able to pay.
  const last = p.parties.every((s) => s === seat || p.accepted.includes(s));
  const short = last ? p.parties.map((s) => ({ s, v: checkSigning(rules, G, s, p.commitments) })).find((x) => !x.v.ok) : undefined;
  return short && !short.v.ok ? no('stale', `It can no longer be agreed: ${SEAT_NAMES[short.s]} cannot sign now (${short.v.reason})`) : OK;
}

/**
 * Whether `seat` may counter proposal `id` with `draft`. A backchannel exchange stays on the
 * backchannel: a counter in the open would expose the proposal it answers.
 */
export function checkCounter(rules: RuleSet, G: GameView, seat: SeatId, id: unknown, draft: unknown): Verdict {
  const answer = checkAnswer(G, seat, id);
  if (!answer.ok) return answer;
  const p = G.proposals.find((x) => x.id === id)!;
  if (p.by === seat) return no('not-yours', 'You cannot counter your own proposal.');
  const room = checkProposalRoom(rules, G, seat);
  if (!room.ok) return room;
  const v = checkDraft(rules, G, seat, draft);
  if (!v.ok) return v;
  const counter = draft as ProposalDraft;
  if (!canSee(p, null) && counter.channel !== 'backchannel') return no('channel', 'A backchannel proposal can only be countered over the backchannel.');
  if (!canSee(p, null) && partiesOf(seat, counter).some((s) => !p.parties.includes(s)))
    return no('channel', 'A counter to a backchannel proposal cannot bring in a seat that was not party to it.');
  return OK;
}

export function checkWithdraw(G: GameView, seat: SeatId, id: unknown): Verdict {
  const p = openProposal(G, seat, id);
  if (!p || p.by !== seat) return no('unknown', `You have no open proposal ${String(id)}.`);
  return OK;
}

function describe(rules: RuleSet, p: Proposal): string {
  const via = p.channel === 'shuttle' ? 'through the Mediator' : p.channel === 'direct' ? 'directly' : 'over the backchannel';
  return `proposal ${p.id} (${via}): ${p.commitments.map((c) => describeCommitment(rules, c)).join('; ')}`;
}

/** Tables a checked draft; returns the new proposal. */
export function table(rules: RuleSet, G: GameState, by: SeatId, draft: ProposalDraft, replaces?: ItemId): Proposal {
  const commitments = draft.commitments.map((c) => ({ seat: c.seat, what: c.what, due: c.due, verifier: c.verifier, onGreen: c.onGreen, onRed: c.onRed }));
  const parties = partiesOf(by, draft);
  const p: Proposal = {
    id: issueId(G.issued, 'proposals', audience({ channel: draft.channel, parties, leaked: false })),
    by,
    round: G.round,
    channel: draft.channel,
    commitments,
    parties,
    accepted: [by],
    status: 'open',
    leaked: false,
  };
  if (replaces !== undefined) p.replaces = replaces;
  G.proposals.push(p);
  G.proposedThisRound[by] += 1;
  const verb = replaces === undefined ? 'tables' : `counters proposal ${replaces} with`;
  log(rules, G, 'negotiation', `${SEAT_NAMES[by]} ${verb} ${describe(rules, p)}.`, by, audience(p));
  return p;
}

export function accept(rules: RuleSet, G: GameState, seat: SeatId, id: ItemId): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.accepted.push(seat);
  log(rules, G, 'negotiation', `${SEAT_NAMES[seat]} accepts proposal ${p.id}.`, seat, audience(p));
  if (p.parties.every((s) => p.accepted.includes(s))) {
    p.status = 'agreed';
    formAgreement(rules, G, p);
  }
}

export function reject(rules: RuleSet, G: GameState, seat: SeatId, id: ItemId): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.status = 'rejected';
  // A plain no, with nothing offered instead, is what freezes talks: a counter is not blamed. Blame
  // is public, so a no said on the backchannel stays unblamed: outsiders must not learn of it.
  if (canSee(p, null)) addBlame(G, seat, rules.endings.blame.reject);
  log(rules, G, 'negotiation', `${SEAT_NAMES[seat]} rejects proposal ${p.id}.`, seat, audience(p));
}

export function withdraw(rules: RuleSet, G: GameState, seat: SeatId, id: ItemId): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.status = 'withdrawn';
  log(rules, G, 'negotiation', `${SEAT_NAMES[seat]} withdraws proposal ${p.id}.`, seat, audience(p));
}

export function counter(rules: RuleSet, G: GameState, seat: SeatId, id: ItemId, draft: ProposalDraft): void {
  G.proposals.find((x) => x.id === id)!.status = 'countered';
  table(rules, G, seat, draft, id);
}

/**
 * At the round's end the answered proposals leave the table; an open one stays for one more round,
 * so a seat that said Done before it arrived can still answer it, then lapses.
 */
export function lapseProposals(rules: RuleSet, G: GameState): void {
  const lapsing = G.proposals.filter((p) => p.status === 'open' && p.round < G.round);
  for (const p of lapsing) log(rules, G, 'implementation', `Proposal ${p.id} lapses unanswered.`, undefined, audience(p));
  G.proposals = G.proposals.filter((p) => p.status === 'open' && p.round === G.round);
}
