/**
 * Verification and the traffic light: a step's secret choice (comply, partial, cheat) meets its
 * verifier when it falls due. Red fires the pre-agreed red trigger (snapback) and suspends the
 * rest; green releases what was agreed; amber gives the partial result and more monitoring; a
 * cheat the verifier missed pays its seat in secret until look-back finds it.
 *
 * Detection draws on boardgame.io's seeded `random`. Exact scenarios are found by trying seeds
 * until the needed light occurs (the loop fails if it never does, so a verifier that always or
 * never sees a cheat breaks these tests); rates are checked statistically over many seeds against
 * chances worked out by hand from rules/verifiers.json.
 *
 * Positions: a real match in round 1's negotiation, set to a calm board (no domestic pressure, no
 * track at a bound) with the next incident forced to `congress-shift`, which only costs the United
 * States capital. So between the last Done and the next round, Iran's capital, Trust, Sanctions and
 * the nuclear file change only through verification.
 */
import { describe, expect, it } from 'vitest';
import { READERS, logLines } from '../../src/game/log';
import endingsJson from '../../rules/endings.json';
import flavoursJson from '../../rules/flavours.json';
import negotiationJson from '../../rules/negotiation.json';
import triggersJson from '../../rules/triggers.json';
import verifiersJson from '../../rules/verifiers.json';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import type { ItemId } from '../../src/game/ids';
import type { GameState, Step } from '../../src/game/state';
import type { Flavour, VerifierId } from '../../src/game/types';
import { ambiguityChance, detectionChance } from '../../src/game/verification';
import { INVALID, UNAVAILABLE, answerIncident, everyLine, finishRound, ok, refused, setG, type Match } from '../harness';
import { LAST_ROUND, addMeasure, agree, calm, cdef, line, m$, negotiating, pause, reset, shuttle, stepOf, type Line } from '../negotiation';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const N = negotiationJson;
/** `negotiating`'s seed for this file's fixed positions. */
const SEED = 'verification';

const verifier = (id: string) => verifiersJson.find((v) => v.id === id)!;
type TriggerEffects = { sanctions?: number; capital?: Record<string, number> };
const triggerEffects = (id: string) => triggersJson.find((t) => t.id === id)!.effects as TriggerEffects;
const v$ = (id: string) => id as VerifierId;

interface Resolution {
  m: Match;
  before: GameState;
  step: Step;
  agreementId: ItemId;
}

/**
 * One step resolved: a match on seed `seed` reaches an agreement on `lines` in round `round`
 * (a constructed position), `seat` makes `choice` on the first step, and the round ends.
 */
function resolveOnce(
  seed: string,
  opts: { lines?: Line[]; choice?: 'comply' | 'partial' | 'cheat'; flavour?: Flavour; round?: number; edit?: (G: GameState) => void } = {},
): Resolution {
  const m = negotiating({ seed, flavour: opts.flavour });
  const round = opts.round ?? 1;
  setG(m, (G) => {
    G.round = round;
  });
  const a = agree(m, shuttle(...(opts.lines ?? [pause(round)])));
  const first = a.steps[0];
  if (opts.choice) ok(m, first.seat, 'comply', first.id, opts.choice);
  if (opts.edit) setG(m, opts.edit);
  const before = structuredClone(m.state.G);
  finishRound(m);
  expect(m.state.G.round).toBe(round + 1);
  return { m, before, step: stepOf(m, first.id), agreementId: a.id };
}

/** Tries seeds until `found` holds for a resolution; fails if no seed in `tries` does. */
function findSeed(tries: number, make: (seed: string) => Resolution, found: (r: Resolution) => boolean, tag = 'v'): Resolution {
  for (let i = 0; i < tries; i++) {
    const r = make(`${tag}-${i}`);
    if (found(r)) return r;
  }
  throw new Error(`no seed in ${tries} gave the outcome`);
}

