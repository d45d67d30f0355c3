/**
 * Games played in this browser (solo and hot-seat), kept in localStorage so that a reload or a
 * closed tab does not lose them. A save holds what the match was started from (seed, set-up, who
 * plays which seat) and the moves played, in order: the engine is deterministic for a seed, so
 * replaying them rebuilds the match exactly, secrets and bots' hands included.
 *
 * Why moves and not boardgame.io's own `Local({ persist })`: that store rewrites the whole action
 * log and initial state on every move, throws inside the master when storage is full (the move is
 * then lost on screen too), keeps deleted matches' logs, and does not wake a bot whose turn it was
 * on reload. A list of moves stays a few kilobytes, a failed write only costs the save, and the
 * replay ends with the bots scheduled as after any move.
 */
import { z } from 'zod';
import { DIFFICULTIES, PERSONALITIES } from '../../bots/config';
import { setupDataShape } from '../../game/arguments';
import { SEATS } from '../../game/types';

const seat = z.enum(SEATS);

/** One move as played: by which seat, which move, with which arguments. */
const savedMoveSchema = z.tuple([seat, z.string(), z.array(z.unknown())]);
export type SavedMove = z.infer<typeof savedMoveSchema>;

const savedGameSchema = z.object({
  id: z.string(),
  mode: z.enum(['solo', 'hotseat']),
  humans: z.array(seat).min(1),
  bots: z.partialRecord(seat, z.object({ personality: z.enum(PERSONALITIES), difficulty: z.enum(DIFFICULTIES) })),
  seed: z.string(),
  /** The scenario is checked against the rules again by the session on resume, as on any start. */
  setupData: setupDataShape.transform((d) => d ?? undefined).optional(),
  moves: z.array(savedMoveSchema),
  /** For the list on the start page, without replaying the game. */
  round: z.number(),
  rounds: z.number(),
  savedAt: z.number(),
});
export type SavedGame = z.infer<typeof savedGameSchema>;

/** Each game under a key of its own, so a move rewrites only its own game. */
const PREFIX = 'backchannel.local.';

export const newSavedId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage disabled by the browser's settings: nothing is kept.
    return undefined;
  }
}

/** The saved game `id`, or undefined if there is none or what is stored is not a saved game. */
export function loadGame(id: string): SavedGame | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + id);
    const parsed = savedGameSchema.safeParse(raw ? JSON.parse(raw) : undefined);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Every readable saved game, the most recently played first. */
export function savedGames(): SavedGame[] {
  const store = storage();
  if (!store) return [];
  const ids = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
  return ids
    .map((key) => loadGame(key.slice(PREFIX.length)))
    .filter((g): g is SavedGame => g !== undefined)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Stores `game`; false when the browser refuses (storage full or disabled). */
export function saveGame(game: Omit<SavedGame, 'savedAt'>): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(PREFIX + game.id, JSON.stringify({ ...game, savedAt: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

export function forgetGame(id: string): void {
  try {
    storage()?.removeItem(PREFIX + id);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
