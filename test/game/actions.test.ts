/**
 * Role actions (rules/actions.json) as the `act(actionId, amount?)` move carries them out, and the
 * one checker (`checkAction`) that the move, `legalActions` and `ai.enumerate` share.
 *
 * Positions are built from a real match (an incident drawn and answered, all seats negotiating)
 * and then set to a neutral board with `setG`, so no track sits at a bound and every effect shows.
 * Effects are always measured against the state right before the move.
 */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { logLines } from '../../src/game/log';
import actionsJson from '../../rules/actions.json';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import { actionsFor, checkAction, legalActions } from '../../src/game/actions';
import { currentPhase, lastRoundWithin } from '../../src/game/calendar';
import type { ActionDef } from '../../src/game/schema';
import type { RefusalCode } from '../../src/game/verdict';
import type { GameState } from '../../src/game/state';
import {
  PHASES,
  SEATS,
  TRACKS,
  type Flavour,
  type MeasureId,
  type PhaseId,
  type SeatId,
  type StageId,
  type Track,
} from '../../src/game/types';
import {
  INVALID,
  UNAVAILABLE,
  active,
  answerIncident,
  finishRound,
  midTracks,
  moveAction,
  newMatch,
  play,
  playOut,
  refused,
  seeded,
  setG,
  type GameStateFull,
  type Match,
} from '../harness';
import { findEntry } from '../../src/game/ruleset';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ACTIONS = rules.actions;
const def = (id: string): ActionDef => {
  const d = findEntry(rules, 'actions', id);
  if (!d) throw new Error(`test refers to unknown action ${id}`);
  return d;
};
const m$ = (id: string) => id as MeasureId;
const phaseName = (p: PhaseId) => rules.phases.find((x) => x.id === p)!.name;

/** The first round of `phase` in the match's schedule. */
function firstRoundOf(G: GameState, phase: PhaseId): number {
  let round = 1;
  for (const step of G.schedule) {
    if (step.phase === phase) return round;
    round += step.rounds;
  }
  throw new Error(`no ${phase} in schedule`);
}

/** Where a track lives in G, written out here independently of the engine's own accessor. */
function holder(G: GameState, t: Track): [Record<string, number>, string] {
  const rec = (o: object) => o as unknown as Record<string, number>;
  switch (t) {
    case 'trust':
    case 'tension':
      return [rec(G), t];
    case 'sanctions':
      return [rec(G.sanctions), 'level'];
    case 'frozenAssets':
    case 'escrow':
      return [rec(G.sanctions), t];
    case 'enrichment':
    case 'stockpile':
    case 'centrifuges':
    case 'access':
      return [rec(G.nuclear), t];
    default:
      return [rec(G.detainees), t];
  }
}

/** Sets every track away from its bounds, every seat to 5 capital and full action points. */
function neutralBoard(G: GameState): void {
  midTracks(G);
  const perk = rules.flavours.find((f) => f.id === G.flavour)!;
  G.measures = perk.startMeasures.map((id) => ({ id, by: null, until: null }));
  for (const s of SEATS) {
    G.seats[s] = {
      capital: 5,
      actionPoints: rules.board.actionPoints[s],
      crisis: false,
      done: false,
      taken: [],
      takenEver: [],
      hostileActs: 0,
    };
  }
}

/** A match in its negotiation step (incident answered if one was asked), on a neutral board. */
function negotiating(opts: { flavour?: Flavour; seed?: string; neutral?: boolean } = {}): Match {
  const m = newMatch({ seed: opts.seed ?? 'actions', setupData: opts.flavour ? { flavour: opts.flavour } : undefined });
  answerIncident(m);
  expect(active(m)).toEqual({ '0': 'negotiate', '1': 'negotiate', '2': 'negotiate' });
  if (opts.neutral !== false) setG(m, neutralBoard);
  return m;
}

/** Puts the (constructed) match in the first round of `phase`. */
function toPhase(m: Match, phase: PhaseId): void {
  setG(m, (G) => {
    G.round = firstRoundOf(G, phase);
  });
  expect(currentPhase(m.state.G)).toBe(phase);
}

/** Plays whole rounds (every seat Done) up to `round`, keeping Trust and Tension mid-track so
 * the incidents drawn on the way cannot end the game first. */
function playToRound(m: Match, round: number): void {
  while (m.state.G.round < round) {
    setG(m, (G) => {
      G.trust = 5;
      G.tension = 5;
    });
    finishRound(m);
    expect(m.state.ctx.gameover).toBeUndefined();
  }
  answerIncident(m);
}

const stageOf = (m: Match, seat: SeatId): StageId | null => (active(m)[seat] as StageId | undefined) ?? null;

/** checkAction's verdict for this seat in this match, as 'ok' or the reason. */
function verdict(m: Match, seat: SeatId, id: unknown, amount?: unknown): string {
  const v = checkAction(rules, m.state.G, seat, stageOf(m, seat), id, amount);
  return v.ok ? 'ok' : v.reason;
}

/** Sends `act(...args)` as `seat` through boardgame.io's reducer. */
function send(m: Match, seat: SeatId, args: unknown[]): GameStateFull {
  return m.reducer(m.state, moveAction('act', args, seat));
}

/**
 * `act(...args)` is refused with `errorType`, nothing changes (G, ctx, the input state), and the
 * match stays where it was.
 */
function expectRejected(m: Match, seat: SeatId, args: unknown[], errorType = INVALID): void {
  refused(m, seat, 'act', args, [errorType]);
}

/** Refused by our rules: a readable reason, INVALID_MOVE, no change, and not offered anywhere. */
function expectRefusal(m: Match, seat: SeatId, args: unknown[], code: RefusalCode, reason?: RegExp): void {
  const [id, amount] = args;
  const v = checkAction(rules, m.state.G, seat, stageOf(m, seat), id, amount);
  expect(v).toMatchObject({ ok: false, code });
  // The sentence is checked where its figures matter to a player.
  if (reason && !v.ok) expect(v.reason).toMatch(reason);
  expectRejected(m, seat, args);
  const offered = legalActions(rules, m.state.G, seat, stageOf(m, seat)).some((a) => a.id === id && a.amount === amount);
  expect(offered).toBe(false);
  const enumerated = enumerateFor(m.state, seat).some(
    (e) => e.move === 'act' && e.args[0] === id && e.args[1] === amount,
  );
  expect(enumerated).toBe(false);
}