// ---------------------------------------------------------------------------------------------
// Chances
// ---------------------------------------------------------------------------------------------

describe('detection and ambiguity chances (rules/verifiers.json)', () => {
  const G0 = negotiating({ seed: SEED }).state.G;
  const position = (access: number, measures: string[], monitoring = 0): GameState => {
    const G = structuredClone(G0);
    G.nuclear.access = access;
    G.measures = measures.map((id) => ({ id: m$(id), by: null, until: null }));
    G.monitoring = { '0': 0, '1': monitoring, '2': 0 };
    return G;
  };

  // Worked out by hand from rules/verifiers.json: IAEA 30 % + 12 % a tier (+20 % joint monitoring,
  // +5 % standards); auditors 45 % (+20 % escrow, +5 % standards); observers 50 % (+15 %
  // guarantors, +10 % maritime de-confliction); each amber adds 10 % against its seat; cap 95 %.
  // [verifier, access tier, measures, monitoring against Iran, chance against Iran, against the U.S.]
  const detection: [string, number, string[], number, number, number][] = [
    ['iaea', 0, [], 0, 0.3, 0.3],
    ['iaea', 1, [], 0, 0.42, 0.42],
    ['iaea', 2, [], 0, 0.54, 0.54],
    ['iaea', 2, ['joint-monitoring'], 0, 0.74, 0.74],
    ['iaea', 2, ['joint-monitoring', 'verification-standards'], 0, 0.79, 0.79],
    ['iaea', 2, ['escrow-channel', 'regional-guarantors'], 0, 0.54, 0.54],
    ['iaea', 0, [], 0.1, 0.4, 0.3],
    ['iaea', 4, ['joint-monitoring', 'verification-standards'], 0, 0.95, 0.95],
    ['iaea', 0, [], 1, 0.95, 0.3],
    ['auditors', 0, [], 0, 0.45, 0.45],
    ['auditors', 4, [], 0, 0.45, 0.45],
    ['auditors', 0, ['escrow-channel'], 0, 0.65, 0.65],
    ['auditors', 0, ['escrow-channel', 'verification-standards'], 0, 0.7, 0.7],
    ['observers', 0, [], 0, 0.5, 0.5],
    ['observers', 0, ['regional-guarantors'], 0, 0.65, 0.65],
    ['observers', 0, ['regional-guarantors', 'maritime-deconfliction'], 0.2, 0.95, 0.75],
  ];
  it.each(detection)('%s, access %i, measures %j, monitoring %d: %d', (id, access, measures, monitoring, iran, us) => {
    const G = position(access, measures, monitoring);
    expect(detectionChance(rules, G, v$(id), '1')).toBeCloseTo(iran, 10);
    // Monitoring is earned against one seat only.
    expect(detectionChance(rules, G, v$(id), '0')).toBeCloseTo(us, 10);
  });

  it('detection grows with each access tier for the IAEA and is capped at detectionMax', () => {
    const chances = [0, 1, 2, 3, 4].map((a) => detectionChance(rules, position(a, ['joint-monitoring']), v$('iaea'), '1'));
    for (let i = 1; i < chances.length; i++) expect(chances[i]).toBeGreaterThanOrEqual(chances[i - 1]);
    expect(chances[1] - chances[0]).toBeCloseTo(verifier('iaea').detection.perAccessTier, 10);
    expect(Math.max(...chances)).toBe(N.detectionMax);
  });

  const ambiguity: [string, string[], number][] = [
    ['iaea', [], 0.2],
    ['iaea', ['verification-standards'], 0.1],
    ['iaea', ['verification-standards', 'joint-monitoring'], 0.05],
    ['iaea', ['regional-guarantors'], 0.2],
    ['auditors', [], 0.15],
    ['auditors', ['verification-standards'], 0.05],
    ['observers', [], 0.15],
    ['observers', ['standing-secretariat'], 0.05],
  ];
  it.each(ambiguity)('ambiguity of %s with %j: %d', (id, measures, expected) => {
    expect(ambiguityChance(rules, position(0, measures), v$(id))).toBeCloseTo(expected, 10);
  });
});

