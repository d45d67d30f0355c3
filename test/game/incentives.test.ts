/**
 * The incentives that make bad faith not pay: a cheat changes only the declared board, signing
 * needs capital, a repeated shortfall is a breach, and the endings read the real board.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { checkAccept, checkDraft } from '../../src/game/proposals';
import { gapOf, readTracks, realBoard } from '../../src/game/reality';
import type { GameState } from '../../src/game/state';
import type { MeasureId } from '../../src/game/types';
import { finishRound, ok, refused, setG } from '../harness';
import { addMeasure, agree, cdef, lastProposal, line, negotiating, shuttle, stepOf } from '../negotiation';

const pauseMeasure = 'enrichment-pause' as MeasureId;

describe('declared and real', () => {
  it('a missed cheat leaves the declared board moved and the real board where it was', () => {
    const m = negotiating({ seed: 'real-1' });
    setG(m, (G) => {
      G.nuclear.centrifuges = 4;
      const before = readTracks(G);
      // As if a centrifuge limit (−2) had passed the verifier while nothing was dismantled.
      G.nuclear.centrifuges = 2;
      G.secrets['1'].cheats.push({ kind: 'cheat', agreement: 'A' as never, step: 'A.1' as never, round: 1, gain: 4, gap: gapOf(G, before, cdef('centrifuge-limit').effects as never, {}) });
    });
    const G = m.state.G;
    expect(G.secrets['1'].cheats[0].gap).toEqual({ tracks: { centrifuges: -2 }, measures: [] });
    expect(G.nuclear.centrifuges).toBe(2);
    expect(realBoard(rules, G).nuclear.centrifuges).toBe(4);
    // Only Iran knows: the view another seat gets has no gap in it.
    expect(JSON.stringify(m.state.G.secrets['0'])).not.toContain('gap');
  });

  it('a partial compliance missed leaves only the undone part as the gap', () => {
    const G = negotiating({ seed: 'real-2' }).state.G;
    const def = cdef('centrifuge-limit');
    const before = readTracks(G);
    const [full, part] = [def.effects.centrifuges!, def.partial.centrifuges!];
    G.nuclear.centrifuges += full;
    expect(gapOf(G, before, def.effects as never, def.partial as never)).toEqual({ tracks: { centrifuges: full - part }, measures: [] });
  });

  it('a faked pause is not in force, and the real stockpile grows behind it', () => {
    const m = negotiating({ seed: 'real-3' });
    setG(m, (G) => {
      addMeasure(G, pauseMeasure);
      G.secrets['1'].cheats.push({ kind: 'cheat', agreement: 'A' as never, step: 'A.1' as never, round: 1, gain: 2, gap: { tracks: {}, measures: [pauseMeasure] } });
    });
    const stockpile = m.state.G.nuclear.stockpile;
    finishRound(m);
    const G = m.state.G;
    // The declared stockpile holds; the real one grew.
    expect(G.nuclear.stockpile).toBe(stockpile);
    const real = realBoard(rules, G);
    expect(real.nuclear.stockpile).toBe(stockpile + rules.nuclear.growth.stockpilePerRound);
    expect(real.measures.some((x) => x.id === pauseMeasure)).toBe(false);
  });

  it('the ending is decided on the real board, and the end shows it', () => {
    const m = negotiating({ seed: 'real-4' });
    // A U.S. step the auditors passed: the sanctions relief it declared was never given.
    const a = agree(m, shuttle(line('us-detainee-tranche', 1), line('iran-detainee-tranche', 1)), '2');
    const finalBoard = (G: GameState) => {
      G.round = 9;
      G.history = Array.from({ length: 8 }, (_, i) => ({ round: i + 1, month: i + 1, trust: 6, tension: 4 }));
      Object.assign(G.nuclear, { enrichment: 0, stockpile: 0, centrifuges: 0, access: 4 });
      G.sanctions.level = 2;
      G.trust = 7;
      G.tension = 4;
      G.agreements[0].steps.forEach((x) => (x.status = 'green'));
    };
    // The same final board twice: once honest, once with most of the relief only on paper.
    const honest = { state: m.state, reducer: m.reducer };
    setG(honest, finalBoard);
    finishRound(honest);
    expect(honest.state.ctx.gameover.path).toBe('comprehensive');
    setG(m, (G) => {
      finalBoard(G);
      G.secrets['0'].cheats.push({ kind: 'cheat', agreement: a.id, step: a.steps[0].id, round: 1, gain: 1, gap: { tracks: { sanctions: -4 }, measures: [] } });
    });
    finishRound(m);
    const over = m.state.ctx.gameover;
    expect(over.path).not.toBe('comprehensive');
    expect(over.real.sanctions.level).toBe(m.state.G.sanctions.level + 4);
  });
});

describe('signing binds capital', () => {
  const relief = line('relief-tranche', 4);
  const ceilingFor = (due: number) => line('stockpile-limit', due, { onGreen: 'public-welcome' });
  /** Round 4 (Phase II), with a stockpile to cap. */
  const inPhaseTwo = (seed: string) => {
    const m = negotiating({ seed });
    setG(m, (G) => {
      G.round = 4;
      G.nuclear.stockpile = 4;
    });
    return m;
  };

  it('a seat cannot table a package whose own steps it cannot pay for', () => {
    const m = negotiating({ seed: 'sign-1' });
    setG(m, (G) => {
      G.round = 4;
      G.seats['0'].capital = cdef('relief-tranche').capital - 1;
      G.nuclear.stockpile = 4;
    });
    const draft = shuttle(relief, ceilingFor(4));
    expect(checkDraft(rules, m.state.G, '0', draft)).toMatchObject({ ok: false, code: 'cost' });
    refused(m, '0', 'propose', [draft]);
  });

  it('nor accept one, nor sign a concession in a domestic crisis', () => {
    const m = inPhaseTwo('sign-2');
    ok(m, '0', 'propose', shuttle(relief, ceilingFor(4)));
    const p = lastProposal(m);
    setG(m, (G) => {
      G.seats['1'].crisis = true;
    });
    expect(checkAccept(rules, m.state.G, '1', p.id)).toMatchObject({ ok: false, code: 'crisis' });
    setG(m, (G) => {
      G.seats['1'].crisis = false;
      G.seats['1'].capital = 0;
    });
    expect(checkAccept(rules, m.state.G, '1', p.id)).toMatchObject({ ok: false, code: 'cost' });
    setG(m, (G) => {
      G.seats['1'].capital = 5;
    });
    expect(checkAccept(rules, m.state.G, '1', p.id).ok).toBe(true);
  });

  it('the last acceptance signs for all: a party that has spent its capital since can no longer be signed for', () => {
    const m = inPhaseTwo('sign-3');
    ok(m, '1', 'propose', shuttle(relief, ceilingFor(4)));
    const p = lastProposal(m);
    ok(m, '0', 'accept', p.id);
    setG(m, (G) => {
      G.seats['0'].capital = 0;
    });
    expect(checkAccept(rules, m.state.G, '2', p.id)).toMatchObject({ ok: false, code: 'stale' });
  });
});