/** Plays `act` and requires success. */
function accept(m: Match, seat: SeatId, id: string, amount?: number): GameState {
  const before = m.state.G;
  expect(verdict(m, seat, id, amount)).toBe('ok');
  const r = amount === undefined ? play(m, seat, 'act', id) : play(m, seat, 'act', id, amount);
  expect(r.invalid, `${id} refused: ${r.errorType}`).toBe(false);
  return before;
}

type Enumerated = { move: string; args: unknown[] };
function enumerateFor(state: GameStateFull, seat: string): Enumerated[] {
  return Backchannel.ai!.enumerate(state.G, state.ctx as Ctx, seat) as Enumerated[];
}

/** Capital discount a flavour gives an action, read from rules/flavours.json. */
function discount(flavour: Flavour, d: ActionDef): number {
  const perk = rules.flavours.find((f) => f.id === flavour)!;
  return perk.capitalDiscount.filter((x) => d.tags.includes(x.tag)).reduce((n, x) => n + x.capital, 0);
}

/** The board after `seat` takes `d` (×scale) on `before`, computed from the action's data alone. */
function expectedAfter(before: GameState, seat: SeatId, d: ActionDef, scale: number): GameState {
  const G = structuredClone(before);
  const me = G.seats[seat];
  me.actionPoints -= d.cost.ap;
  me.capital -= Math.max(0, d.cost.capital - discount(G.flavour, d)) * scale;
  me.taken.push(d.id);
  if (!me.takenEver.includes(d.id)) me.takenEver.push(d.id);
  // Hostile acts and rhetoric are counted (each repeat costs more), and what they raise in Tension
  // or break in Trust is blamed on their seat.
  if (d.tags.includes('hostile') || d.tags.includes('rhetoric')) me.hostileActs += 1;
  G.blame[seat] += (Math.max(0, d.effects.tension ?? 0) + Math.max(0, -(d.effects.trust ?? 0))) * scale;
  for (const t of TRACKS) {
    const delta = (d.effects[t] ?? 0) * scale;
    if (!delta) continue;
    if (t === 'releasedByIran' || t === 'releasedByUS') {
      const from = t === 'releasedByIran' ? 'heldByIran' : 'heldByUS';
      G.detainees[from] -= delta;
    }
    const [o, k] = holder(G, t);
    o[k] += delta;
  }
  for (const s of SEATS) G.seats[s].capital += (d.effects.capital?.[s] ?? 0) * scale;
  for (const id of d.effects.addMeasures ?? []) {
    const months = rules.measures.find((x) => x.id === id)!.durationMonths;
    G.measures.push({ id, by: seat, until: months === undefined ? null : lastRoundWithin(G.schedule, G.round, months) });
  }
  for (const id of d.effects.removeMeasures ?? []) G.measures = G.measures.filter((x) => x.id !== id);
  return G;
}

const withoutLog = (G: GameState) => ({ ...G, log: [] });

/** Makes the constructed board satisfy `d`'s requirements and the access-tier gate. */
function satisfy(G: GameState, d: ActionDef): void {
  for (const c of d.requires ?? []) {
    if ('measure' in c) {
      if (!G.measures.some((x) => x.id === c.measure)) G.measures.push({ id: c.measure, by: null, until: null });
    } else if ('anyMeasure' in c) {
      G.measures.push({ id: c.anyMeasure[0], by: null, until: null });
    } else {
      const [o, k] = holder(G, c.metric as Track);
      if (c.op === '>=' && o[k] < c.value) o[k] = c.value;
      if (c.op === '<=' && o[k] > c.value) o[k] = c.value;
    }
  }
  // Tier 1 of IAEA access opens in Phase I, so an access step from tier 0 is open in every phase.
  if ((d.effects.access ?? 0) > 0) G.nuclear.access = 0;
}

/** A match where `d` is legal for its seat in `phase`. */
function positionFor(d: ActionDef, phase: PhaseId): Match {
  const m = negotiating({ flavour: d.flavours?.[0] });
  toPhase(m, phase);
  setG(m, (G) => satisfy(G, d));
  return m;
}

const amountsOf = (d: ActionDef): (number | undefined)[] =>
  d.amount ? Array.from({ length: d.amount.max - d.amount.min + 1 }, (_, i) => d.amount!.min + i) : [undefined];
const argsFor = (d: ActionDef): [string, number?] => (d.amount ? [d.id, d.amount.min] : [d.id]);

// ---------------------------------------------------------------------------------------------
// 1. Effects
// ---------------------------------------------------------------------------------------------

describe('the data', () => {
  it('every action in rules/actions.json is loaded, and each seat has a catalogue', () => {
    expect(ACTIONS.map((a) => a.id)).toEqual(actionsJson.map((a) => a.id));
    const m = negotiating({ neutral: false });
    for (const s of SEATS) expect(actionsFor(rules, m.state.G, s).length).toBeGreaterThan(3);
  });
});

describe('each action applies its effect (data-driven)', () => {
  const cases = ACTIONS.flatMap((d) =>
    d.phases.flatMap((phase) => amountsOf(d).map((amount) => ({ id: d.id, phase, amount }))),
  );

  it.each(cases)('$id in $phase (amount $amount)', ({ id, phase, amount }) => {
    const d = def(id);
    const m = positionFor(d, phase);
    const before = structuredClone(m.state.G);
    const expected = expectedAfter(before, d.seat, d, amount ?? 1);
    // The action must change something beyond bookkeeping, or this test would prove nothing.
    expect(withoutLog(expected)).not.toEqual(withoutLog(before));

    accept(m, d.seat, id, amount);
    const after = m.state.G;
    expect(withoutLog(after)).toEqual(withoutLog(expected));
    expect(logLines(after, d.seat)).toHaveLength(logLines(before, d.seat).length + 1);
    expect(logLines(after, d.seat).at(-1)!.text).toContain(d.name);
    expect(logLines(after, d.seat).at(-1)!.seat).toBe(d.seat);
    // Still negotiating: an action never ends the seat's round.
    expect(active(m)[d.seat]).toBe('negotiate');
  });
});