// ---------------------------------------------------------------------------------------------
// Red
// ---------------------------------------------------------------------------------------------

describe('a cheat caught: red', () => {
  it('fires the snapback, lowers Trust, reports RED and suspends the rest', () => {
    const r = findSeed(
      20,
      (seed) =>
        resolveOnce(seed, {
          lines: [pause(1), line('naval-notifications', 2)],
          choice: 'cheat',
          edit: (G) => {
            G.monitoring['1'] = 1; // detection at its cap
          },
        }),
      (x) => x.step.status === 'red',
    );
    const G = r.m.state.G;
    const snap = triggerEffects('snapback');
    expect(G.sanctions.level).toBe(r.before.sanctions.level + snap.sanctions!);
    expect(G.sanctions.level).toBe(6);
    // A cheat costs no capital; the snapback costs Iran its share.
    expect(G.seats['1'].capital).toBe(r.before.seats['1'].capital + snap.capital!['1']);
    expect(G.trust).toBe(r.before.trust + N.results.red.trust);
    expect(G.trust).toBe(1);
    // Nothing was done: no pause in place, the stockpile grew.
    expect(G.measures.some((x) => x.id === 'enrichment-pause')).toBe(false);
    expect(G.nuclear.stockpile).toBe(r.before.nuclear.stockpile + 1);
    // Red adds no monitoring; there is no hidden cheat.
    expect(G.monitoring['1']).toBe(1);
    expect(G.secrets['1'].cheats).toEqual([]);
    expect(G.secrets['1'].choices).toEqual({});

    expect(r.step.report).toContain('RED');
    expect(r.step.report).toContain(verifier('iaea').name);
    expect(everyLine(G).some((e) => e.text === r.step.report && e.round === 1)).toBe(true);
    const a = G.agreements.find((x) => x.id === r.agreementId)!;
    expect(a.steps.map((s) => s.status)).toEqual(['red', 'suspended']);
  });
});

// ---------------------------------------------------------------------------------------------
// Missed cheats and look-back
// ---------------------------------------------------------------------------------------------

