/** The plain-language log every seat reads. */
import { RULES } from './rules';
import type { GameState, RoundStep } from './state';
import type { SeatId } from './types';

export function log(G: GameState, step: RoundStep, text: string, seat?: SeatId): void {
  G.log.push(seat === undefined ? { round: G.round, step, text } : { round: G.round, step, seat, text });
  if (G.log.length > RULES.board.maxLog) G.log.splice(0, G.log.length - RULES.board.maxLog);
}
