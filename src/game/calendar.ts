/** Where a round falls in the eighteen months: its phase, its month, whether it closes a phase. */
import type { ScheduleStep } from './state';
import type { PhaseId } from './types';
import type { GameView } from './view';

export function totalRounds(schedule: readonly ScheduleStep[]): number {
  return schedule.reduce((n, s) => n + s.rounds, 0);
}

interface RoundPlace {
  phase: PhaseId;
  /** 1-based round within its phase. */
  roundInPhase: number;
  isLastOfPhase: boolean;
  /** Months elapsed when the round begins, and when it ends. */
  monthStart: number;
  monthEnd: number;
}

export function placeOfRound(schedule: readonly ScheduleStep[], round: number): RoundPlace {
  let first = 1;
  let month = 0;
  for (const step of schedule) {
    if (round < first + step.rounds) {
      const roundInPhase = round - first + 1;
      const monthStart = month + (roundInPhase - 1) * step.monthsPerRound;
      return {
        phase: step.phase,
        roundInPhase,
        isLastOfPhase: roundInPhase === step.rounds,
        monthStart,
        monthEnd: monthStart + step.monthsPerRound,
      };
    }
    first += step.rounds;
    month += step.rounds * step.monthsPerRound;
  }
  throw new RangeError(`round ${round} is outside the schedule`);
}

/**
 * The last round a measure of `months` taken in `round` stays in place: its window opens as that
 * round closes, and it covers every later round that ends within it, so a three-month moratorium
 * spans two or three 1-month rounds, one 2-month round or one 3-month round: 60–90 days. Taken at
 * setup (round 0), its window opens with the game.
 */
export function lastRoundWithin(schedule: readonly ScheduleStep[], round: number, months: number): number {
  const closes = (r: number) => (r === 0 ? 0 : placeOfRound(schedule, r).monthEnd);
  const end = closes(round) + months;
  let last = round;
  while (last < totalRounds(schedule) && closes(last + 1) <= end) last += 1;
  return last;
}

export function currentPhase(G: Pick<GameView, 'round' | 'schedule'>): PhaseId {
  return placeOfRound(G.schedule, Math.max(1, G.round)).phase;
}

export function isFinalRound(G: GameView): boolean {
  return G.round === totalRounds(G.schedule);
}