describe('a cheat the verifier missed', () => {
  const missed = () =>
    findSeed(30, (seed) => resolveOnce(seed, { choice: 'cheat' }), (x) => x.step.status === 'green', 'miss');

  it('reads green, releases what was agreed, and pays the cheater a hidden gain', () => {
    const r = missed();
    const G = r.m.state.G;
    expect(r.step.report).toContain('GREEN');
    const relief = triggerEffects('relief-tranche');
    expect(G.sanctions.level).toBe(r.before.sanctions.level + relief.sanctions!);
    expect(G.trust).toBe(r.before.trust + N.results.green.trust);
    // Capital was paid on signing; at verification only the relief arrives.
    expect(G.seats['1'].capital).toBe(r.before.seats['1'].capital + relief.capital!['1']);
    // The pause is declared but not real: the cheat keeps that gap in secret, and the real
    // stockpile already grew behind it this round.
    const growth = rules.nuclear.growth.stockpilePerRound;
    expect(G.secrets['1'].cheats).toEqual([
      { kind: 'cheat', agreement: r.agreementId, step: r.step.id, round: 1, gain: cdef('enrichment-pause').cheatGain, gap: { tracks: { stockpile: -growth }, measures: ['enrichment-pause'] } },
    ]);
    expect(G.nuclear.stockpile).toBe(r.before.nuclear.stockpile);
    expect(G.measures.some((x) => x.id === 'enrichment-pause')).toBe(true);
    const note = everyLine(G).find((e) => e.text.includes('went unseen'));
    expect(note).toBeDefined();
    expect(note!.to).toEqual(['1']);
    expect(G.secrets['0'].cheats).toEqual([]);
    expect(G.secrets['2'].cheats).toEqual([]);
  });

  it('adds its gain to the final score while it stays hidden', () => {
    const r = missed();
    const gain = cdef('enrichment-pause').cheatGain;
    // Two copies of the same position play the last round: one keeps the hidden cheat.
    const toEnd = (G: GameState) => {
      calm(G);
      G.round = LAST_ROUND;
      G.trustAtRoundStart = G.trust;
      G.history = Array.from({ length: LAST_ROUND - 1 }, (_, i) => ({ round: i + 1, month: i + 1, trust: 3, tension: 3 }));
    };
    answerIncident(r.m);
    const withCheat: Match = { state: r.m.state, reducer: r.m.reducer };
    const without: Match = { state: r.m.state, reducer: r.m.reducer };
    setG(withCheat, toEnd);
    setG(without, (G) => {
      toEnd(G);
      G.secrets['1'].cheats = [];
    });
    finishRound(withCheat);
    finishRound(without);
    const a = withCheat.state.ctx.gameover;
    const b = without.state.ctx.gameover;
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a.path).toBe(b.path);
    expect(a.path).not.toBe('escalation');
    const bonus = (endingsJson as unknown as { outcomeBonus: Record<string, Record<string, number>> }).outcomeBonus[a.path]['1'];
    expect(b.scores['1']).toBeGreaterThanOrEqual(bonus);
    expect(a.scores['1']).toBe(b.scores['1'] + gain);
    expect(a.scores['0']).toBe(b.scores['0']);
    expect(a.scores['2']).toBe(b.scores['2']);
    expect(a.hiddenCheats).toEqual({ '0': 0, '1': 1, '2': 0 });
  });

  it('is found by look-back once IAEA access reaches environmental sampling: red, snapback, Trust falls, gain lost', () => {
    const lookback = N.lookback;
    expect(lookback.verifiers).toContain('iaea');
    const roundsToTry = 4;
    for (let attempt = 0; attempt < 30; attempt++) {
      const r = resolveOnce(`lookback-${attempt}`, { choice: 'cheat' });
      if (r.step.status !== 'green') continue; // caught at once; try another seed
      const m = r.m;
      for (let k = 0; k < roundsToTry; k++) {
        answerIncident(m);
        reset(m, (G) => {
          G.nuclear.access = lookback.accessTier;
          G.trust = 5;
          G.trustAtRoundStart = 5;
          // Should the Phase I review fall in this round, it leaves Trust as it was: one milestone
          // met (IAEA transparency, +1) against the shortfall (−1).
          addMeasure(G, 'enrichment-pause');
        });
        const before = structuredClone(m.state.G);
        const round = before.round;
        finishRound(m);
        const G = m.state.G;
        const step = stepOf(m, r.step.id);
        if (step.status === 'green') {
          expect(G.secrets['1'].cheats).toHaveLength(1);
          expect(G.trust).toBe(before.trust);
          continue;
        }
        expect(step.status).toBe('red');
        expect(G.secrets['1'].cheats).toEqual([]);
        const snap = triggerEffects('snapback');
        expect(G.sanctions.level).toBe(before.sanctions.level + snap.sanctions!);
        // The pause was never real: the board now shows what was done, and the stockpile grew.
        expect(G.measures.some((x) => x.id === 'enrichment-pause')).toBe(false);
        const hidden = before.secrets['1'].cheats[0].gap.tracks.stockpile!;
        expect(hidden).toBeLessThan(0);
        expect(G.nuclear.stockpile).toBe(before.nuclear.stockpile - hidden + rules.nuclear.growth.stockpilePerRound);
        // The step turns red (the red result, the snapback) and look-back adds its own penalty.
        expect(step.report).toContain(`Trust ${lookback.effects.trust}`.replace('-', '−'));
        expect(step.report).toContain(`Iranian political capital ${snap.capital!['1']}`.replace('-', '−'));
        expect(step.report).toContain(`Trust ${N.results.red.trust}`.replace('-', '−'));
        expect(G.blame['1']).toBe(rules.endings.blame.red);
        expect(step.report).toContain('RED');
        expect(step.report).toMatch(/look-back/);
        expect(step.report).toContain(`round ${round}`);
        expect(everyLine(G).some((e) => e.text === step.report && e.round === round)).toBe(true);
        return;
      }
    }
    throw new Error('look-back never found the cheat');
  });

  it('look-back only looks back: a cheat missed this round is not found in the same implementation step', () => {
    // At the look-back tier from the start, a cheat is seen at once with the published chance
    // (IAEA 30 % + 3 × 12 % = 66 %) or missed; a missed one may surface from the next round on.
    // Finding it in the very step that reported it GREEN (and told Iran it "went unseen") would make
    // the real detection chance 66 % + 34 % × 35 % ≈ 78 %, not what rules/verifiers.json publishes.
    let green = 0;
    const sameStep: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = resolveOnce(`same-${i}`, {
        choice: 'cheat',
        edit: (G) => {
          G.nuclear.access = N.lookback.accessTier;
        },
      });
      if (r.step.status === 'green') green += 1;
      else if (/look-back/.test(r.step.report ?? '')) sameStep.push(`same-${i}`);
    }
    expect(green).toBeGreaterThan(0);
    expect(sameStep, 'seeds where a cheat was reported GREEN and found by look-back in the same round').toEqual([]);
  });

  it('look-back does not run below the access tier, nor for verifiers other than the IAEA', () => {
    // Observers verify naval notifications: a missed cheat there is never found by sampling.
    const obs = findSeed(
      30,
      (seed) => resolveOnce(seed, { choice: 'cheat', lines: [line('naval-notifications', 1)] }),
      (x) => x.step.status === 'green',
      'obs',
    );
    for (let k = 0; k < 5; k++) {
      answerIncident(obs.m);
      reset(obs.m, (G) => {
        G.nuclear.access = 4;
      });
      finishRound(obs.m);
    }
    expect(stepOf(obs.m, obs.step.id).status).toBe('green');
    expect(obs.m.state.G.secrets['1'].cheats).toHaveLength(1);

    const low = missedBelowTier();
    expect(stepOf(low.m, low.step.id).status).toBe('green');
    expect(low.m.state.G.secrets['1'].cheats).toHaveLength(1);
  });

  function missedBelowTier(): Resolution {
    const r = findSeed(30, (seed) => resolveOnce(seed, { choice: 'cheat' }), (x) => x.step.status === 'green', 'low');
    for (let k = 0; k < 5; k++) {
      answerIncident(r.m);
      reset(r.m, (G) => {
        G.nuclear.access = N.lookback.accessTier - 1;
      });
      finishRound(r.m);
    }
    return r;
  }
});

