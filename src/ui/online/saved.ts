/**
 * What this browser remembers of online play, in localStorage: the seats it has joined (so a
 * reload, or the same join link opened again, returns to the same seat) and the matches it has
 * created (so a teacher finds the tables again). A browser without storage simply forgets.
 */
import { isSeat } from '../../game/seats';
import type { SeatId } from '../../game/types';

export interface SavedSeat {
  matchID: string;
  playerID: SeatId;
  /** The seat's boardgame.io credentials: from joining, or from a teammate's team link. */
  credentials: string;
  /** The name this browser signs its chat with. */
  playerName: string;
  /** Joined with a team link rather than by taking the seat. */
  teammate: boolean;
  savedAt: number;
}

export interface CreatedMatch {
  matchID: string;
  /** A few words to tell tables apart: the scenario and who plays. */
  label: string;
  createdAt: number;
}

const SEATS_KEY = 'backchannel.online.seats';
const CREATED_KEY = 'backchannel.online.created';
const KEEP = 20;

function read(key: string): unknown[] {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const value: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function write(key: string, items: unknown[]): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(items.slice(0, KEEP)));
  } catch {
    // Storage is full or disabled: the seat is not remembered, and nothing else breaks.
  }
}

const isSavedSeat = (x: unknown): x is SavedSeat => {
  const s = x as Partial<SavedSeat> | null;
  return (
    typeof s === 'object' && s !== null && typeof s.matchID === 'string' && isSeat(s.playerID) && typeof s.credentials === 'string' && typeof s.playerName === 'string'
  );
};

export const savedSeats = (): SavedSeat[] => read(SEATS_KEY).filter(isSavedSeat);

export const savedSeat = (matchID: string, playerID: SeatId): SavedSeat | undefined =>
  savedSeats().find((s) => s.matchID === matchID && s.playerID === playerID);

export function saveSeat(seat: Omit<SavedSeat, 'savedAt'>): SavedSeat {
  const saved = { ...seat, savedAt: Date.now() };
  write(SEATS_KEY, [saved, ...savedSeats().filter((s) => !(s.matchID === seat.matchID && s.playerID === seat.playerID))]);
  return saved;
}

export function forgetSeat(matchID: string, playerID: SeatId): void {
  write(
    SEATS_KEY,
    savedSeats().filter((s) => !(s.matchID === matchID && s.playerID === playerID)),
  );
}

const isCreated = (x: unknown): x is CreatedMatch => typeof (x as CreatedMatch | null)?.matchID === 'string' && typeof (x as CreatedMatch).label === 'string';

export const createdMatches = (): CreatedMatch[] => read(CREATED_KEY).filter(isCreated);

export function rememberCreated(matchID: string, label: string): void {
  write(CREATED_KEY, [{ matchID, label, createdAt: Date.now() }, ...createdMatches().filter((m) => m.matchID !== matchID)]);
}
