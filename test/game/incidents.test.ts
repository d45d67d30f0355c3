/**
 * The regional incident deck (rules/incidents.json): every card's effect on the board, the measures
 * and the flavour that soften or boost it, the restraint-or-retaliation choices, and the deck itself.
 *
 * Each card is forced to be the next draw: during round 1 the board is set to a neutral position
 * (every track away from its bounds, no measures) and the card is put on top of `G.deck` (its last
 * element); every seat then says Done, so round 2 opens by drawing it. Between the two, the end of
 * round 1 runs implementation (the stockpile grows unless an enrichment pause holds) and domestic
 * politics (no pressure applies on the neutral board). Expected boards are computed here from the
 * JSON, never with the engine's own `applyEffects`.
 */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { lastRoundWithin } from '../../src/game/calendar';
import { logLines } from '../../src/game/log';
import type { Effects, IncidentDef } from '../../src/game/schema';
import type { GameState, MeasureInPlace } from '../../src/game/state';
import { FLAVOURS, SEATS, TRACKS, type Flavour, type IncidentId, type MeasureId, type SeatId, type Track } from '../../src/game/types';
import { everyLine, INVALID, UNAVAILABLE, active, answerIncident, finishRound, midTracks, newMatch, play, refused, seeded, setG, type Match } from '../harness';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import { decide } from '../../src/bots/decide';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const INCIDENTS = rules.incidents;
const ids = INCIDENTS.map((i) => i.id);
const NEGOTIATING = { '0': 'negotiate', '1': 'negotiate', '2': 'negotiate' };
const m$ = (id: string) => id as MeasureId;
const i$ = (id: string) => id as IncidentId;

/** The part of G an incident can change, read out independently of the engine's accessors. */
interface Board {
  tracks: Record<Track, number>;
  capital: Record<SeatId, number>;
  measures: MeasureInPlace[];
}

function readTracks(G: GameState): Record<Track, number> {
  return {
    trust: G.trust,
    tension: G.tension,
    sanctions: G.sanctions.level,
    frozenAssets: G.sanctions.frozenAssets,
    escrow: G.sanctions.escrow,
    enrichment: G.nuclear.enrichment,
    stockpile: G.nuclear.stockpile,
    centrifuges: G.nuclear.centrifuges,
    access: G.nuclear.access,
    heldByIran: G.detainees.heldByIran,
    heldByUS: G.detainees.heldByUS,
    releasedByIran: G.detainees.releasedByIran,
    releasedByUS: G.detainees.releasedByUS,
  };
}

const board = (G: GameState): Board => ({
  tracks: readTracks(G),
  capital: { '0': G.seats['0'].capital, '1': G.seats['1'].capital, '2': G.seats['2'].capital },
  measures: structuredClone(G.measures),
});

const clamp = (v: number, b: { min: number; max: number }) => Math.min(b.max, Math.max(b.min, v));

/** `b` after `e`, computed from the data: deltas clamped to rules/board.json, measures added/removed. */
function after(b: Board, e: Effects, round: number): Board {
  const next = structuredClone(b);
  for (const t of TRACKS) {
    const d = e[t] ?? 0;
    if (!d) continue;
    if (t === 'releasedByIran' || t === 'releasedByUS') {
      const from = t === 'releasedByIran' ? 'heldByIran' : 'heldByUS';
      next.tracks[from] -= d;
    }
    next.tracks[t] = clamp(next.tracks[t] + d, rules.board.bounds[t]);
  }
  for (const s of SEATS) next.capital[s] = clamp(next.capital[s] + (e.capital?.[s] ?? 0), rules.board.bounds.capital);
  for (const id of e.addMeasures ?? []) {
    if (next.measures.some((x) => x.id === id)) continue;
    const months = rules.measures.find((x) => x.id === id)!.durationMonths;
    next.measures.push({ id, by: null, until: months === undefined ? null : lastRoundWithin(rules.scenarios[0].schedule, round, months) });
  }
  for (const id of e.removeMeasures ?? []) next.measures = next.measures.filter((x) => x.id !== id);
  return next;
}

/** Trust and Tension 5, every other track mid-range, capital 5, only `measures` in place. */
function neutralBoard(G: GameState, measures: MeasureId[]): void {
  midTracks(G, { nuclear: { stockpile: 5 } });
  G.measures = measures.map((id) => ({ id, by: null, until: null }));
  for (const s of SEATS) G.seats[s].capital = 5;
}