// ---------------------------------------------------------------------------------------------
// Partial compliance
// ---------------------------------------------------------------------------------------------

describe('partial compliance', () => {
  // Centrifuge limit (Phase III): in full −2 cascades, in part −1.
  const limit = cdef('centrifuge-limit');
  const share = N.partialGainShare;

  it('detected: amber, the partial result, more monitoring, limited relief', () => {
    const r = findSeed(
      20,
      (seed) =>
        resolveOnce(seed, {
          round: 7,
          lines: [line('centrifuge-limit', 7)],
          choice: 'partial',
          edit: (G) => {
            G.monitoring['1'] = 0.9;
          },
        }),
      (x) => x.step.status === 'amber',
      'amber',
    );
    const G = r.m.state.G;
    expect(G.seats['1'].capital).toBe(r.before.seats['1'].capital + triggersJson.find((t) => t.id === 'relief-tranche')!.limited!.capital['1']);
    expect(G.nuclear.centrifuges).toBe(r.before.nuclear.centrifuges + limit.partial.centrifuges!);
    expect(G.monitoring['1']).toBeCloseTo(0.9 + N.amberMonitoring, 10);
    expect(G.monitoring['0']).toBe(0);
    // Amber costs Trust, gives the green trigger's limited relief (no sanctions move), and is
    // blamed on the seat found short; its step is marked as partly done.
    expect(G.trust).toBe(r.before.trust + N.results.amber.trust!);
    expect(G.sanctions.level).toBe(r.before.sanctions.level);
    expect(r.step.partly).toBe(true);
    expect(G.blame['1']).toBe(rules.endings.blame.partial);
    expect(r.step.report).toContain('AMBER');
    expect(r.step.report).toContain('Sanctions relief tranche, limited');
    expect(G.secrets['1'].cheats).toEqual([]);
  });

  it('undetected: reads green, the step is seen done in full, and the seat earns part of the secret points', () => {
    const r = findSeed(
      30,
      (seed) => resolveOnce(seed, { round: 7, lines: [line('centrifuge-limit', 7)], choice: 'partial' }),
      (x) => x.step.status === 'green',
      'pgreen',
    );
    const G = r.m.state.G;
    expect(G.seats['1'].capital).toBe(r.before.seats['1'].capital + triggerEffects('relief-tranche').capital!['1']);
    expect(G.nuclear.centrifuges).toBe(r.before.nuclear.centrifuges + limit.effects.centrifuges!);
    expect(G.monitoring['1']).toBe(0);
    // Declared −2 cascades, really −1: the gap of one cascade stays secret.
    expect(G.secrets['1'].cheats).toEqual([
      { kind: 'partial', agreement: r.agreementId, step: r.step.id, round: 7, gain: Math.floor(limit.cheatGain * share), gap: { tracks: { centrifuges: limit.effects.centrifuges! - limit.partial.centrifuges! }, measures: [] } },
    ]);
  });
});