describe('key actions, explicitly', () => {
  it('us-sanctions-moratorium puts the moratorium in place for three months: in Phase I, rounds 2 and 3', () => {
    const m = negotiating({ neutral: false });
    const G0 = structuredClone(m.state.G);
    accept(m, '0', 'us-sanctions-moratorium');
    const G = m.state.G;
    // Taken in round 1 (months 0–1), it runs to month 4: rounds 2 and 3 end within it, round 4 (months 3–5) does not.
    expect(G.measures).toContainEqual({ id: 'sanctions-moratorium', by: '0', until: 3 });
    expect(G.trust).toBe(Math.min(10, G0.trust + (def('us-sanctions-moratorium').effects.trust ?? 0)));
    expect(G.seats['0'].capital).toBe(G0.seats['0'].capital - 1);
    expect(G.seats['1'].capital).toBe(Math.min(10, G0.seats['1'].capital + 1));
    expect(G.seats['0'].actionPoints).toBe(G0.seats['0'].actionPoints - 1);
    expect(G.seats['0'].taken).toEqual(['us-sanctions-moratorium']);
    expect(G.tension).toBe(G0.tension);

    // While it is in place, new sanctions are off the table; it lapses as round 4 opens.
    for (let round = 2; round <= 3; round++) {
      playToRound(m, round);
      expect(m.state.G.round).toBe(round);
      expect(m.state.G.measures.some((x) => x.id === 'sanctions-moratorium')).toBe(true);
      expect(verdict(m, '0', 'us-new-sanctions')).toMatch(/Not while Moratorium on new sanctions is in place/);
    }
    playToRound(m, 4);
    expect(m.state.G.round).toBe(4);
    expect(m.state.G.measures.some((x) => x.id === 'sanctions-moratorium')).toBe(false);
    expect(verdict(m, '0', 'us-new-sanctions')).not.toMatch(/in place/);
  });

  it('ir-release-detainees ×2 (EU mediator) moves two detainees and costs 2 capital', () => {
    const m = negotiating({ flavour: 'eu' });
    const G0 = accept(m, '1', 'ir-release-detainees', 2);
    const G = m.state.G;
    expect(G.detainees.heldByIran).toBe(G0.detainees.heldByIran - 2);
    expect(G.detainees.releasedByIran).toBe(G0.detainees.releasedByIran + 2);
    expect(G.detainees.heldByUS).toBe(G0.detainees.heldByUS);
    expect(G.detainees.releasedByUS).toBe(G0.detainees.releasedByUS);
    expect(G.seats['1'].capital).toBe(G0.seats['1'].capital - 2);
    expect(G.seats['1'].actionPoints).toBe(G0.seats['1'].actionPoints - 1);
    expect(G.seats['0'].capital).toBe(G0.seats['0'].capital + 2 * def('ir-release-detainees').effects.capital!['0']!);
    expect(G.trust).toBe(G0.trust + 2 * (def('ir-release-detainees').effects.trust ?? 0));
  });

  it('ir-release-detainees ×2 with Oman mediating costs no capital (1 less per detainee)', () => {
    const m = negotiating({ flavour: 'oman' });
    const G0 = accept(m, '1', 'ir-release-detainees', 2);
    const G = m.state.G;
    expect(G.detainees.heldByIran).toBe(G0.detainees.heldByIran - 2);
    expect(G.detainees.releasedByIran).toBe(G0.detainees.releasedByIran + 2);
    expect(G.seats['1'].capital).toBe(G0.seats['1'].capital);
    expect(G.seats['1'].actionPoints).toBe(G0.seats['1'].actionPoints - 1);
    expect(G.trust).toBe(G0.trust + 2 * (def('ir-release-detainees').effects.trust ?? 0));
  });

  it('the default scenario mediates through Oman', () => {
    expect(newMatch().state.G.flavour).toBe('oman');
  });

  it('Oman lets a seat with no capital release detainees; the EU does not', () => {
    const oman = negotiating({ flavour: 'oman' });
    setG(oman, (G) => {
      G.seats['1'].capital = 0;
      G.seats['0'].capital = 0;
    });
    accept(oman, '1', 'ir-release-detainees', 2);
    accept(oman, '0', 'us-parole-detainees', 1);
    expect(oman.state.G.detainees.releasedByUS).toBe(1);

    const eu = negotiating({ flavour: 'eu' });
    setG(eu, (G) => {
      G.seats['1'].capital = 1;
    });
    expectRefusal(eu, '1', ['ir-release-detainees', 2], 'cost', /Needs 2 Iranian political capital; you have 1/);
    accept(eu, '1', 'ir-release-detainees', 1);
    expect(eu.state.G.seats['1'].capital).toBe(0);
  });

  it('us-parole-detainees releases Iranian nationals held in the U.S.', () => {
    const m = negotiating({ flavour: 'eu' });
    const G0 = accept(m, '0', 'us-parole-detainees', 1);
    expect(m.state.G.detainees.heldByUS).toBe(G0.detainees.heldByUS - 1);
    expect(m.state.G.detainees.releasedByUS).toBe(G0.detainees.releasedByUS + 1);
    expect(m.state.G.detainees.heldByIran).toBe(G0.detainees.heldByIran);
    expect(m.state.G.seats['0'].capital).toBe(G0.seats['0'].capital - 1);
  });

  it('us-release-to-escrow needs the escrow channel, which Switzerland provides from the start', () => {
    const swiss = negotiating({ flavour: 'switzerland', neutral: false });
    expect(swiss.state.G.measures).toContainEqual({ id: 'escrow-channel', by: null, until: null });
    setG(swiss, neutralBoard);
    // Not in Phase I, even with the channel.
    expectRefusal(swiss, '0', ['us-release-to-escrow', 1], 'wrong-time', /Phase II/);
    toPhase(swiss, 'verification');
    const G0 = accept(swiss, '0', 'us-release-to-escrow', 3);
    const G = swiss.state.G;
    expect(G.sanctions.frozenAssets).toBe(G0.sanctions.frozenAssets - 3);
    expect(G.sanctions.escrow).toBe(G0.sanctions.escrow + 3);
    expect(G.seats['0'].capital).toBe(G0.seats['0'].capital - 3);
    expect(G.seats['1'].capital).toBe(G0.seats['1'].capital + 3);
    expect(G.seats['0'].actionPoints).toBe(G0.seats['0'].actionPoints - 1);

    // With Oman, no channel: refused until the Mediator sets one up.
    const oman = negotiating({ flavour: 'oman' });
    toPhase(oman, 'verification');
    expectRefusal(oman, '0', ['us-release-to-escrow', 1], 'unmet', /needs Escrow with independent auditors in place/);
    accept(oman, '2', 'med-escrow-channel');
    expect(oman.state.G.measures).toContainEqual({ id: 'escrow-channel', by: '2', until: null });
    accept(oman, '0', 'us-release-to-escrow', 1);
    expect(oman.state.G.sanctions.escrow).toBe(3);
  });

  it('us-release-to-escrow cannot release more than is frozen', () => {
    const m = negotiating({ flavour: 'switzerland' });
    toPhase(m, 'verification');
    setG(m, (G) => {
      G.sanctions.frozenAssets = 2;
    });
    expectRefusal(m, '0', ['us-release-to-escrow', 3], 'amount', /Only 2 \$bn available/);
    accept(m, '0', 'us-release-to-escrow', 2);
    expect(m.state.G.sanctions.frozenAssets).toBe(0);
  });

  it('us-relief-tranche lifts one tranche of sanctions once IAEA access is at tier 1', () => {
    const m = negotiating();
    toPhase(m, 'verification');
    setG(m, (G) => {
      G.nuclear.access = 0;
    });
    expectRefusal(m, '0', ['us-relief-tranche'], 'unmet', /needs IAEA access tier ≥ 1 \(now 0\)/);
    setG(m, (G) => {
      G.nuclear.access = 1;
    });
    const G0 = accept(m, '0', 'us-relief-tranche');
    expect(m.state.G.sanctions.level).toBe(G0.sanctions.level - 1);
    expect(m.state.G.trust).toBe(G0.trust + (def('us-relief-tranche').effects.trust ?? 0));
    expect(m.state.G.seats['0'].actionPoints).toBe(G0.seats['0'].actionPoints - 2);
    expect(m.state.G.seats['0'].capital).toBe(G0.seats['0'].capital - 2);
    expect(m.state.G.seats['1'].capital).toBe(G0.seats['1'].capital + 1);
  });

  it('ir-expand-enrichment grows the stockpile and raises tension at no capital cost', () => {
    const m = negotiating();
    const G0 = accept(m, '1', 'ir-expand-enrichment');
    expect(m.state.G.nuclear.stockpile).toBe(G0.nuclear.stockpile + 2);
    expect(m.state.G.tension).toBe(G0.tension + 1);
    expect(m.state.G.trust).toBe(G0.trust - 1);
    expect(m.state.G.seats['1'].capital).toBe(G0.seats['1'].capital + 1);
  });

  it('med-qatar-fund exists only for a Qatari mediator', () => {
    const qatar = negotiating({ flavour: 'qatar' });
    expect(legalActions(rules, qatar.state.G, '2', 'negotiate').map((a) => a.id)).toContain('med-qatar-fund');
    const G0 = accept(qatar, '2', 'med-qatar-fund');
    expect(qatar.state.G.trust).toBe(G0.trust + 1);
    expect(qatar.state.G.seats['1'].capital).toBe(G0.seats['1'].capital + 1);
    expect(qatar.state.G.seats['2'].capital).toBe(G0.seats['2'].capital - 1);

    for (const flavour of ['oman', 'switzerland', 'eu'] as const) {
      const m = negotiating({ flavour });
      expect(actionsFor(rules, m.state.G, '2').map((a) => a.id)).not.toContain('med-qatar-fund');
      expectRefusal(m, '2', ['med-qatar-fund'], 'not-yours', /Only a mediator from Qatar/);
    }
  });

  describe('ir-iaea-access follows the access tiers by phase (rules/nuclear.json)', () => {
    const tiers = rules.nuclear.accessTiers;

    it('the data opens tiers 1–3 in Phase II and tier 4 in Phase III: remote monitoring is for months 3–9', () => {
      expect(tiers.map((t) => t.opensIn)).toEqual(['confidence', 'verification', 'verification', 'verification', 'framework']);
    });

    it('in real play: no step in Phase I, three from Phase II', () => {
      const m = negotiating({ neutral: false });
      setG(m, (G) => {
        G.nuclear.access = 0;
        G.seats['1'].capital = 5;
      });
      expectRefusal(m, '1', ['ir-iaea-access'], 'wrong-time', new RegExp(`Available in ${phaseName('verification')}`));
      playToRound(m, 4);
      expect(currentPhase(m.state.G)).toBe('verification');
      setG(m, (G) => {
        G.nuclear.access = 0;
        G.seats['1'].capital = 5;
        G.seats['1'].crisis = false;
      });
      accept(m, '1', 'ir-iaea-access');
      expect(m.state.G.nuclear.access).toBe(1);
      accept(m, '1', 'ir-iaea-access');
      expect(m.state.G.nuclear.access).toBe(2);
      accept(m, '1', 'ir-iaea-access');
      expect(m.state.G.nuclear.access).toBe(3);
      setG(m, (G) => {
        G.seats['1'].actionPoints = 3;
      });
      expectRefusal(m, '1', ['ir-iaea-access'], 'wrong-time', new RegExp(`${tiers[4].name} opens in ${phaseName('framework')}`));
    });

    it.each(PHASES.flatMap((phase) => tiers.map((_, access) => ({ phase, access }))))(
      'in $phase from tier $access',
      ({ phase, access }) => {
        const m = negotiating();
        toPhase(m, phase);
        setG(m, (G) => {
          G.nuclear.access = access;
        });
        const next = tiers[access + 1];
        if (!def('ir-iaea-access').phases.includes(phase)) {
          // No tier above basic safeguards opens in Phase I, so the action is not offered there.
          expectRefusal(m, '1', ['ir-iaea-access'], 'wrong-time', /Available in/);
        } else if (!next) {
          expectRefusal(m, '1', ['ir-iaea-access'], 'unmet', /needs IAEA access tier ≤ 3 \(now 4\)/);
        } else if (PHASES.indexOf(next.opensIn) > PHASES.indexOf(phase)) {
          expectRefusal(m, '1', ['ir-iaea-access'], 'wrong-time', new RegExp(`${next.name} opens in ${phaseName(next.opensIn)}`));
        } else {
          const G0 = accept(m, '1', 'ir-iaea-access');
          expect(m.state.G.nuclear.access).toBe(access + 1);
          expect(m.state.G.trust).toBe(G0.trust + (def('ir-iaea-access').effects.trust ?? 0));
          expect(m.state.G.seats['1'].capital).toBe(G0.seats['1'].capital - 1);
        }
      },
    );
  });

  it('a once-per-round action is available again next round', () => {
    const m = negotiating({ neutral: false });
    accept(m, '0', 'us-hardline-rhetoric');
    expectRefusal(m, '0', ['us-hardline-rhetoric'], 'used-up', /Already taken this round/);
    playToRound(m, 2);
    expect(m.state.G.seats['0'].taken).toEqual([]);
    expect(m.state.G.seats['0'].takenEver).toContain('us-hardline-rhetoric');
    accept(m, '0', 'us-hardline-rhetoric');
  });

  it('Phase II actions open when play reaches round 4', () => {
    const m = negotiating({ neutral: false });
    expectRefusal(m, '2', ['med-escrow-channel'], 'wrong-time', /Phase II/);
    playToRound(m, 4);
    expect(m.state.ctx.phase).toBe('verification');
    setG(m, (G) => {
      G.seats['2'].capital = 5;
      G.seats['2'].crisis = false;
    });
    accept(m, '2', 'med-escrow-channel');
    expect(m.state.G.measures.some((x) => x.id === 'escrow-channel')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 2 + 3. Rejections, with readable reasons
// ---------------------------------------------------------------------------------------------

describe('wrong seat', () => {
  it('Iran cannot take a U.S. action', () => {
    expectRefusal(negotiating(), '1', ['us-sanctions-moratorium'], 'not-yours', /Only the United States can/);
  });

  it.each(ACTIONS.map((d) => ({ id: d.id })))('$id only for its own seat', ({ id }) => {
    const d = def(id);
    const m = positionFor(d, d.phases[0]);
    for (const s of SEATS.filter((x) => x !== d.seat))
      expectRefusal(m, s, argsFor(d), 'not-yours', new RegExp(`Only ${['the United States', 'Iran', 'the Mediator'][Number(d.seat)]} can`));
    expect(verdict(m, d.seat, ...argsFor(d))).toBe('ok');
  });
});

describe('wrong phase', () => {
  it('a Phase II action in round 1', () => {
    const m = negotiating({ neutral: false });
    expect(m.state.G.round).toBe(1);
    expectRefusal(m, '2', ['med-escrow-channel'], 'wrong-time', /Available in Phase II.* not in Phase I/);
    expectRefusal(m, '1', ['ir-stockpile-limit'], 'wrong-time', /not in Phase I/);
  });

  it('a Phase III action in Phase II, and a Phase I–II action in Phase III', () => {
    const m = negotiating();
    toPhase(m, 'verification');
    expectRefusal(m, '1', ['ir-centrifuge-limit'], 'wrong-time', /Available in Phase III.* not in Phase II/);
    toPhase(m, 'framework');
    expectRefusal(m, '2', ['med-working-groups'], 'wrong-time', /not in Phase III/);
  });

  const cases = ACTIONS.flatMap((d) => PHASES.filter((p) => !d.phases.includes(p)).map((phase) => ({ id: d.id, phase })));
  it.each(cases)('$id refused in $phase', ({ id, phase }) => {
    const d = def(id);
    const m = positionFor(d, phase);
    expectRefusal(m, d.seat, argsFor(d), 'wrong-time', new RegExp(`not in ${phaseName(phase)}`));
    // The same position in a phase it lists accepts it: the phase alone decided.
    toPhase(m, d.phases[0]);
    expect(verdict(m, d.seat, ...argsFor(d))).toBe('ok');
  });
});

describe('wrong stage', () => {
  /** A match whose round-1 incident asks a seat to respond. */
  function awaitingResponse(): { m: Match; responder: SeatId } {
    for (let i = 0; i < 200; i++) {
      const m = newMatch({ seed: `respond-${i}` });
      const entry = Object.entries(active(m)).find(([, stage]) => stage === 'respond');
      if (entry) return { m, responder: entry[0] as SeatId };
    }
    throw new Error('no seed in 200 draws an incident that asks for a response');
  }

  it('a seat answering an incident cannot act; the others are not active yet', () => {
    const { m, responder } = awaitingResponse();
    expect(Object.keys(active(m))).toEqual([responder]);
    const mine = actionsFor(rules, m.state.G, responder).find((d) => !d.amount && d.phases.includes('confidence'))!;
    // Our checker refuses it with a reason...
    expect(verdict(m, responder, mine.id)).toMatch(/Respond to the incident first/);
    expect(legalActions(rules, m.state.G, responder, 'respond')).toEqual([]);
    // ...and boardgame.io does not even offer `act` in the respond stage.
    expectRejected(m, responder, [mine.id], UNAVAILABLE);
    expect(enumerateFor(m.state, responder).map((e) => e.move)).toEqual(['respond', 'respond']);
    for (const s of SEATS.filter((x) => x !== responder)) {
      const theirs = actionsFor(rules, m.state.G, s).find((d) => !d.amount && d.phases.includes('confidence'))!;
      expect(verdict(m, s, theirs.id)).toMatch(/during negotiation/);
      const next = send(m, s, [theirs.id]);
      expect(next.transients?.error?.type).toMatch(/^action\/(inactive_player|unavailable_move)$/);
      expect(next.G).toEqual(m.state.G);
      expect(enumerateFor(m.state, s)).toEqual([]);
    }
    // Once answered, everyone negotiates and the same action goes through.
    answerIncident(m);
    setG(m, neutralBoard);
    accept(m, responder, mine.id);
  });

  it('a seat that said Done cannot act (boardgame.io drops it from the active seats)', () => {
    const m = negotiating();
    expect(play(m, '0', 'done').invalid).toBe(false);
    expect(active(m)['0']).toBeUndefined();
    expect(verdict(m, '0', 'us-congress-briefing')).toBe('You have said Done for this round.');
    const next = send(m, '0', ['us-congress-briefing']);
    expect(next.transients?.error?.type).toMatch(/^action\/(inactive_player|unavailable_move)$/);
    expect(next.G).toEqual(m.state.G);
    expect(enumerateFor(m.state, '0')).toEqual([]);
  });

  it('a seat marked done while still in the negotiate stage is refused by our rules', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.seats['0'].done = true;
    });
    expect(active(m)['0']).toBe('negotiate');
    expectRefusal(m, '0', ['us-congress-briefing'], 'said-done', /said Done/);
    expect(legalActions(rules, m.state.G, '0', 'negotiate')).toEqual([]);
    expect(enumerateFor(m.state, '0')).toEqual([]);
  });

  it('checkAction refuses a seat with no stage', () => {
    const m = negotiating();
    const v = checkAction(rules, m.state.G, '0', null, 'us-congress-briefing');
    expect(v).toEqual({ ok: false, code: 'not-negotiating', reason: expect.stringMatching(/during negotiation/) });
    expect(legalActions(rules, m.state.G, '0', null)).toEqual([]);
  });
});

describe('unaffordable', () => {
  it('no action points left', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.seats['0'].actionPoints = 0;
    });
    expectRefusal(m, '0', ['us-congress-briefing'], 'cost', /Needs 1 action point; you have 0/);
  });

  it('one action point for a two-point action', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.seats['2'].actionPoints = 1;
    });
    expectRefusal(m, '2', ['med-host-direct-talks'], 'cost', /Needs 2 action points; you have 1/);
    accept(m, '2', 'med-secure-backchannel');
    expect(m.state.G.seats['2'].actionPoints).toBe(0);
  });

  it('action points run out in play', () => {
    const m = negotiating();
    accept(m, '0', 'us-congress-briefing');
    accept(m, '0', 'us-advance-notifications');
    accept(m, '0', 'us-strike-moratorium');
    expect(m.state.G.seats['0'].actionPoints).toBe(0);
    expectRefusal(m, '0', ['us-hardline-rhetoric'], 'cost', /action point/);
    const moves = enumerateFor(m.state, '0');
    expect(moves.filter((e) => e.move === 'act')).toEqual([]);
    expect(moves).toContainEqual({ move: 'done', args: [] });
  });

  it('not enough capital', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.seats['0'].capital = 0;
    });
    expectRefusal(m, '0', ['us-sanctions-moratorium'], 'cost', /Needs 1 U\.S\. political capital; you have 0/);
    // Free actions are still open.
    accept(m, '0', 'us-congress-briefing');
  });

  it('capital scales with the amount ($bn to escrow)', () => {
    const m = negotiating({ flavour: 'switzerland' });
    toPhase(m, 'verification');
    setG(m, (G) => {
      G.seats['0'].capital = 2;
    });
    expectRefusal(m, '0', ['us-release-to-escrow', 3], 'cost', /Needs 3 U\.S\. political capital; you have 2/);
    accept(m, '0', 'us-release-to-escrow', 2);
    expect(m.state.G.seats['0'].capital).toBe(0);
  });

  it.each(ACTIONS.map((d) => ({ id: d.id })))('$id: one action point short', ({ id }) => {
    const d = def(id);
    const m = positionFor(d, d.phases[0]);
    setG(m, (G) => {
      G.seats[d.seat].actionPoints = d.cost.ap - 1;
    });
    expectRefusal(m, d.seat, argsFor(d), 'cost', new RegExp(`Needs ${d.cost.ap} action points?; you have ${d.cost.ap - 1}`));
  });

  const costly = ACTIONS.filter((d) => d.cost.capital - discount('eu', d) > 0).map((d) => ({ id: d.id }));
  it.each(costly)('$id: one capital short (EU mediator)', ({ id }) => {
    const d = def(id);
    const m = negotiating({ flavour: d.flavours?.[0] ?? 'eu' });
    toPhase(m, d.phases[0]);
    setG(m, (G) => satisfy(G, d));
    const cost = d.cost.capital * (d.amount?.min ?? 1);
    setG(m, (G) => {
      G.seats[d.seat].capital = cost - 1;
    });
    expectRefusal(m, d.seat, argsFor(d), 'cost', new RegExp(`Needs ${cost} .*(capital|credibility); you have ${cost - 1}`));
  });
});