/** Puts `id` on top of the draw pile (the last element), taking it out of the deck and discards. */
function stackDeck(G: GameState, id: IncidentId): void {
  G.deck = [...G.deck.filter((x) => x !== id), id];
  G.discard = G.discard.filter((x) => x !== id);
}

interface Drawn {
  m: Match;
  /** The board just before the incident applies: the neutral board after round 1's implementation. */
  before: Board;
}

/**
 * A match whose round 2 opened by drawing `id` on a neutral board with `measures` in place.
 * `before` is the board the incident met, computed by hand (implementation grew the stockpile).
 */
function draw(
  id: string,
  opts: { measures?: string[]; flavour?: Flavour; edit?: (G: GameState) => void } = {},
): Drawn {
  const m = newMatch({ seed: 'incidents', setupData: opts.flavour ? { flavour: opts.flavour } : undefined });
  answerIncident(m);
  const measures = (opts.measures ?? []).map(m$);
  setG(m, (G) => {
    neutralBoard(G, measures);
    opts.edit?.(G);
    stackDeck(G, i$(id));
  });
  const before = board(m.state.G);
  const { stockpilePerRound, haltedBy } = rules.nuclear.growth;
  if (!haltedBy.some((h) => measures.includes(h))) before.tracks.stockpile += stockpilePerRound;
  finishRound(m);
  expect(m.state.G.round).toBe(2);
  expect(m.state.ctx.gameover).toBeUndefined();
  return { m, before };
}

/** The move is refused, by our rules or by boardgame.io, and G, ctx and the stateID are exactly as before. */
function expectRefused(m: Match, seat: SeatId, move: string, args: unknown[]): void {
  refused(m, seat, move, args, [INVALID, UNAVAILABLE]);
}

const def = (id: string): IncidentDef => INCIDENTS.find((i) => i.id === id)!;

/** A role action the seat could take in negotiation on the neutral board (no cost in capital). */
const FREE_ACTION: Record<SeatId, string> = {
  '0': 'us-congress-briefing',
  '1': 'ir-rally-constituencies',
  '2': 'med-secure-backchannel',
};

// ---------------------------------------------------------------------------------------------
// The cards as data
// ---------------------------------------------------------------------------------------------