describe('the price of a commitment', () => {
  it('is paid in public on signing, the same whatever the seat then chooses', () => {
    const paid = (choice: 'comply' | 'partial' | 'cheat') => {
      const m = negotiating({ seed: 'price' });
      const before = m.state.G.seats['1'].capital;
      agree(m, shuttle(pause(1)));
      const signed = m.state.G.seats['1'].capital;
      const step = m.state.G.agreements[0].steps[0];
      ok(m, '1', 'comply', step.id, choice);
      return { signed: before - signed, after: m.state.G.seats['1'].capital };
    };
    const results = (['comply', 'partial', 'cheat'] as const).map(paid);
    for (const r of results) expect(r.signed).toBe(cdef('enrichment-pause').capital);
    // Choosing leaves capital where signing left it: nothing public betrays the choice.
    expect(new Set(results.map((r) => r.after)).size).toBe(1);
  });

  it.each([
    { flavour: 'oman', what: 'us-detainee-tranche', by: '1', seat: '0' },
    { flavour: 'oman', what: 'iran-detainee-tranche', by: '0', seat: '1' },
    { flavour: 'eu', what: 'us-detainee-tranche', by: '1', seat: '0' },
  ] as const)('$what with $flavour mediating costs its flavour’s detainee discount less', ({ flavour, what, by, seat }) => {
    // Oman's perk (rules/flavours.json) makes every detainee release cheaper, signed or acted alone.
    const m = negotiating({ flavour, seed: 'price' });
    const before = m.state.G.seats[seat].capital;
    agree(m, shuttle(line(what, 2)), by);
    const discount = flavoursJson.find((f) => f.id === flavour)!.capitalDiscount.find((d) => d.tag === 'detainee')?.capital ?? 0;
    expect(before - m.state.G.seats[seat].capital).toBe(Math.max(0, cdef(what).capital - discount));
  });
});


// ---------------------------------------------------------------------------------------------
// Only red fires a snapback
// ---------------------------------------------------------------------------------------------

