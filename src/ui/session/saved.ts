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

/**
 * What is stored under `id` that cannot be played from: written by another version of the game,
 * or damaged. It is left where it is (the player may still want it, or a newer version may read
 * it) and listed with the problem, so it can be deleted on purpose rather than silently lost.
 */
export interface UnreadableSave {
  id: string;
  problem: string;
}

/** The first thing wrong with a stored value, in a line: "moves.3.1: expected string". */
function problemOf(error: z.ZodError): string {
  const [issue] = error.issues;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** The saved game `id`, what is wrong with it when it cannot be read, or undefined if there is none. */
export function readGame(id: string): SavedGame | UnreadableSave | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(PREFIX + id);
  } catch {
    return undefined;
  }
  if (raw === null || raw === undefined) return undefined;
  try {
    const parsed = savedGameSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { id, problem: problemOf(parsed.error) };
  } catch {
    return { id, problem: 'it is not valid JSON' };
  }
}

export const isReadable = (entry: SavedGame | UnreadableSave): entry is SavedGame => !('problem' in entry);

/** The saved game `id`, or undefined if there is none or it cannot be read. */
export function loadGame(id: string): SavedGame | undefined {
  const entry = readGame(id);
  return entry && isReadable(entry) ? entry : undefined;
}

/** Every saved game, the most recently played first, and those that cannot be read. */
export function savedGames(): { games: SavedGame[]; unreadable: UnreadableSave[] } {
  const store = storage();
  if (!store) return { games: [], unreadable: [] };
  const ids = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
  const entries = ids.map((key) => readGame(key.slice(PREFIX.length))).filter((e) => e !== undefined);
  return {
    games: entries.filter(isReadable).sort((a, b) => b.savedAt - a.savedAt),
    unreadable: entries.filter((e): e is UnreadableSave => !isReadable(e)).sort((a, b) => a.id.localeCompare(b.id)),
  };
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

/**
 * The game this tab is playing, kept for the tab alone (sessionStorage): a reload goes straight
 * back into it, while a new tab or a new visit starts from the list on the start page.
 */
const PLAYING = 'backchannel.playing';

function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function setPlaying(id: string | null): void {
  try {
    if (id === null) tabStorage()?.removeItem(PLAYING);
    else tabStorage()?.setItem(PLAYING, id);
  } catch {
    // Without storage a reload shows the start page's list instead.
  }
}

export function playing(): string | null {
  try {
    return tabStorage()?.getItem(PLAYING) ?? null;
  } catch {
    return null;
  }
}
