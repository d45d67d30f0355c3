/** Who may see a proposal or an agreement, and so whom a log line about it may reach. */
import type { Channel, SeatId } from './types';

type Routed = { channel: Channel; parties: SeatId[]; leaked: boolean };

/** A backchannel item is seen only by its parties, until a leak exposes it. */
export function canSee(item: Routed, seat: SeatId | null): boolean {
  return item.channel !== 'backchannel' || item.leaked || (seat !== null && item.parties.includes(seat));
}

/** Whom a log line about the item may reach: everyone, or only the backchannel's parties. */
export function audience(item: Routed): SeatId[] | undefined {
  return canSee(item, null) ? undefined : item.parties;
}