describe('snapback fires only on red', () => {
  it('no move can fire a trigger or a snapback', () => {
    const names = new Set<string>(Object.keys(Backchannel.moves ?? {}));
    for (const phase of Object.values(Backchannel.phases ?? {}))
      for (const stage of Object.values(phase.turn?.stages ?? {})) for (const name of Object.keys(stage.moves ?? {})) names.add(name);
    expect([...names].sort()).toEqual(['accept', 'act', 'comply', 'counter', 'done', 'playCard', 'propose', 'reject', 'respond', 'withdraw']);
    for (const name of names) expect(name).not.toMatch(/snap|trigger|fire|penal|sanction/i);
  });

  it('over many seeds, green and amber never raise sanctions; only red does, by the snapback', () => {
    const seen = { green: 0, amber: 0, red: 0 };
    const snap = triggerEffects('snapback').sanctions!;
    const relief = triggerEffects('relief-tranche').sanctions!;
    for (let i = 0; i < 60; i++) {
      const choice = (['comply', 'partial', 'cheat'] as const)[i % 3];
      const r = resolveOnce(`snap-${i}`, { choice });
      const delta = r.m.state.G.sanctions.level - r.before.sanctions.level;
      const light = r.step.status as 'green' | 'amber' | 'red';
      seen[light] += 1;
      expect(delta, `${choice} → ${light}`).toBe(light === 'red' ? snap : light === 'green' ? relief : 0);
      if (choice === 'comply') expect(light).not.toBe('red');
    }
    expect(seen.green).toBeGreaterThan(0);
    expect(seen.amber).toBeGreaterThan(0);
    expect(seen.red).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Ambiguity settled
// ---------------------------------------------------------------------------------------------

describe('ambiguity', () => {
  it('full compliance reads amber at about the ambiguity chance when nothing settles it', () => {
    const runs = 200;
    let amber = 0;
    for (let i = 0; i < runs; i++) {
      const r = resolveOnce(`amb-${i}`, { choice: 'comply', flavour: 'oman' });
      expect(r.step.status).not.toBe('red');
      if (r.step.status === 'amber') {
        amber += 1;
        // An ambiguous amber still adds monitoring against the seat.
        expect(r.m.state.G.monitoring['1']).toBeCloseTo(N.amberMonitoring, 10);
      }
    }
    expect(Math.abs(amber / runs - verifier('iaea').ambiguity.base)).toBeLessThan(0.12);
  });

  it('an EU mediator settles every ambiguous finding green', () => {
    let settled = 0;
    for (let i = 0; i < 100; i++) {
      const r = resolveOnce(`eu-${i}`, { choice: 'comply', flavour: 'eu' });
      expect(r.step.status).toBe('green');
      if (/ambiguous/i.test(r.step.report!)) settled += 1;
    }
    // Ambiguity did arise and was settled (about 20 in 100).
    expect(settled).toBeGreaterThan(0);
  });

  it('a multilateral oversight forum settles ambiguity too', () => {
    for (let i = 0; i < 100; i++) {
      const r = resolveOnce(`forum-${i}`, { choice: 'comply', flavour: 'oman', edit: (G) => addMeasure(G, 'oversight-forum') });
      expect(r.step.status).toBe('green');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

describe('statistical sanity', () => {
  // Worked out by hand from rules/verifiers.json (IAEA): 30 % + 12 % a tier, +20 % joint monitoring.
  // Access stays below the look-back tier, so only the verifier's own roll decides.
  const points: { label: string; access: number; measures: string[]; p: number }[] = [
    { label: 'access 0', access: 0, measures: [], p: 0.3 },
    { label: 'access 2', access: 2, measures: [], p: 0.3 + 2 * 0.12 },
    { label: 'access 2 and joint monitoring', access: 2, measures: ['joint-monitoring'], p: 0.3 + 2 * 0.12 + 0.2 },
  ];
  const runs = 150;

  it.each(points)('a cheat is caught (red) at about the detection chance: $label → $p', ({ label, access, measures, p }) => {
    let red = 0;
    for (let i = 0; i < runs; i++) {
      const r = resolveOnce(`stat-${label}-${i}`, {
        choice: 'cheat',
        edit: (G) => {
          G.nuclear.access = access;
          for (const id of measures) addMeasure(G, id);
        },
      });
      expect(['red', 'green']).toContain(r.step.status);
      if (r.step.status === 'red') red += 1;
    }
    expect(Math.abs(red / runs - p)).toBeLessThan(0.12);
  });

  it.each(points)('partial compliance reads amber at about the detection chance: $label → $p', ({ label, access, measures, p }) => {
    let amber = 0;
    for (let i = 0; i < runs; i++) {
      const r = resolveOnce(`pstat-${label}-${i}`, {
        choice: 'partial',
        edit: (G) => {
          G.nuclear.access = access;
          for (const id of measures) addMeasure(G, id);
        },
      });
      expect(['amber', 'green']).toContain(r.step.status);
      if (r.step.status === 'amber') amber += 1;
    }
    expect(Math.abs(amber / runs - p)).toBeLessThan(0.12);
  });
});

// ---------------------------------------------------------------------------------------------
// The comply move
// ---------------------------------------------------------------------------------------------

describe('the comply move', () => {
  function withSteps() {
    const m = negotiating({ seed: SEED });
    const a = agree(m, shuttle(pause(1), pause(2), line('strike-moratorium', 1)));
    const [now, later, us] = [a.steps.find((s) => s.what === 'enrichment-pause' && s.due === 1)!, a.steps.find((s) => s.due === 2)!, a.steps.find((s) => s.seat === '0')!];
    return { m, now, later, us };
  }

  it('is refused for a step not yours, not due this round, unknown, a bad choice, extra arguments, or after Done', () => {
    const { m, now, later, us } = withSteps();
    refused(m, '0', 'comply', [now.id, 'comply']);
    refused(m, '2', 'comply', [now.id, 'cheat']);
    refused(m, '1', 'comply', [us.id, 'cheat']);
    refused(m, '1', 'comply', [later.id, 'cheat']);
    refused(m, '1', 'comply', [9999, 'cheat']);
    refused(m, '1', 'comply', [Number(now.id), 'cheat']);
    refused(m, '1', 'comply', [now.id, 'maybe']);
    refused(m, '1', 'comply', [now.id]);
    refused(m, '1', 'comply', [now.id, 'cheat', 'quietly']);
    ok(m, '0', 'comply', us.id, 'partial');
    ok(m, '1', 'done');
    refused(m, '1', 'comply', [now.id, 'cheat'], [INVALID, UNAVAILABLE]);
  });

  it('stores the choice only in the seat’s secrets, with a log line only it can read', () => {
    const { m, now } = withSteps();
    const before = structuredClone(m.state.G);
    ok(m, '1', 'comply', now.id, 'cheat');
    const G = m.state.G;
    expect(G.secrets['1'].choices).toEqual({ [now.id]: 'cheat' });
    expect(logLines(G, '1')).toHaveLength(logLines(before, '1').length + 1);
    const entry = logLines(G, '1').at(-1)!;
    expect(entry.to).toEqual(['1']);
    // Nothing else in G changed: no other reader got a line.
    const scrub = (x: GameState) => ({ ...x, log: READERS.map((r) => logLines(x, r).slice(0, logLines(before, r).length)), secrets: { ...x.secrets, '1': { ...x.secrets['1'], choices: {} } } });
    expect(scrub(structuredClone(G))).toEqual(scrub(before));
    // A later choice replaces it.
    ok(m, '1', 'comply', now.id, 'comply');
    expect(m.state.G.secrets['1'].choices).toEqual({ [now.id]: 'comply' });
  });
});
