/**
 * The plain-language log. Each reader — every seat, and a spectator — keeps its own list of the
 * lines it may read, so the list a seat is sent says nothing of the lines it may not read: not how
 * many, nor when. A list is kept in pages of `PAGE` lines, oldest first: a new line copies its last
 * page and its list of pages, never the whole list; at the board's maximum the oldest page goes.
 */
import { frozen, plain } from './drafts';
import type { RuleSet } from './ruleset';
import type { GameState, Log, LogEntry, Reader, RoundStep } from './state';
import { SEATS, type SeatId } from './types';

/** Lines in a page. */
export const PAGE = 25;

export const READERS: readonly Reader[] = [...SEATS, 'spectator'];

export const readerOf = (seat: SeatId | null): Reader => seat ?? 'spectator';

/** A reader's pages with `entry` added, past `max` lines without the oldest page. */
function appended(pages: LogEntry[][], entry: LogEntry, max: number): LogEntry[][] {
  const last = pages.at(-1);
  // Every page but the last is full, so this counts the lines without reading each page.
  const lines = last ? (pages.length - 1) * PAGE + last.length : 0;
  const kept = lines < max ? pages : pages.slice(1);
  const fresh = !last || last.length >= PAGE || kept.length === 0;
  const page = frozen(fresh ? [entry] : [...last, entry]);
  return frozen(fresh ? [...kept, page] : [...kept.slice(0, -1), page]);
}

/** Adds a line to the log; `to` limits who may read it (a seat's secret, backchannel traffic). */
export function log(rules: RuleSet, G: GameState, step: RoundStep, text: string, seat?: SeatId, to?: SeatId[]): void {
  const entry: LogEntry = { round: G.round, step, text };
  if (seat !== undefined) entry.seat = seat;
  if (to !== undefined) entry.to = frozen([...to]);
  frozen(entry);
  // Built from plain arrays and assigned whole: pushing through the draft costs a proxy trap per
  // step. `plain` is cheap here: the log is either untouched or already plain this move.
  const next = { ...plain(G.log) };
  for (const reader of to ?? READERS) next[reader] = appended(next[reader], entry, rules.board.maxLog);
  G.log = frozen(next);
}

/** The log as `seat` (null: a spectator) is sent it: its own list, and every other one empty. */
export function logFor(all: Log, seat: SeatId | null): Log {
  const reader = readerOf(seat);
  return { '0': [], '1': [], '2': [], spectator: [], [reader]: all[reader] };
}

/** Every line `reader` may read, oldest first. */
export const logLines = (G: Pick<GameState, 'log'>, reader: Reader): LogEntry[] => G.log[reader].flat();