describe('the incident cards', () => {
  it('at least 16 distinct incidents, both kinds, every one with a source', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(16);
    expect(INCIDENTS.some((i) => i.kind === 'negative')).toBe(true);
    expect(INCIDENTS.some((i) => i.kind === 'positive')).toBe(true);
    for (const i of INCIDENTS) expect(i.source.trim().length, i.id).toBeGreaterThan(0);
  });

  it('every softening or boost changes the effect (so the modifier tests below can tell)', () => {
    for (const i of INCIDENTS) {
      const mod = i.softenedBy ?? i.boostedBy;
      if (mod) expect(mod.effects, i.id).not.toEqual(i.effects);
    }
  });

  it('control: on the neutral board, round 1 closes with no domestic pressure and no crisis', () => {
    // Every expected board below assumes the only change before the draw is the stockpile's growth.
    const { m, before } = draw('congress-shift');
    const G = m.state.G;
    expect(everyLine(G).filter((e) => e.round === 1 && e.step === 'domestic')).toEqual([]);
    expect(SEATS.map((s) => G.seats[s].crisis)).toEqual([false, false, false]);
    expect(before.tracks.stockpile).toBe(5 + rules.nuclear.growth.stockpilePerRound);
    expect(G.nuclear.stockpile).toBe(before.tracks.stockpile);
    expect(G.history).toEqual([{ round: 1, month: 1, trust: 5, tension: 5 }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every card, as printed
// ---------------------------------------------------------------------------------------------

describe('every incident applies its printed effect', () => {
  it.each(INCIDENTS.map((i) => ({ id: i.id })))('$id', ({ id }) => {
    const d = def(id);
    const { m, before } = draw(id);
    const G = m.state.G;
    expect(G.incident?.id).toBe(id);
    expect(G.incident?.modified).toBe(false);
    expect(board(G)).toEqual(after(before, d.effects, 2));
    expect(G.discard.at(-1)).toBe(id);
    expect(G.deck).not.toContain(id);
    expect(everyLine(G).some((e) => e.round === 2 && e.step === 'incident' && e.text.startsWith(`${d.name}.`))).toBe(true);
    if (d.response) {
      expect(G.incident?.response).toEqual({ seat: d.response.seat, choice: null });
      expect(active(m)).toEqual({ [d.response.seat]: 'respond' });
    } else {
      expect(G.incident?.response).toBeNull();
      expect(active(m)).toEqual(NEGOTIATING);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Softened and boosted
// ---------------------------------------------------------------------------------------------

const modifierCases = INCIDENTS.flatMap((i) => {
  const mod = i.softenedBy ?? i.boostedBy;
  const how = i.softenedBy ? 'softened' : 'boosted';
  return mod ? mod.measures.map((measure) => ({ id: i.id, measure, how })) : [];
});

describe('a measure in place softens or boosts the incident', () => {
  it('covers every incident with a modifier, and both kinds of modifier', () => {
    const covered = new Set(modifierCases.map((c) => c.id));
    expect(INCIDENTS.filter((i) => i.softenedBy || i.boostedBy).every((i) => covered.has(i.id))).toBe(true);
    expect(modifierCases.some((c) => c.how === 'softened')).toBe(true);
    expect(modifierCases.some((c) => c.how === 'boosted')).toBe(true);
  });

  it.each(modifierCases)('$id $how by $measure', ({ id, measure }) => {
    const d = def(id);
    const mod = (d.softenedBy ?? d.boostedBy)!;
    const { m, before } = draw(id, { measures: [measure] });
    const G = m.state.G;
    expect(G.incident?.id).toBe(id);
    expect(G.incident?.modified).toBe(true);
    expect(board(G)).toEqual(after(before, mod.effects, 2));
    expect(everyLine(G).some((e) => e.round === 2 && e.step === 'incident' && e.text.endsWith(mod.text))).toBe(true);
    // A softened negative incident is handled by the measures: nobody is asked to respond.
    expect(G.incident?.response).toBeNull();
    expect(active(m)).toEqual(NEGOTIATING);
  });

  it.each(INCIDENTS.map((i) => ({ id: i.id })))('$id: measures that are not its own change nothing', ({ id }) => {
    const d = def(id);
    const own = [...(d.softenedBy?.measures ?? []), ...(d.boostedBy?.measures ?? [])];
    const others = rules.measures.map((x) => x.id).filter((x) => !own.includes(x));
    const { m, before } = draw(id, { measures: others });
    expect(m.state.G.incident?.modified).toBe(false);
    expect(board(m.state.G)).toEqual(after(before, d.effects, 2));
    if (d.response) expect(active(m)).toEqual({ [d.response.seat]: 'respond' });
    else expect(active(m)).toEqual(NEGOTIATING);
  });
});

describe('Mediator flavours', () => {
  const softening = rules.flavours.filter((f) => f.softens.length > 0);

  it('the EU softens an ambiguous IAEA finding', () => {
    expect(rules.flavours.find((f) => f.id === 'eu')!.softens).toContain('ambiguous-iaea-finding');
    const d = def('ambiguous-iaea-finding');
    const { m, before } = draw(d.id, { flavour: 'eu' });
    expect(m.state.G.flavour).toBe('eu');
    expect(m.state.G.measures).toEqual([]);
    expect(m.state.G.incident?.modified).toBe(true);
    expect(board(m.state.G)).toEqual(after(before, d.softenedBy!.effects, 2));
    expect(m.state.G.trust).toBe(5 + (d.softenedBy!.effects.trust ?? 0));
    expect(active(m)).toEqual(NEGOTIATING);
  });

  it.each(softening.flatMap((f) => f.softens.map((id) => ({ id }))))(
    '$id is softened by exactly the flavours that list it',
    ({ id }) => {
      const d = def(id);
      for (const flavour of FLAVOURS) {
        const softens = rules.flavours.find((f) => f.id === flavour)!.softens.includes(id);
        const { m, before } = draw(id, { flavour });
        expect(m.state.G.incident?.modified, flavour).toBe(softens);
        expect(board(m.state.G), flavour).toEqual(after(before, softens ? d.softenedBy!.effects : d.effects, 2));
      }
    },
  );

  it('the EU softens nothing else', () => {
    const eu = rules.flavours.find((f) => f.id === 'eu')!;
    for (const d of INCIDENTS.filter((i) => !eu.softens.includes(i.id))) {
      const { m, before } = draw(d.id, { flavour: 'eu' });
      expect(m.state.G.incident?.modified, d.id).toBe(false);
      expect(board(m.state.G), d.id).toEqual(after(before, d.effects, 2));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Restraint or retaliation
// ---------------------------------------------------------------------------------------------

const responseCases = INCIDENTS.filter((i) => i.response).map((i) => ({ id: i.id, seat: i.response!.seat }));

describe('incidents that ask a seat to respond', () => {
  it('there are some, asking both governments', () => {
    expect(responseCases.length).toBeGreaterThan(0);
    expect(new Set(responseCases.map((c) => c.seat))).toEqual(new Set(['0', '1']));
  });

  it.each(responseCases)('$id: only seat $seat is asked, in stage respond', ({ id, seat }) => {
    const { m } = draw(id);
    expect(active(m)).toEqual({ [seat]: 'respond' });
    for (const s of SEATS) {
      const stage = active(m)[s];
      expect(stage, s).toBe(s === seat ? 'respond' : undefined);
    }
    expect(m.state.G.incident?.response).toEqual({ seat, choice: null });
  });

  it.each(responseCases)('$id: other seats cannot respond, act or say Done', ({ id, seat }) => {
    const { m } = draw(id);
    for (const s of SEATS.filter((x) => x !== seat)) {
      expectRefused(m, s, 'respond', ['restraint']);
      expectRefused(m, s, 'respond', ['retaliation']);
      expectRefused(m, s, 'act', [FREE_ACTION[s]]);
      expectRefused(m, s, 'done', []);
    }
    expect(m.state.G.incident?.response).toEqual({ seat, choice: null });
  });

  it.each(responseCases)('$id: a seat put in the respond stage still cannot answer for seat $seat', ({ id, seat }) => {
    // Guards the move itself, not only boardgame.io's stages.
    const { m } = draw(id);
    m.state = { ...m.state, ctx: { ...m.state.ctx, activePlayers: { '0': 'respond', '1': 'respond', '2': 'respond' } } };
    for (const s of SEATS.filter((x) => x !== seat)) expectRefused(m, s, 'respond', ['restraint']);
  });

  it.each(responseCases)('$id: malformed choices are refused and change nothing', ({ id, seat }) => {
    const { m } = draw(id);
    for (const args of [['maybe'], [3], [undefined], [], [null], ['Restraint'], [['restraint']], [{ choice: 'restraint' }]])
      expectRefused(m, seat, 'respond', args);
    expect(m.state.G.incident?.response).toEqual({ seat, choice: null });
    expect(active(m)).toEqual({ [seat]: 'respond' });
  });

  it.each(responseCases)('$id: seat $seat cannot act or say Done before responding', ({ id, seat }) => {
    const { m } = draw(id);
    expectRefused(m, seat, 'act', [FREE_ACTION[seat]]);
    expectRefused(m, seat, 'done', []);
  });

  const choices = responseCases.flatMap((c) => (['restraint', 'retaliation'] as const).map((choice) => ({ ...c, choice })));
  it.each(choices)('$id: $choice applies its effects exactly, then everyone negotiates', ({ id, seat, choice }) => {
    const d = def(id);
    const { m } = draw(id);
    const before = board(m.state.G);
    const r = play(m, seat, 'respond', choice);
    expect(r.invalid).toBe(false);
    const G = m.state.G;
    expect(board(G)).toEqual(after(before, d.response![choice].effects, 2));
    expect(G.incident).toEqual({ id, modified: false, response: { seat, choice } });
    expect(active(m)).toEqual(NEGOTIATING);
    expect(logLines(G, seat).at(-1)).toMatchObject({ round: 2, step: 'incident', seat });
    expect(logLines(G, seat).at(-1)!.text).toContain(d.response![choice].text);
    // Answered once only; and now the responder may negotiate.
    expectRefused(m, seat, 'respond', [choice]);
    expectRefused(m, seat, 'respond', [choice === 'restraint' ? 'retaliation' : 'restraint']);
    expect(play(m, seat, 'act', FREE_ACTION[seat]).invalid).toBe(false);
  });

  const barred = INCIDENTS.filter((i) => i.response?.retaliation.blockedBy?.includes(m$('strike-moratorium')));
  it('a U.S. strike moratorium bars the U.S. retaliatory strikes: every incident where Washington hits back', () => {
    expect(barred.map((i) => i.id).sort()).toEqual(INCIDENTS.filter((i) => i.response?.seat === '0').map((i) => i.id).sort());
  });

  it.each(barred.map((i) => ({ id: i.id, seat: i.response!.seat })))(
    '$id under a strike moratorium: retaliation is refused, not offered, not chosen by a bot; restraint stands',
    ({ id, seat }) => {
      const { m } = draw(id, { measures: ['strike-moratorium'] });
      expect(active(m)).toEqual({ [seat]: 'respond' });
      expectRefused(m, seat, 'respond', ['retaliation']);
      const offered = Backchannel.ai!.enumerate(m.state.G, m.state.ctx as Ctx, seat) as { move: string; args: unknown[] }[];
      expect(offered).toEqual([{ move: 'respond', args: ['restraint'] }]);
      // A hardliner, leaning hardest toward hitting back, still holds fire.
      for (let i = 0; i < 10; i++) {
        const rng = seeded(i);
        const move = decide(rules, m.state.G, m.state.ctx as Ctx, seat, { personality: 'hardliner', difficulty: 'novice' }, () => rng(1000) / 1000);
        expect(move).toEqual({ move: 'respond', args: ['restraint'] });
      }
      expect(play(m, seat, 'respond', 'restraint').invalid).toBe(false);
    },
  );

  it('restraint and retaliation differ for every response', () => {
    for (const { id } of responseCases) {
      const r = def(id).response!;
      expect(r.restraint.effects, id).not.toEqual(r.retaliation.effects);
    }
  });
});

describe('incident effects stop at the bounds in rules/board.json', () => {
  const { bounds } = rules.board;

  it('detainee-crisis when Iran already holds the most detainees the board allows', () => {
    expect(def('detainee-crisis').effects.heldByIran).toBeGreaterThan(0);
    const { m } = draw('detainee-crisis', { edit: (G) => void (G.detainees.heldByIran = bounds.heldByIran.max) });
    expect(m.state.G.detainees.heldByIran).toBe(bounds.heldByIran.max);
  });

  it('economic-cooperation-offer at Tension 0', () => {
    expect(def('economic-cooperation-offer').effects.tension).toBeLessThan(0);
    const { m } = draw('economic-cooperation-offer', { edit: (G) => void (G.tension = bounds.tension.min) });
    expect(m.state.G.tension).toBe(bounds.tension.min);
  });

  it('humanitarian-breakthrough at Trust 10', () => {
    expect(def('humanitarian-breakthrough').effects.trust).toBeGreaterThan(0);
    const { m } = draw('humanitarian-breakthrough', {
      edit: (G) => {
        G.trust = bounds.trust.max;
        G.trustAtRoundStart = bounds.trust.max;
      },
    });
    expect(m.state.G.trust).toBe(bounds.trust.max);
  });

  it('congress-shift with the U.S. at 1 capital', () => {
    expect(def('congress-shift').effects.capital?.['0']).toBe(-2);
    const { m } = draw('congress-shift', { edit: (G) => void (G.seats['0'].capital = 1) });
    expect(m.state.G.seats['0'].capital).toBe(bounds.capital.min);
  });

  it.each(responseCases)('$id: restraint at 0 capital, retaliation at 10', ({ id, seat }) => {
    const r = def(id).response!;
    expect(r.restraint.effects.capital?.[seat]).toBeLessThan(0);
    expect(r.retaliation.effects.capital?.[seat]).toBeGreaterThan(0);
    const low = draw(id).m;
    setG(low, (G) => void (G.seats[seat].capital = bounds.capital.min));
    expect(play(low, seat, 'respond', 'restraint').invalid).toBe(false);
    expect(low.state.G.seats[seat].capital).toBe(bounds.capital.min);
    const high = draw(id).m;
    setG(high, (G) => void (G.seats[seat].capital = bounds.capital.max));
    expect(play(high, seat, 'respond', 'retaliation').invalid).toBe(false);
    expect(high.state.G.seats[seat].capital).toBe(bounds.capital.max);
  });
});

// ---------------------------------------------------------------------------------------------
// The deck
// ---------------------------------------------------------------------------------------------

/** The deck as dealt at setup: the first card drawn was its top (last) card. */
function dealt(m: Match): IncidentId[] {
  return [...m.state.G.deck, ...m.state.G.discard];
}

describe('the deck', () => {
  it('holds every incident once, and round 1 drew its top card', () => {
    const m = newMatch({ seed: 'deck-1' });
    const deck = dealt(m);
    expect([...deck].sort()).toEqual([...ids].sort());
    expect(m.state.G.discard).toEqual([m.state.G.incident!.id]);
    expect(m.state.G.deck).toHaveLength(ids.length - 1);
  });

  it("is shuffled with boardgame.io's seeded random: same seed, same order; other seeds, other orders", () => {
    const a = dealt(newMatch({ seed: 'deck-1' }));
    expect(dealt(newMatch({ seed: 'deck-1' }))).toEqual(a);
    const orders = ['deck-2', 'deck-3', 'deck-4'].map((seed) => dealt(newMatch({ seed })));
    for (const o of orders) expect(o).not.toEqual(a);
    // Not the file's order, nor its reverse.
    expect(a).not.toEqual(ids);
    expect(a).not.toEqual([...ids].reverse());
  });

  it('every round draws the top card, and the drawn cards go to the discards', () => {
    const m = newMatch({ seed: 'deck-draws' });
    answerIncident(m);
    const seen = [m.state.G.incident!.id];
    for (let round = 2; round <= 6; round++) {
      setG(m, (G) => {
        G.trust = 5;
        G.tension = 5;
      });
      const top = m.state.G.deck.at(-1)!;
      const rest = m.state.G.deck.slice(0, -1);
      finishRound(m);
      expect(m.state.G.round).toBe(round);
      expect(m.state.G.incident!.id).toBe(top);
      expect(m.state.G.deck).toEqual(rest);
      seen.push(top);
      expect(m.state.G.discard).toEqual(seen);
      answerIncident(m);
    }
  });

  it('the last card is drawn, and next round the discards are reshuffled into a new deck', () => {
    // A game is 9 rounds and the deck holds more cards than that, so the position is constructed.
    const m = newMatch({ seed: 'deck-short' });
    answerIncident(m);
    const last = i$('humanitarian-breakthrough');
    const old = ids.filter((id) => id !== last).slice(0, 6);
    setG(m, (G) => {
      neutralBoard(G, []);
      G.deck = [last];
      G.discard = [...old];
    });
    finishRound(m);
    expect(m.state.G.incident!.id).toBe(last);
    expect(m.state.G.deck).toEqual([]);
    expect(m.state.G.discard).toEqual([...old, last]);

    answerIncident(m);
    setG(m, (G) => {
      G.trust = 5;
      G.tension = 5;
    });
    finishRound(m);
    const G = m.state.G;
    expect(G.round).toBe(3);
    // The seven discards became the deck; its top card was drawn and is the only discard now.
    expect(G.discard).toEqual([G.incident!.id]);
    expect(G.deck).toHaveLength(6);
    expect([...G.deck, ...G.discard].sort()).toEqual([...old, last].sort());
  });

  it('the reshuffle uses the seeded random too', () => {
    const reshuffled = (seed: string): IncidentId[] => {
      const m = newMatch({ seed });
      answerIncident(m);
      setG(m, (G) => {
        neutralBoard(G, []);
        G.deck = [];
        G.discard = ids.slice(0, 8).map(i$);
      });
      finishRound(m);
      expect(m.state.G.round).toBe(2);
      return [...m.state.G.deck, ...m.state.G.discard];
    };
    const a = reshuffled('reshuffle-1');
    expect([...a].sort()).toEqual(ids.slice(0, 8).sort());
    expect(reshuffled('reshuffle-1')).toEqual(a);
    const others = ['reshuffle-2', 'reshuffle-3', 'reshuffle-4', 'reshuffle-5'].map(reshuffled);
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
    // Not simply the discards in order (or reversed).
    expect([a, ...others].some((o) => JSON.stringify(o) !== JSON.stringify(ids.slice(0, 8)))).toBe(true);
    expect([a, ...others].some((o) => JSON.stringify(o) !== JSON.stringify(ids.slice(0, 8).reverse()))).toBe(true);
  });
});
