/**
 * What this browser remembers of online play, in localStorage: the seats it has joined (so a
 * reload, or the same join link opened again, returns to the same seat) and the matches it has
 * created (so a teacher finds the tables again). A browser without storage simply forgets.
 */
import { z } from 'zod';
import { SEATS, type SeatId } from '../../game/types';

const savedSeatSchema = z.object({
  matchID: z.string(),
  playerID: z.enum(SEATS),
  /** The seat's boardgame.io credentials: from joining, or from a teammate's team link. */
  credentials: z.string(),
  /** The name this browser signs its chat with. */
  playerName: z.string(),
  /** Joined with a team link rather than by taking the seat. */
  teammate: z.boolean(),
  savedAt: z.number(),
});

export type SavedSeat = z.infer<typeof savedSeatSchema>;

const createdMatchSchema = z.object({
  matchID: z.string(),
  /** A few words to tell tables apart: the scenario and who plays. */
  label: z.string(),
  createdAt: z.number(),
});

export type CreatedMatch = z.infer<typeof createdMatchSchema>;

const SEATS_KEY = 'backchannel.online.seats';
const CREATED_KEY = 'backchannel.online.created';
const KEEP = 20;

/** The entries stored under `key` that fit `schema`; anything else there (another version's, a hand edit) is left out. */
function read<T>(key: string, schema: z.ZodType<T>): T[] {
  let value: unknown;
  try {
    const raw = globalThis.localStorage?.getItem(key);
    value = raw ? JSON.parse(raw) : [];
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function write(key: string, items: unknown[]): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(items.slice(0, KEEP)));
  } catch {
    // Storage is full or disabled: the seat is not remembered, and nothing else breaks.
  }
}

export const savedSeats = (): SavedSeat[] => read(SEATS_KEY, savedSeatSchema);

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

export const createdMatches = (): CreatedMatch[] => read(CREATED_KEY, createdMatchSchema);

export function rememberCreated(matchID: string, label: string): void {
  write(CREATED_KEY, [{ matchID, label, createdAt: Date.now() }, ...createdMatches().filter((m) => m.matchID !== matchID)]);
}
