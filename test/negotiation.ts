/**
 * Shared by the negotiation, verification and secrets tests: positions in round 1's negotiation on
 * a calm board, package lines built from rules/commitments.json, and agreements reached on them.
 * (Moves that must be played or refused, `ok` and `refused`, are in ./harness, for every test.)
 *
 * A position is a real match (the round-1 incident answered, every seat negotiating) set with `setG`
 * to a calm board, where no domestic pressure applies and no track is at a bound, with the incident
 * that opens the next round forced to `congress-shift` (it only costs the United States capital).
 */
import { expect } from 'vitest';
import commitmentsJson from '../rules/commitments.json';
import flavoursJson from '../rules/flavours.json';
import scenariosJson from '../rules/scenarios.json';
import type { GameState, Step } from '../src/game/state';
import type { StepId } from '../src/game/ids';
import { SEATS, type Flavour, type IncidentId, type MeasureId, type SeatId } from '../src/game/types';
import { active, answerIncident, midTracks, newMatch, ok, setG, type Match } from './harness';

const NEGOTIATING = { '0': 'negotiate', '1': 'negotiate', '2': 'negotiate' };
/** Rounds in the default scenario: 3 + 3 + 3. */
export const LAST_ROUND = scenariosJson[0].schedule.reduce((n, s) => n + s.rounds, 0);

/** One commitment of a package, as a proposal carries it. */
export interface Line {
  seat: SeatId;
  what: string;
  due: number;
  verifier: string;
  onGreen: string;
  onRed: string;
}
export type Draft = { channel: string; commitments: unknown[] };

export const m$ = (id: string) => id as MeasureId;

/** A commitment's entry in rules/commitments.json; throws on an unknown id. */
export const cdef = (id: string) => {
  const d = commitmentsJson.find((c) => c.id === id);
  if (!d) throw new Error(`test refers to unknown commitment ${id}`);
  return d;
};

/** A line of a package with the menu's first verifier and triggers unless told otherwise. */
export function line(what: string, due: number, over: Partial<Line> = {}): Line {
  const d = cdef(what);
  return { seat: d.seat as SeatId, what, due, verifier: d.verifiers[0], onGreen: d.triggers.green[0], onRed: d.triggers.red[0], ...over };
}

/** Iran pauses enrichment, checked by the IAEA: relief on green, snapback on red. */
export const pause = (due: number): Line =>
  line('enrichment-pause', due, { verifier: 'iaea', onGreen: 'relief-tranche', onRed: 'snapback' });

/** A package through the Mediator. */
export const shuttle = (...commitments: unknown[]): Draft => ({ channel: 'shuttle', commitments });

/** Every track away from its bounds and from every domestic pressure; 5 capital each. */
export function calm(G: GameState): void {
  midTracks(G, { trust: 3, tension: 3, sanctions: { level: 4, escrow: 0 }, nuclear: { access: 0 } });
  const perk = flavoursJson.find((f) => f.id === G.flavour)!;
  G.measures = perk.startMeasures.map((id) => ({ id: m$(id), by: null, until: null }));
  for (const s of SEATS) G.seats[s].capital = 5;
  G.monitoring = { '0': 0, '1': 0, '2': 0 };
}

/** Puts `id` on top of the incident deck (its last element), so the next round opens with it. */
export function nextIncident(G: GameState, id: string): void {
  const card = id as IncidentId;
  G.deck = [...G.deck.filter((x) => x !== card), card];
  G.discard = G.discard.filter((x) => x !== card);
}

/** Puts measure `id` in place (for good, by nobody) unless it already is. */
export function addMeasure(G: GameState, id: string): void {
  if (!G.measures.some((x) => x.id === id)) G.measures.push({ id: m$(id), by: null, until: null });
}

/** Calm board, next incident congress-shift; `edit` then adjusts the position. */
export function reset(m: Match, edit: (G: GameState) => void = () => {}): void {
  setG(m, (G) => {
    calm(G);
    nextIncident(G, 'congress-shift');
    edit(G);
  });
}

/** A match on `seed` in round 1's negotiation on a calm board, the next incident forced to congress-shift. */
export function negotiating(opts: { flavour?: Flavour; seed?: string } = {}): Match {
  const m = newMatch({ seed: opts.seed ?? 'negotiation', setupData: opts.flavour ? { flavour: opts.flavour } : undefined });
  answerIncident(m);
  expect(active(m)).toEqual(NEGOTIATING);
  reset(m);
  return m;
}

export const lastProposal = (m: Match) => m.state.G.proposals.at(-1)!;

/** `by` (the U.S. unless told otherwise) tables `draft`, then every other party accepts; returns the agreement. */
export function agree(m: Match, draft: Draft, by: SeatId = '0') {
  ok(m, by, 'propose', draft);
  const p = lastProposal(m);
  for (const s of p.parties) if (s !== by) ok(m, s, 'accept', p.id);
  expect(m.state.G.proposals.find((x) => x.id === p.id)!.status).toBe('agreed');
  return m.state.G.agreements.at(-1)!;
}

/** The step `id` of any agreement, as it stands now. */
export const stepOf = (m: Match, id: StepId): Step => m.state.G.agreements.flatMap((a) => a.steps).find((s) => s.id === id)!;
