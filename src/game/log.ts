/**
 * The plain-language log every seat reads. It is kept in pages of `PAGE` lines, oldest first: a
 * new line copies the last page and the list of pages, never the whole log; at the board's maximum
 * the oldest page goes.
 */
import { frozen, plain } from './drafts';
import type { RuleSet } from './ruleset';
import type { GameState, LogEntry, RoundStep } from './state';
import type { SeatId } from './types';

/** Lines in a page. A seat's view keeps the pages, less the lines it may not read. */
export const PAGE = 25;

/** Adds a line to the log; `to` limits who may read it (a seat's secret, backchannel traffic). */
export function log(rules: RuleSet, G: GameState, step: RoundStep, text: string, seat?: SeatId, to?: SeatId[]): void {
  const entry: LogEntry = { round: G.round, step, text };
  if (seat !== undefined) entry.seat = seat;
  if (to !== undefined) entry.to = frozen([...to]);
  // Built from plain arrays and assigned whole: pushing through the draft costs a proxy trap per
  // step. `plain` is cheap here: the log is either untouched or already a plain array this move.
  const pages = plain(G.log);
  const last = pages.at(-1);
  // Every page but the last is full, so this counts the lines without reading each page. (In a
  // seat's view, where pages have lost lines, it counts high: a prediction may drop a page early.)
  const lines = last ? (pages.length - 1) * PAGE + last.length : 0;
  const kept = lines < rules.board.maxLog ? pages : pages.slice(1);
  const fresh = !last || last.length >= PAGE || kept.length === 0;
  const page = frozen(fresh ? [frozen(entry)] : [...last, frozen(entry)]);
  G.log = frozen(fresh ? [...kept, page] : [...kept.slice(0, -1), page]);
}

/** Every line of the log, oldest first. */
export const logLines = (G: Pick<GameState, 'log'>): LogEntry[] => G.log.flat();