describe('malformed arguments', () => {
  const badIds: [string, unknown[]][] = [
    ['a number', [42]],
    ['an object', [{ id: 'us-congress-briefing' }]],
    ['null', [null]],
    ['nothing at all', []],
    ['an unknown string', ['us-invade-everything']],
    ['a differently-cased id', ['US-CONGRESS-BRIEFING']],
    ['an array', [['us-congress-briefing']]],
  ];
  it.each(badIds)('actionId is %s', (_, args) => {
    const m = negotiating();
    expectRefusal(m, '0', args, 'unknown', /There is no action/);
  });

  const badAmounts: [string, unknown[]][] = [
    ['missing', ['ir-release-detainees']],
    ['null', ['ir-release-detainees', null]],
    ['a string', ['ir-release-detainees', '2']],
    ['not whole', ['ir-release-detainees', 1.5]],
    ['NaN', ['ir-release-detainees', Number.NaN]],
    ['Infinity', ['ir-release-detainees', Number.POSITIVE_INFINITY]],
    ['zero', ['ir-release-detainees', 0]],
    ['negative', ['ir-release-detainees', -1]],
    ['above the maximum', ['ir-release-detainees', 3]],
  ];
  it.each(badAmounts)('amount is %s', (_, args) => {
    const m = negotiating({ flavour: 'eu' });
    expectRefusal(m, '1', args, 'amount', /Choose a whole number of detainees from 1 to 2/);
  });

  it('amount above what is available', () => {
    const m = negotiating({ flavour: 'eu' });
    setG(m, (G) => {
      G.detainees.heldByIran = 1;
    });
    expectRefusal(m, '1', ['ir-release-detainees', 2], 'amount', /Only 1 detainees available/);
    accept(m, '1', 'ir-release-detainees', 1);
    expectRefusal(m, '1', ['ir-release-detainees', 1], 'amount', /Only 0 detainees available/);
    expect(legalActions(rules, m.state.G, '1', 'negotiate').some((a) => a.id === 'ir-release-detainees')).toBe(false);
  });

  it.each([[1], [0], [null], ['x']])('an amount (%s) given to an action without amounts', (amount) => {
    const m = negotiating();
    expectRefusal(m, '0', ['us-congress-briefing', amount], 'amount', /Brief Congress and allies takes no amount/);
  });

  it('every amount action rejects out-of-range amounts, and accepts min..max', () => {
    for (const d of ACTIONS.filter((a) => a.amount)) {
      const m = positionFor(d, d.phases[0]);
      const { min, max } = d.amount!;
      for (const bad of [min - 1, max + 1, min + 0.5, undefined])
        expectRefusal(m, d.seat, bad === undefined ? [d.id] : [d.id, bad], 'amount', /Choose a whole number/);
      for (let n = min; n <= max; n++) expect(verdict(m, d.seat, d.id, n)).toBe('ok');
    }
  });
});

