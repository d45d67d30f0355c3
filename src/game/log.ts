/** The plain-language log every seat reads. */
import { current, isDraft } from 'immer';
import { RULES } from './rules';
import type { GameState, LogEntry, RoundStep } from './state';
import type { SeatId } from './types';

/**
 * Once the log is full, this many of its oldest lines go at once: trimming copies the whole log,
 * and a move that paid for it on every line would cost ten times as much.
 */
const TRIM = 50;

/** Adds a line to the log; `to` limits who may read it (a seat's secret, backchannel traffic). */
export function log(G: GameState, step: RoundStep, text: string, seat?: SeatId, to?: SeatId[]): void {
  const entry: LogEntry = { round: G.round, step, text };
  if (seat !== undefined) entry.seat = seat;
  if (to !== undefined) entry.to = [...to];
  if (G.log.length < RULES.board.maxLog) {
    G.log.push(entry);
    return;
  }
  // Sliced from plain objects: slicing the draft would wrap every line in a proxy.
  const lines = isDraft(G.log) ? current(G.log) : G.log;
  G.log = [...lines.slice(lines.length - RULES.board.maxLog + TRIM), entry];
}
