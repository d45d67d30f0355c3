/** What many simulated games add up to: the figures designers tune `rules/` against. */
import { PATHS, SEATS, type MeasureId, type Path, type SeatId } from '../game/types';
import type { GameResult } from './simulator';

/**
 * The verification capacity issue 11 asks bots to build: joint monitoring, the oversight forum and
 * escrow (the issue found them built 0 times a game).
 */
export const VERIFICATION_CAPACITY = ['joint-monitoring', 'oversight-forum', 'escrow-channel'] as MeasureId[];

export type SeatKey = 'us' | 'iran' | 'mediator';
export const SEAT_KEYS: Record<SeatId, SeatKey> = { '0': 'us', '1': 'iran', '2': 'mediator' };

export interface Summary {
  games: number;
  paths: Record<Path, number>;
  /** Share of games each seat won outright (0–1). */
  winRate: Record<SeatKey, number>;
  meanScore: Record<SeatKey, number>;
  meanRounds: number;
  /** Games by the round they ended in. */
  endedInRound: Record<number, number>;
  meanMoves: number;
  /** Games in which a seat fell into a domestic crisis. */
  crisisGames: number;
  /** Games in which a seat built verification capacity (`VERIFICATION_CAPACITY`). */
  verificationGames: number;
  agreements: number;
  lights: { green: number; amber: number; red: number };
}

const perSeat = (f: (seat: SeatId) => number) =>
  Object.fromEntries(SEATS.map((s) => [SEAT_KEYS[s], f(s)])) as Record<SeatKey, number>;

export function summarize(results: readonly GameResult[]): Summary {
  const n = Math.max(1, results.length);
  const sum = (f: (r: GameResult) => number) => results.reduce((a, r) => a + f(r), 0);
  return {
    games: results.length,
    paths: Object.fromEntries(PATHS.map((p) => [p, results.filter((r) => r.path === p).length])) as Record<Path, number>,
    winRate: perSeat((s) => results.filter((r) => r.winner === s).length / n),
    meanScore: perSeat((s) => sum((r) => r.scores[s]) / n),
    meanRounds: sum((r) => r.rounds) / n,
    endedInRound: results.reduce<Record<number, number>>((h, r) => ({ ...h, [r.rounds]: (h[r.rounds] ?? 0) + 1 }), {}),
    meanMoves: sum((r) => r.moves) / n,
    crisisGames: results.filter((r) => r.crises > 0).length,
    verificationGames: results.filter((r) => r.measuresBuilt.some((m) => VERIFICATION_CAPACITY.includes(m))).length,
    agreements: sum((r) => r.agreements),
    lights: { green: sum((r) => r.lights.green), amber: sum((r) => r.lights.amber), red: sum((r) => r.lights.red) },
  };
}
