/**
 * The plain-language log every seat reads. It is kept in pages of `PAGE` lines, oldest first: a
 * move writes a line into the last page, and immer copies that page rather than the whole log.
 */
import { plain } from './drafts';
import { RULES } from './rules';
import type { GameState, LogEntry, RoundStep } from './state';
import type { SeatId } from './types';

/** Lines in a page. A seat's view keeps the pages, less the lines it may not read. */
export const PAGE = 25;

/** Adds a line to the log; `to` limits who may read it (a seat's secret, backchannel traffic). */
export function log(G: GameState, step: RoundStep, text: string, seat?: SeatId, to?: SeatId[]): void {
  const entry: LogEntry = { round: G.round, step, text };
  if (seat !== undefined) entry.seat = seat;
  if (to !== undefined) entry.to = [...to];
  const last = G.log.at(-1);
  const full = !last || last.length >= PAGE;
  // Every page but the last is full, so this counts the lines without reading each page. (In a
  // seat's view, where pages have lost lines, it counts high: a prediction may drop a page early.)
  const lines = last ? (G.log.length - 1) * PAGE + last.length : 0;
  if (lines < RULES.board.maxLog) {
    if (full) G.log.push([entry]);
    else last.push(entry);
    return;
  }
  // At the board's maximum the oldest page goes, sliced from plain objects: slicing the draft
  // would wrap every page in a proxy.
  const kept = plain(G.log).slice(1);
  G.log = full || kept.length === 0 ? [...kept, [entry]] : [...kept.slice(0, -1), [...kept[kept.length - 1], entry]];
}

/** Every line of the log, oldest first. */
export const logLines = (G: Pick<GameState, 'log'>): LogEntry[] => G.log.flat();