describe('blocked by a measure in place', () => {
  it('us-new-sanctions while the sanctions moratorium is in place', () => {
    const m = negotiating();
    accept(m, '0', 'us-sanctions-moratorium');
    expectRefusal(m, '0', ['us-new-sanctions'], 'blocked', /Not while Moratorium on new sanctions is in place/);
  });

  it('a moratorium already in place cannot be taken again (its expiry is not renewed)', () => {
    const m = negotiating();
    accept(m, '0', 'us-sanctions-moratorium');
    expectRefusal(m, '0', ['us-sanctions-moratorium'], 'blocked', /Moratorium on new sanctions is already in place/);
  });

  const cases = ACTIONS.flatMap((d) => (d.blockedBy ?? []).map((measure) => ({ id: d.id, measure })));
  it.each(cases)('$id blocked by $measure', ({ id, measure }) => {
    const d = def(id);
    const m = positionFor(d, d.phases[0]);
    expect(verdict(m, d.seat, ...argsFor(d))).toBe('ok');
    setG(m, (G) => {
      G.measures.push({ id: m$(measure), by: null, until: null });
    });
    const name = rules.measures.find((x) => x.id === measure)!.name;
    const own = d.effects.addMeasures?.includes(measure);
    expectRefusal(m, d.seat, argsFor(d), 'blocked', new RegExp(own ? `${name} is already in place` : `Not while ${name} is in place`));
  });
});

