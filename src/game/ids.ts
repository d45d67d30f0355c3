/**
 * The ids of proposals, agreements and steps. Each audience numbers its own, so an id tells a seat
 * nothing of traffic it cannot see: proposals and agreements in the open count 1, 2, 3…; on a
 * backchannel they count among its parties, after their initials ("UI-2": the second between the
 * United States and Iran). A step is its agreement's id and its place in it ("3.2"). Counting
 * spends none of boardgame.io's randomness, so games replay as they did.
 */
import type { SeatId } from './types';

const INITIALS: Record<SeatId, string> = { '0': 'U', '1': 'I', '2': 'M' };

/** Whose numbers an id is drawn from: the open table, or a backchannel's parties (in seat order). */
export type IdSpace = 'open' | 'UI' | 'UM' | 'IM' | 'UIM';

/** A proposal's or an agreement's id. */
export type ItemId = `${number}` | `${Exclude<IdSpace, 'open'>}-${number}`;
/** A step's id: its agreement's, and its place in the agreement, from 1. */
export type StepId = `${ItemId}.${number}`;

/** The last number each audience has given, by kind: how many it has seen. */
export type Issued = Record<'proposals' | 'agreements', Partial<Record<IdSpace, number>>>;

/** `to`: whom the item is shown, as `audience` says (everyone when undefined). */
const spaceOf = (to: readonly SeatId[] | undefined): IdSpace => (to ? (to.map((s) => INITIALS[s]).join('') as IdSpace) : 'open');

/** The next id for an item of `kind` shown to `to`. */
export function issueId(issued: Issued, kind: keyof Issued, to: readonly SeatId[] | undefined): ItemId {
  const space = spaceOf(to);
  const n = (issued[kind][space] ?? 0) + 1;
  issued[kind][space] = n;
  return space === 'open' ? `${n}` : `${space}-${n}`;
}

export const stepId = (agreement: ItemId, place: number): StepId => `${agreement}.${place}`;

/** The counts `seat` may know: the open table's and those of the backchannels it is party to. */
export function issuedFor(issued: Issued, seat: SeatId | null): Issued {
  const mine = (space: string) => space === 'open' || (seat !== null && space.includes(INITIALS[seat]));
  const keep = (counts: Partial<Record<IdSpace, number>>) => Object.fromEntries(Object.entries(counts).filter(([space]) => mine(space)));
  return { proposals: keep(issued.proposals), agreements: keep(issued.agreements) };
}
