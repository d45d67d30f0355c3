/** The plain-language log every seat reads. */
import { RULES } from './rules';
import type { GameState, LogEntry, RoundStep } from './state';
import type { SeatId } from './types';

/** Adds a line to the log; `to` limits who may read it (a seat's secret, backchannel traffic). */
export function log(G: GameState, step: RoundStep, text: string, seat?: SeatId, to?: SeatId[]): void {
  const entry: LogEntry = { round: G.round, step, text };
  if (seat !== undefined) entry.seat = seat;
  if (to !== undefined) entry.to = [...to];
  G.log.push(entry);
  if (G.log.length > RULES.board.maxLog) G.log.splice(0, G.log.length - RULES.board.maxLog);
}
