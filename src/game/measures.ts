/** Measures in place: moratoria, channels, monitoring. Some expire; some stay for the game. */
import { lastRoundWithin } from './calendar';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import type { MeasureId, SeatId } from './types';
import type { GameView } from './view';

export function hasMeasure(G: Pick<GameView, 'measures'>, id: MeasureId): boolean {
  return G.measures.some((m) => m.id === id);
}

/** Puts a measure in place, or renews its expiry if it is already there. */
export function addMeasure(rules: RuleSet, G: GameState, id: MeasureId, by: SeatId | null): void {
  const { durationMonths } = entry(rules, 'measures', id);
  // It covers the rest of the round it is taken in, then its months on the calendar.
  const until = durationMonths === undefined ? null : lastRoundWithin(G.schedule, G.round, durationMonths);
  const existing = G.measures.find((m) => m.id === id);
  if (existing) existing.until = until;
  else G.measures.push({ id, by, until });
}

export function removeMeasure(G: GameState, id: MeasureId): void {
  G.measures = G.measures.filter((m) => m.id !== id);
}

/** Removes the measures whose window closed with the round just played; returns them for the log. */
export function expireMeasures(G: GameState): MeasureId[] {
  const lapsed = G.measures.filter((m) => m.until !== null && m.until <= G.round).map((m) => m.id);
  G.measures = G.measures.filter((m) => !lapsed.includes(m.id));
  return lapsed;
}
