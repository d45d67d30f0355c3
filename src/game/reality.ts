/**
 * Declared and real (seeds 000, 001: verify, because cheating changes the real programme). The
 * board shows what the seats declared. A cheat or a partial compliance the verifier missed left part
 * of a step undone: its seat keeps the gap in secret, the real board lags the declared one, and
 * breakout, the endings and the agendas read the real board. Look-back closes a gap it finds.
 */
import { hasMeasure } from './measures';
import type { RuleSet } from './ruleset';
import type { Effects } from './schema';
import type { GameState, Gap, HiddenCheat } from './state';
import { readTrack, writeTrack } from './tracks';
import { SEATS, TRACKS, type MeasureId, type Track } from './types';

export type Tracks = Record<Track, number>;

export function readTracks(G: GameState): Tracks {
  return Object.fromEntries(TRACKS.map((t) => [t, readTrack(G, t)])) as Tracks;
}

/** The part of `share` that fits inside what was actually `applied`: same sign, no larger. */
function within(share: number, applied: number): number {
  if (share === 0 || Math.sign(share) !== Math.sign(applied)) return 0;
  return Math.sign(share) * Math.min(Math.abs(share), Math.abs(applied));
}

/**
 * The gap a missed step leaves: the board moved from `before` as declared, but only `real` of the
 * step's effects was carried out (nothing for a cheat, the partial effects for partial compliance).
 */
export function gapOf(G: GameState, before: Tracks, declared: Effects, real: Effects): Gap {
  const after = readTracks(G);
  const tracks: Partial<Record<Track, number>> = {};
  for (const t of TRACKS) {
    const applied = after[t] - before[t];
    const gap = applied - within(real[t] ?? 0, applied);
    if (gap !== 0) tracks[t] = gap;
  }
  const measures = (declared.addMeasures ?? []).filter((m) => !(real.addMeasures ?? []).includes(m));
  return { tracks, measures };
}

/** Every hidden gap in `G`; a client predicting a move holds only its own seat's. */
const allGaps = (G: GameState): HiddenCheat[] => SEATS.flatMap((seat) => G.secrets[seat].cheats ?? []);

/** Whether measure `id` is in force for real, not only on paper. */
export function inForce(G: GameState, id: MeasureId): boolean {
  return hasMeasure(G, id) && !allGaps(G).some((c) => c.gap.measures.includes(id));
}

/** A measure put in place in good faith is real from then on, whatever was faked before. */
export function makeReal(G: GameState, id: MeasureId): void {
  for (const c of allGaps(G)) c.gap.measures = c.gap.measures.filter((m) => m !== id);
}

/** The board as it really is: the declared one less every hidden gap, within the bounds. */
export function realBoard(rules: RuleSet, G: GameState): GameState {
  const gaps = allGaps(G);
  if (gaps.length === 0) return G;
  const real: GameState = {
    ...G,
    nuclear: { ...G.nuclear },
    sanctions: { ...G.sanctions },
    detainees: { ...G.detainees },
    measures: G.measures.filter((m) => inForce(G, m.id)),
  };
  for (const t of TRACKS) {
    const gap = gaps.reduce((n, c) => n + (c.gap.tracks[t] ?? 0), 0);
    const { min, max } = rules.board.bounds[t];
    if (gap !== 0) writeTrack(real, t, Math.min(max, Math.max(min, readTrack(G, t) - gap)));
  }
  return real;
}

/** Look-back found the gap: the declared board is corrected to the real one. */
export function closeGap(rules: RuleSet, G: GameState, cheat: HiddenCheat): void {
  for (const t of TRACKS) {
    const gap = cheat.gap.tracks[t];
    const { min, max } = rules.board.bounds[t];
    if (gap) writeTrack(G, t, Math.min(max, Math.max(min, readTrack(G, t) - gap)));
  }
  G.measures = G.measures.filter((m) => !cheat.gap.measures.includes(m.id));
}

/** The growth a faked halt lets through is real: it widens the gap of the cheat that faked it. */
export function growBehindFakeHalt(G: GameState, halt: MeasureId, track: Track, growth: number): void {
  const cheat = allGaps(G).find((c) => c.gap.measures.includes(halt));
  if (cheat) cheat.gap.tracks[track] = (cheat.gap.tracks[track] ?? 0) - growth;
}
