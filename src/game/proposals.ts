/**
 * Proposals: packages of commitments tabled, accepted, rejected, withdrawn or countered during
 * negotiation; one left open stays on the table through the next round. A proposal is checked whole; when every party has accepted it becomes an agreement.
 * Channels follow the sources: in Phase I the capitals talk through the Mediator (shuttle) until it
 * hosts direct talks; a secure backchannel keeps a proposal between its parties.
 */
import { formAgreement } from './agreements';
import { currentPhase } from './calendar';
import { checkCommitment, describeCommitment } from './commitments';
import { log } from './log';
import { hasMeasure, measureDef } from './measures';
import { RULES } from './rules';
import { SEAT_NAMES } from './seats';
import type { Commitment, GameState, Proposal, ProposalDraft } from './state';
import { CHANNELS, SEATS, type Channel, type SeatId } from './types';
import { OK, no, type Verdict } from './verdict';

/** Who must accept: the proposer, every committed seat, and the Mediator carrying a shuttle. */
export function partiesOf(by: SeatId, draft: ProposalDraft): SeatId[] {
  const named = new Set<SeatId>([by, ...draft.commitments.map((c) => c.seat)]);
  if (draft.channel === 'shuttle') named.add('2');
  return SEATS.filter((s) => named.has(s));
}

/** A backchannel item is seen only by its parties, until a leak exposes it. */
export function canSee(item: { channel: Channel; parties: SeatId[]; leaked: boolean }, seat: SeatId | null): boolean {
  return item.channel !== 'backchannel' || item.leaked || (seat !== null && item.parties.includes(seat));
}

/** Whom a log line about the item may reach: everyone, or only the backchannel's parties. */
export function audience(item: { channel: Channel; parties: SeatId[]; leaked: boolean }): SeatId[] | undefined {
  return canSee(item, null) ? undefined : item.parties;
}

function checkChannel(G: GameState, by: SeatId, channel: Channel, parties: SeatId[]): Verdict {
  const { directNeeds, backchannelNeeds, shuttleOnlyIn } = RULES.negotiation.channels;
  const missing = (ids: readonly string[]) => ids.filter((m) => !hasMeasure(G, m as never));
  if (channel === 'backchannel') {
    const gap = missing(backchannelNeeds);
    if (gap.length) return no(`A backchannel needs ${gap.map((m) => measureDef(m as never).name).join(' and ')} in place.`);
  }
  const capitals = parties.includes('0') && parties.includes('1');
  if (channel === 'direct' && capitals && by !== '2' && shuttleOnlyIn.includes(currentPhase(G)) && !directNeeds.some((m) => hasMeasure(G, m)))
    return no('In Phase I the capitals talk through the Mediator (shuttle) until it hosts direct talks.');
  return OK;
}

/** Whether `draft`, sent by `by`, is a sound package on this board. Size limits are the caller's. */
export function checkDraft(G: GameState, by: SeatId, draft: unknown): Verdict {
  if (!draft || typeof draft !== 'object' || Array.isArray(draft))
    return no('A proposal must be an object { channel, commitments }.');
  const extra = Object.keys(draft).filter((k) => k !== 'channel' && k !== 'commitments');
  if (extra.length) return no(`A proposal has unknown field(s): ${extra.join(', ')}.`);
  const { channel, commitments } = draft as Record<string, unknown>;
  if (!CHANNELS.includes(channel as Channel)) return no(`The channel must be one of: ${CHANNELS.join(', ')}.`);
  const max = RULES.negotiation.limits.commitmentsPerProposal;
  if (!Array.isArray(commitments) || commitments.length === 0 || commitments.length > max)
    return no(`A proposal holds from 1 to ${max} commitments.`);
  for (const c of commitments) {
    const v = checkCommitment(G, c);
    if (!v.ok) return v;
  }
  const lines = commitments as Commitment[];
  const keys = lines.map((c) => `${c.seat}/${c.what}/${c.due}`);
  if (new Set(keys).size !== keys.length) return no('The same commitment appears twice for the same round.');
  if (!lines.some((c) => c.seat !== by)) return no('A proposal must ask something of another seat; a step of your own is an action.');
  const parties = partiesOf(by, { channel: channel as Channel, commitments: lines });
  return checkChannel(G, by, channel as Channel, parties);
}

const openBy = (G: GameState, seat: SeatId) => G.proposals.filter((p) => p.by === seat && p.status === 'open').length;

/** Whether `seat` may table another proposal this round. */
export function checkProposalRoom(G: GameState, seat: SeatId): Verdict {
  const { openProposalsPerSeat, proposalsPerRound } = RULES.negotiation.limits;
  if (openBy(G, seat) >= openProposalsPerSeat) return no(`You already have ${openProposalsPerSeat} proposals open.`);
  if (G.proposedThisRound[seat] >= proposalsPerRound) return no(`You have tabled ${proposalsPerRound} proposals this round.`);
  return OK;
}

/** The proposal `id` as `seat` can see it, if it is open. */
function openProposal(G: GameState, seat: SeatId, id: unknown): Proposal | undefined {
  const p = G.proposals.find((x) => x.id === id);
  return p && p.status === 'open' && canSee(p, seat) ? p : undefined;
}

