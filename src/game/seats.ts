/** Who sits at the table, and what each seat's standing at home is called. */
import type { SeatId } from './types';

export const SEAT_NAMES: Record<SeatId, string> = {
  '0': 'United States',
  '1': 'Iran',
  '2': 'Mediator',
};

export const CAPITAL_NAMES: Record<SeatId, string> = {
  '0': 'U.S. political capital',
  '1': 'Iranian political capital',
  '2': 'Mediator credibility',
};

/** A seat as the subject of a sentence: "the United States", "Iran", "the Mediator". */
export const SEAT_TITLES: Record<SeatId, string> = {
  '0': 'the United States',
  '1': 'Iran',
  '2': 'the Mediator',
};

export function isSeat(x: unknown): x is SeatId {
  return x === '0' || x === '1' || x === '2';
}
