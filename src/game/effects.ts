/** Applies a change to the board, clamped to each track's bounds, and says it in words. */
import { addMeasure, removeMeasure } from './measures';
import { METRIC_LABELS } from './metrics';
import { openAccessTier } from './nuclear';
import { makeReal } from './reality';
import { entry, type RuleSet } from './ruleset';
import type { Effects } from './schema';
import { CAPITAL_NAMES } from './seats';
import type { GameState } from './state';
import { readTrack as read, writeTrack as write } from './tracks';
import { SEATS, TRACKS, type SeatId, type Track } from './types';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A release moves people from one counter to the other. */
const RELEASE_FROM: Partial<Record<Track, Track>> = {
  releasedByIran: 'heldByIran',
  releasedByUS: 'heldByUS',
};

export function shiftTrack(rules: RuleSet, G: GameState, t: Track, delta: number): void {
  const b = rules.board.bounds[t];
  const from = RELEASE_FROM[t];
  const moved = from ? Math.min(delta, read(G, from)) : delta;
  if (from) write(G, from, read(G, from) - moved);
  // Access cannot outrun the sources' sequencing, whatever grants it; nor is it taken below where it stands.
  const max = t === 'access' && delta > 0 ? Math.max(read(G, t), Math.min(b.max, openAccessTier(rules, G))) : b.max;
  write(G, t, clamp(read(G, t) + moved, b.min, max));
}

export function shiftCapital(rules: RuleSet, G: GameState, seat: SeatId, delta: number): void {
  const b = rules.board.bounds.capital;
  G.seats[seat].capital = clamp(G.seats[seat].capital + delta, b.min, b.max);
}

/**
 * Applies `effects`, with every number multiplied by `scale` (an action taken in units).
 * `by` records who put any new measure in place.
 */
export function applyEffects(rules: RuleSet, G: GameState, effects: Effects, by: SeatId | null, scale = 1): void {
  for (const t of TRACKS) {
    const d = effects[t];
    if (d) shiftTrack(rules, G, t, d * scale);
  }
  for (const seat of SEATS) {
    const d = effects.capital?.[seat];
    if (d) shiftCapital(rules, G, seat, d * scale);
  }
  for (const id of effects.addMeasures ?? []) {
    addMeasure(rules, G, id, by);
    makeReal(G, id);
  }
  for (const id of effects.removeMeasures ?? []) removeMeasure(G, id);
}

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

/** "Trust +1, Tension −1, Iranian political capital +1, puts Enrichment pause in place". */
export function describeEffects(rules: RuleSet, effects: Effects, scale = 1): string {
  const parts: string[] = [];
  for (const t of TRACKS) {
    const d = effects[t];
    if (d) parts.push(`${METRIC_LABELS[t]} ${signed(d * scale)}`);
  }
  for (const seat of SEATS) {
    const d = effects.capital?.[seat];
    if (d) parts.push(`${CAPITAL_NAMES[seat]} ${signed(d * scale)}`);
  }
  for (const id of effects.addMeasures ?? []) parts.push(`puts ${entry(rules, 'measures', id).name} in place`);
  for (const id of effects.removeMeasures ?? []) parts.push(`ends ${entry(rules, 'measures', id).name}`);
  return parts.length ? parts.join(', ') : 'no change';
}
