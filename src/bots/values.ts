/**
 * How a delegation values a change to the board: a weight per track for its seat and temperament,
 * bent by its own secret agendas and by danger (Tension near war, Trust near collapse). Every
 * choice a bot makes — actions, cards, packages, triggers, compliance — is priced with this.
 */
import { entry, type RuleSet } from '../game/ruleset';
import type { Effects } from '../game/schema';
import type { SeatSecret } from '../game/state';
import { SEATS, TRACKS, type MeasureId, type SeatId, type Track } from '../game/types';
import type { GameView } from '../game/view';
import type { Personality } from './config';

const SHARED: Track[] = ['trust', 'tension'];

export interface Valuer {
  seat: SeatId;
  /** The value to this seat of a change to the tracks, capital and measures. */
  effects(e: Effects, scale?: number): number;
  /** The value of a point of this seat's own capital now (scarce capital is dear). */
  capital: number;
}

/** How far Tension stands above 5 and Trust below 3: the danger every seat weighs. */
const tensionDanger = (view: GameView) => Math.max(0, view.tension - 5);
const trustDanger = (view: GameView) => Math.max(0, 3 - view.trust);

/** Danger multiplies the shared tracks: every seat fears war and a collapse of the talks. */
function danger(view: GameView, t: Track): number {
  if (t === 'tension') return 1 + tensionDanger(view) * 0.6;
  if (t === 'trust') return 1 + trustDanger(view) * 0.4;
  return 1;
}

/** Extra pull toward the metrics named by the seat's own agendas. */
function agendaPull(rules: RuleSet, secret: SeatSecret | undefined): Partial<Record<string, number>> {
  const pull: Partial<Record<string, number>> = {};
  for (const id of secret?.agendas ?? [])
    for (const c of entry(rules, 'agendas', id).when)
      if ('metric' in c) pull[c.metric] = (pull[c.metric] ?? 0) + (c.op === '>=' ? 1 : -1) * entry(rules, 'agendas', id).points * 0.15;
  return pull;
}

/** Scarce capital is dear. */
const capitalBand = (own: number) => (own < 2 ? 1.6 : own < 5 ? 0.9 : 0.35);

/** What a valuer knows that does not depend on the measures in place. */
interface Core {
  capital: number;
  /** The value of an effect's tracks and capital, for one unit of it. */
  linear(e: Effects): number;
  /** The value of a measure put in place. */
  measure(id: MeasureId): number;
}

/**
 * Cores already built, by everything they read (of Trust and Tension, only the danger): a seat
 * decides many times a round on much the same board, and a core that lives on keeps the prices it
 * has worked out. Cleared when full, so memory stays flat however many games run.
 */
const cores = new WeakMap<RuleSet, Map<string, Core>>();
const CORES_MAX = 1000;

function coresFor(rules: RuleSet): Map<string, Core> {
  let kept = cores.get(rules);
  if (kept === undefined) cores.set(rules, (kept = new Map()));
  return kept;
}

export function valuer(rules: RuleSet, view: GameView, seat: SeatId, personality: Personality): Valuer {
  const secret = 'hidden' in view.secrets[seat] ? undefined : (view.secrets[seat] as SeatSecret);
  const key = [seat, personality, secret?.agendas ?? '', tensionDanger(view), trustDanger(view), capitalBand(view.seats[seat].capital)].join('|');
  const kept = coresFor(rules);
  let core = kept.get(key);
  if (core === undefined) {
    if (kept.size >= CORES_MAX) kept.clear();
    kept.set(key, (core = buildCore(rules, view, seat, personality, secret)));
  }
  return withMeasures(core, seat, view);
}

/** A valuer built afresh, sharing nothing with the ones `valuer` keeps. */
export function buildValuer(rules: RuleSet, view: GameView, seat: SeatId, personality: Personality, secret: SeatSecret | undefined): Valuer {
  return withMeasures(buildCore(rules, view, seat, personality, secret), seat, view);
}

/** Prices the measures an effect would put in place at nothing if they are already there. */
function withMeasures(core: Core, seat: SeatId, view: GameView): Valuer {
  const inPlace = new Set(view.measures.map((m) => m.id));
  const effects = (e: Effects, scale = 1): number => {
    let once = 0;
    for (const id of e.addMeasures ?? []) if (!inPlace.has(id)) once += core.measure(id);
    for (const id of e.removeMeasures ?? []) once -= core.measure(id);
    return core.linear(e) * scale + once;
  };
  return { seat, capital: core.capital, effects };
}

function trackWeights(rules: RuleSet, view: GameView, seat: SeatId, personality: Personality, pull: Partial<Record<string, number>>): Record<Track, number> {
  const t = rules.bots.temperaments[personality];
  const weight = (track: Track) =>
    (rules.bots.weights[seat][track] ?? 0) * (SHARED.includes(track) ? t.shared : t.hard) * danger(view, track) + (pull[track] ?? 0);
  return Object.fromEntries(TRACKS.map((track) => [track, weight(track)])) as Record<Track, number>;
}

/** Nothing it returns holds on to `view`: a core outlives the decision it was built for. */
function buildCore(rules: RuleSet, view: GameView, seat: SeatId, personality: Personality, secret: SeatSecret | undefined): Core {
  const t = rules.bots.temperaments[personality];
  const pull = agendaPull(rules, secret);
  const weights = trackWeights(rules, view, seat, personality, pull);
  const capital = t.capital * capitalBand(view.seats[seat].capital) + Math.max(0, (pull.usCapital ?? 0) + (pull.iranCapital ?? 0) + (pull.credibility ?? 0));
  const measure = (id: MeasureId) => (t.measure + (rules.bots.measures[seat][id] ?? 0)) * (seat === '2' ? 2 : 1) + (pull.measuresInPlace ?? 0);
  // A decision prices the same cards and triggers many times over; tracks and capital scale with
  // an action's amount.
  const memo = new WeakMap<Effects, number>();
  const priceOf = (e: Effects): number => {
    let linear = 0;
    for (const track of TRACKS) linear += (e[track] ?? 0) * weights[track];
    for (const s of SEATS) {
      const d = e.capital?.[s] ?? 0;
      if (d) linear += d * (s === seat ? capital : seat === '2' ? 0.2 : personality === 'hardliner' ? -0.2 : 0.1);
    }
    return linear;
  };
  const linear = (e: Effects): number => {
    let p = memo.get(e);
    if (p === undefined) memo.set(e, (p = priceOf(e)));
    return p;
  };
  return { capital, linear, measure };
}