describe('amber has a price', () => {
  it('a second shortfall found in one agreement reads red and suspends the rest', () => {
    const m = negotiating({ seed: 'amber-1' });
    setG(m, (G) => {
      G.round = 7;
      G.nuclear.centrifuges = 6;
      G.nuclear.stockpile = 6;
      // Every shortfall is seen.
      G.monitoring['1'] = 1;
    });
    const a = agree(m, shuttle(line('centrifuge-limit', 7), line('stockpile-limit', 8, { onGreen: 'public-welcome' }), line('enrichment-pause', 9)));
    const [first, second, third] = a.steps;
    ok(m, '1', 'comply', first.id, 'partial');
    finishRound(m);
    expect(stepOf(m, first.id)).toMatchObject({ status: 'amber', partly: true });
    ok(m, '1', 'comply', second.id, 'partial');
    finishRound(m);
    expect(stepOf(m, second.id)).toMatchObject({ status: 'red', partly: true });
    expect(stepOf(m, second.id).report).toMatch(/repeated shortfall is a breach/);
    expect(stepOf(m, third.id).status).toBe('suspended');
    expect(m.state.G.blame['1']).toBe(rules.endings.blame.partial + rules.endings.blame.red);
  });
});

describe('blame for freezing the talks', () => {
  it('a plain no is blamed; a counter is not', () => {
    const m = negotiating({ seed: 'blame-1' });
    const ask = shuttle(line('enrichment-pause', 2), line('strike-moratorium', 2));
    ok(m, '0', 'propose', ask);
    ok(m, '1', 'reject', lastProposal(m).id);
    expect(m.state.G.blame).toEqual({ '0': 0, '1': rules.endings.blame.reject, '2': 0 });
    ok(m, '0', 'propose', ask);
    ok(m, '1', 'counter', lastProposal(m).id, shuttle(line('naval-notifications', 2), line('strike-moratorium', 2)));
    expect(m.state.G.blame['1']).toBe(rules.endings.blame.reject);
  });

  // Blame weighs on every ending, a deal included: a seat must not carry off a deal the others
  // made while it said no.
  it.each([
    { path: 'stalemate', board: (G: GameState) => G },
    {
      path: 'incremental',
      board: (G: GameState) => {
        G.sanctions.level -= 2;
        G.nuclear.access = 2;
      },
    },
  ])('in $path the seat that stands out in blame loses the penalty', ({ path, board }) => {
    const m = negotiating({ seed: 'blame-2' });
    const toEnd = (G: GameState, iranBlame: number) => {
      G.round = 9;
      G.history = Array.from({ length: 8 }, (_, i) => ({ round: i + 1, month: i + 1, trust: 3, tension: 4 }));
      G.blame = { '0': 1, '1': iranBlame, '2': 0 };
      board(G);
    };
    const clean = { state: m.state, reducer: m.reducer };
    setG(clean, (G) => toEnd(G, 1));
    finishRound(clean);
    setG(m, (G) => toEnd(G, rules.endings.blame.min));
    finishRound(m);
    const [a, b] = [clean.state.ctx.gameover, m.state.ctx.gameover];
    expect([a.path, b.path]).toEqual([path, path]);
    expect(a.blamed).toBeUndefined();
    expect(b.blamed).toBe('1');
    expect(b.scores['1']).toBe(a.scores['1'] - rules.endings.blame.penalty);
    expect(b.scores['0']).toBe(a.scores['0']);
  });
});