describe('unmet requirement', () => {
  it('med-verification-standards needs working groups', () => {
    const m = negotiating();
    expectRefusal(m, '2', ['med-verification-standards'], 'unmet', /needs Technical working groups in place/);
    accept(m, '2', 'med-working-groups');
    accept(m, '2', 'med-verification-standards');
  });

  const cases = ACTIONS.flatMap((d) => (d.requires ?? []).map((_, i) => ({ id: d.id, i })));
  it.each(cases)('$id requirement #$i', ({ id, i }) => {
    const d = def(id);
    const m = positionFor(d, d.phases.at(-1)!);
    expect(verdict(m, d.seat, ...argsFor(d))).toBe('ok');
    const c = d.requires![i];
    setG(m, (G) => {
      if ('measure' in c) G.measures = G.measures.filter((x) => x.id !== c.measure);
      else if ('anyMeasure' in c) G.measures = G.measures.filter((x) => !c.anyMeasure.includes(x.id));
      else {
        const [o, k] = holder(G, c.metric as Track);
        o[k] = c.op === '>=' ? c.value - 1 : c.value + 1;
      }
    });
    expectRefusal(m, d.seat, argsFor(d), 'unmet', /^This needs /);
  });
});

describe('once per round', () => {
  it('us-hardline-rhetoric twice', () => {
    const m = negotiating();
    accept(m, '0', 'us-hardline-rhetoric');
    expectRefusal(m, '0', ['us-hardline-rhetoric'], 'used-up', /Already taken this round/);
  });

  const cases = ACTIONS.filter((d) => d.once === 'round').map((d) => ({ id: d.id }));
  it.each(cases)('$id', ({ id }) => {
    const d = def(id);
    const m = positionFor(d, d.phases.at(-1)!);
    accept(m, d.seat, id, d.amount?.min);
    // Refill points and capital and re-satisfy requirements, so only the once-limit is left.
    setG(m, (G) => {
      G.seats[d.seat].actionPoints = 3;
      G.seats[d.seat].capital = 5;
      satisfy(G, d);
    });
    expectRefusal(m, d.seat, argsFor(d), 'used-up', /Already taken this round/);
  });

  it('actions without a limit may be repeated', () => {
    const m = negotiating({ flavour: 'eu' });
    accept(m, '1', 'ir-release-detainees', 1);
    accept(m, '1', 'ir-release-detainees', 1);
    expect(m.state.G.seats['1'].taken).toEqual(['ir-release-detainees', 'ir-release-detainees']);
    expect(m.state.G.seats['1'].takenEver).toEqual(['ir-release-detainees']);
    expect(m.state.G.detainees.releasedByIran).toBe(2);
  });
});