/** Whether `seat` may answer (accept, reject or counter) proposal `id`. */
export function checkAnswer(G: GameState, seat: SeatId, id: unknown): Verdict {
  const p = openProposal(G, seat, id);
  if (!p) return no(`There is no open proposal ${String(id)}.`);
  if (!p.parties.includes(seat)) return no('That proposal does not name you.');
  if (p.accepted.includes(seat)) return no('You have already accepted that proposal.');
  return OK;
}

/** Whether the package can still become an agreement now (measures it or its channel need may have lapsed). */
export function checkAccept(G: GameState, seat: SeatId, id: unknown): Verdict {
  const answer = checkAnswer(G, seat, id);
  if (!answer.ok) return answer;
  const p = G.proposals.find((x) => x.id === id)!;
  for (const c of p.commitments) {
    const v = checkCommitment(G, c);
    if (!v.ok) return no(`It can no longer be agreed: ${v.reason}`);
  }
  const channel = checkChannel(G, p.by, p.channel, p.parties);
  return channel.ok ? OK : no(`It can no longer be agreed: ${channel.reason}`);
}

/**
 * Whether `seat` may counter proposal `id` with `draft`. A backchannel exchange stays on the
 * backchannel: a counter in the open would expose the proposal it answers.
 */
export function checkCounter(G: GameState, seat: SeatId, id: unknown, draft: unknown): Verdict {
  const answer = checkAnswer(G, seat, id);
  if (!answer.ok) return answer;
  const p = G.proposals.find((x) => x.id === id)!;
  if (p.by === seat) return no('You cannot counter your own proposal.');
  const room = checkProposalRoom(G, seat);
  if (!room.ok) return room;
  const v = checkDraft(G, seat, draft);
  if (!v.ok) return v;
  const counter = draft as ProposalDraft;
  if (!canSee(p, null) && counter.channel !== 'backchannel') return no('A backchannel proposal can only be countered over the backchannel.');
  if (!canSee(p, null) && partiesOf(seat, counter).some((s) => !p.parties.includes(s)))
    return no('A counter to a backchannel proposal cannot bring in a seat that was not party to it.');
  return OK;
}

export function checkWithdraw(G: GameState, seat: SeatId, id: unknown): Verdict {
  const p = openProposal(G, seat, id);
  if (!p || p.by !== seat) return no(`You have no open proposal ${String(id)}.`);
  return OK;
}

function describe(p: Proposal): string {
  const via = p.channel === 'shuttle' ? 'through the Mediator' : p.channel === 'direct' ? 'directly' : 'over the backchannel';
  return `proposal ${p.id} (${via}): ${p.commitments.map(describeCommitment).join('; ')}`;
}

/** Tables a checked draft; returns the new proposal. */
export function table(G: GameState, by: SeatId, draft: ProposalDraft, replaces?: number): Proposal {
  const commitments = draft.commitments.map((c) => ({ seat: c.seat, what: c.what, due: c.due, verifier: c.verifier, onGreen: c.onGreen, onRed: c.onRed }));
  const p: Proposal = {
    id: G.nextId++,
    by,
    round: G.round,
    channel: draft.channel,
    commitments,
    parties: partiesOf(by, draft),
    accepted: [by],
    status: 'open',
    leaked: false,
  };
  if (replaces !== undefined) p.replaces = replaces;
  G.proposals.push(p);
  G.proposedThisRound[by] += 1;
  const verb = replaces === undefined ? 'tables' : `counters proposal ${replaces} with`;
  log(G, 'negotiation', `${SEAT_NAMES[by]} ${verb} ${describe(p)}.`, by, audience(p));
  return p;
}

export function accept(G: GameState, seat: SeatId, id: number): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.accepted.push(seat);
  log(G, 'negotiation', `${SEAT_NAMES[seat]} accepts proposal ${p.id}.`, seat, audience(p));
  if (p.parties.every((s) => p.accepted.includes(s))) {
    p.status = 'agreed';
    formAgreement(G, p);
  }
}

export function reject(G: GameState, seat: SeatId, id: number): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.status = 'rejected';
  log(G, 'negotiation', `${SEAT_NAMES[seat]} rejects proposal ${p.id}.`, seat, audience(p));
}

export function withdraw(G: GameState, seat: SeatId, id: number): void {
  const p = G.proposals.find((x) => x.id === id)!;
  p.status = 'withdrawn';
  log(G, 'negotiation', `${SEAT_NAMES[seat]} withdraws proposal ${p.id}.`, seat, audience(p));
}

export function counter(G: GameState, seat: SeatId, id: number, draft: ProposalDraft): void {
  G.proposals.find((x) => x.id === id)!.status = 'countered';
  table(G, seat, draft, id);
}

/**
 * At the round's end the answered proposals leave the table; an open one stays for one more round,
 * so a seat that said Done before it arrived can still answer it, then lapses.
 */
export function lapseProposals(G: GameState): void {
  const lapsing = G.proposals.filter((p) => p.status === 'open' && p.round < G.round);
  for (const p of lapsing) log(G, 'implementation', `Proposal ${p.id} lapses unanswered.`, undefined, audience(p));
  G.proposals = G.proposals.filter((p) => p.status === 'open' && p.round === G.round);
}