describe('domestic crisis', () => {
  it('forbids concessions but not other actions', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.seats['0'].crisis = true;
    });
    expectRefusal(m, '0', ['us-sanctions-moratorium'], 'crisis', /Domestic crisis: no concessions/);
    accept(m, '0', 'us-congress-briefing');
  });

  it('a crisis at round end costs an action point next round', () => {
    const m = negotiating({ neutral: false });
    setG(m, (G) => {
      G.seats['1'].capital = 0;
    });
    playToRound(m, 2);
    expect(m.state.G.seats['1'].crisis).toBe(true);
    expect(m.state.G.seats['1'].actionPoints).toBe(rules.board.actionPoints['1'] - rules.domestic.crisis.apPenalty);
    setG(m, (G) => {
      G.seats['1'].capital = 5;
    });
    expectRefusal(m, '1', ['ir-enrichment-pause'], 'crisis', /Domestic crisis/);
  });

  const concessions = ACTIONS.filter((d) => d.tags.includes('concession')).map((d) => ({ id: d.id }));
  it.each(concessions)('$id is a concession', ({ id }) => {
    const d = def(id);
    const m = positionFor(d, d.phases.at(-1)!);
    setG(m, (G) => {
      G.seats[d.seat].crisis = true;
    });
    expectRefusal(m, d.seat, argsFor(d), 'crisis', /Domestic crisis: no concessions this round/);
  });

  const others = ACTIONS.filter((d) => !d.tags.includes('concession')).map((d) => ({ id: d.id }));
  it.each(others)('$id is allowed in a crisis', ({ id }) => {
    const d = def(id);
    const m = positionFor(d, d.phases.at(-1)!);
    setG(m, (G) => {
      G.seats[d.seat].crisis = true;
    });
    expect(verdict(m, d.seat, ...argsFor(d))).toBe('ok');
  });
});

// ---------------------------------------------------------------------------------------------
// 3. legalActions and ai.enumerate agree with checkAction
// ---------------------------------------------------------------------------------------------

const PROBE_AMOUNTS: unknown[] = [undefined, null, -1, 0, 1, 1.5, 2, 3, 4, '1'];

/** On this state, for every seat: the listings match checkAction exactly, and listed moves succeed. */
function checkListings(state: GameStateFull, reducer: Match['reducer'], tryMoves: boolean): number {
  let checked = 0;
  const activePlayers = (state.ctx.activePlayers ?? {}) as Record<string, string>;
  for (const seat of SEATS) {
    const stage = (activePlayers[seat] as StageId | undefined) ?? null;
    const G = state.G;
    const listed = legalActions(rules, G, seat, stage);
    // Everything listed passes the checker...
    for (const a of listed) expect(checkAction(rules, G, seat, stage, a.id, a.amount)).toEqual({ ok: true });
    // ...and everything the checker passes is listed (for any id and any amount we can think of).
    for (const d of rules.actions)
      for (const amount of PROBE_AMOUNTS) {
        const ok = checkAction(rules, G, seat, stage, d.id, amount).ok;
        const isListed = listed.some((a) => a.id === d.id && a.amount === amount);
        expect(isListed, `${seat} ${d.id} ${String(amount)}`).toBe(ok);
        checked += 1;
      }
    const moves = enumerateFor(state, seat);
    if (state.ctx.gameover) {
      expect(moves).toEqual([]);
      continue;
    }
    if (stage === 'negotiate' && !G.seats[seat].done) {
      expect(moves).toContainEqual({ move: 'done', args: [] });
      expect(moves.filter((e) => e.move === 'act')).toEqual(
        listed.map((a) => ({ move: 'act', args: a.amount === undefined ? [a.id] : [a.id, a.amount] })),
      );
    } else if (stage === 'respond') {
      expect(moves.map((e) => e.move)).toEqual(['respond', 'respond']);
    } else {
      expect(moves).toEqual([]);
    }
    if (tryMoves)
      for (const e of moves) {
        const next = reducer(state, moveAction(e.move, e.args, seat));
        expect(next.transients?.error, `${seat} ${JSON.stringify(e)}`).toBeUndefined();
      }
  }
  return checked;
}

describe('legalActions and ai.enumerate never disagree with checkAction', () => {
  it('on the opening position of every flavour', () => {
    for (const flavour of ['oman', 'switzerland', 'qatar', 'eu'] as const) {
      const m = negotiating({ flavour, neutral: false });
      checkListings(m.state, m.reducer, true);
      const ids = legalActions(rules, m.state.G, '2', 'negotiate').map((a) => a.id);
      expect(ids.includes('med-qatar-fund' as never)).toBe(flavour === 'qatar');
    }
  });

  it('on constructed positions: crisis, no points, no capital, done, every phase, measures in place', () => {
    const rand = seeded(7);
    const measureIds = rules.measures.map((x) => x.id);
    for (let i = 0; i < 60; i++) {
      const m = negotiating({ flavour: (['oman', 'switzerland', 'qatar', 'eu'] as const)[rand(4)] });
      toPhase(m, PHASES[rand(3)]);
      setG(m, (G) => {
        for (const s of SEATS) {
          const me = G.seats[s];
          me.crisis = rand(4) === 0;
          me.actionPoints = rand(4);
          me.capital = rand(5);
          me.done = rand(6) === 0;
          if (rand(3) === 0) me.taken = ACTIONS.filter((d) => d.seat === s && d.once).map((d) => d.id);
        }
        G.measures = measureIds.filter(() => rand(4) === 0).map((id) => ({ id, by: null, until: null }));
        G.nuclear.access = rand(5);
        G.nuclear.enrichment = rand(3);
        G.nuclear.stockpile = rand(4);
        G.nuclear.centrifuges = rand(3);
        G.detainees.heldByIran = rand(4);
        G.detainees.heldByUS = rand(3);
        G.sanctions.frozenAssets = rand(4);
      });
      checkListings(m.state, m.reducer, true);
    }
  });

  it('throughout games played by a bot that picks from ai.enumerate', async () => {
    let checked = 0;
    for (const seed of [1, 2]) {
      const m = newMatch({ seed: `enumerate-${seed}` });
      const pick = seeded(seed);
      const bot = {
        play: async (state: GameStateFull, playerID: string) => {
          const moves = enumerateFor(state, playerID);
          const e = moves[pick(moves.length)];
          return { action: e ? moveAction(e.move, e.args, playerID) : undefined };
        },
      };
      await playOut(m, bot, pick, (state) => {
        checked += checkListings(state, m.reducer, false);
      });
      expect(m.state.ctx.gameover).toBeDefined();
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
