/**
 * How moves and hooks change the state (`src/game/drafts.ts`): the engine's own immer works on the
 * plain state boardgame.io hands the plugin, and boardgame.io keeps what it returns. A refused move
 * changes nothing; a kept state is frozen, so nothing outside a move can change it; and the log,
 * which every move writes, keeps its newest lines within the board's limit.
 */
import { describe, expect, it } from 'vitest';
import { INVALID_MOVE } from 'boardgame.io/core';
import { asHook, asMove } from '../../src/game/drafts';
import { log } from '../../src/game/log';
import { RULES } from '../../src/game/rules';
import type { GameState } from '../../src/game/state';
import { INVALID, answerIncident, newMatch, ok, play } from '../harness';

describe('moves through the engine’s drafts', () => {
  it('a move changes a copy: the state it began from is untouched and shares what did not change', () => {
    const m = newMatch();
    answerIncident(m);
    const before = m.state.G;
    const snapshot = structuredClone(before);
    ok(m, '0', 'done');
    expect(before).toEqual(snapshot);
    expect(m.state.G.seats['0'].done).toBe(true);
    expect(m.state.G.seats['1']).toBe(before.seats['1']);
    expect(m.state.G.agreements).toBe(before.agreements);
  });

  it('a refused move leaves boardgame.io holding the very same state', () => {
    const m = newMatch();
    answerIncident(m);
    const before = m.state.G;
    const r = play(m, '0', 'act', 'no-such-action');
    expect(r).toMatchObject({ invalid: true, errorType: INVALID });
    expect(m.state.G).toBe(before);
  });

  it('the state kept after a move and after a round is frozen', () => {
    const m = newMatch();
    answerIncident(m);
    ok(m, '0', 'done');
    expect(() => {
      m.state.G.seats['0'].capital = 99;
    }).toThrow(TypeError);
    for (const seat of ['1', '2'] as const) ok(m, seat, 'done');
    expect(m.state.G.round).toBe(2);
    expect(() => {
      m.state.G.log.push({ round: 2, step: 'end', text: 'forged' });
    }).toThrow(TypeError);
  });

  it('asMove returns the changed state, or INVALID_MOVE with the base untouched', () => {
    const base = Object.freeze({ trust: 3 }) as unknown as GameState;
    const raise = asMove(({ G }: { G: GameState }, by: number) => {
      G.trust += by;
      if (G.trust > 5) return INVALID_MOVE;
    });
    expect(raise({ G: base, base }, 1)).toEqual({ trust: 4 });
    expect(raise({ G: base, base }, 9)).toBe(INVALID_MOVE);
    expect(base).toEqual({ trust: 3 });
    const hook = asHook(({ G }: { G: GameState }) => {
      G.trust = 0;
    });
    expect(hook({ G: base, base })).toEqual({ trust: 0 });
  });
});

describe('the log', () => {
  const blank = () => ({ round: 1, log: [] }) as unknown as GameState;

  it('keeps every line until it holds the board’s maximum', () => {
    const G = blank();
    for (let i = 0; i < RULES.board.maxLog; i++) log(G, 'negotiation', `line ${i}`);
    expect(G.log).toHaveLength(RULES.board.maxLog);
    expect(G.log[0].text).toBe('line 0');
  });

  it('past the maximum drops its oldest lines, never a new one, and stays within the maximum', () => {
    const G = blank();
    const n = RULES.board.maxLog * 3 + 7;
    for (let i = 0; i < n; i++) {
      log(G, 'negotiation', `line ${i}`);
      expect(G.log.length).toBeLessThanOrEqual(RULES.board.maxLog);
      expect(G.log.at(-1)!.text).toBe(`line ${i}`);
    }
    const numbers = G.log.map((e) => Number(e.text.slice(5)));
    expect(numbers).toEqual(numbers.map((_, k) => numbers[0] + k));
    expect(G.log.length).toBeGreaterThan(RULES.board.maxLog / 2);
  });

  it('trims the same way inside a move, through a draft', () => {
    const m = newMatch();
    answerIncident(m);
    const filled = { ...m.state.G, log: Array.from({ length: RULES.board.maxLog }, (_, i) => ({ round: 1, step: 'negotiation' as const, text: `old ${i}` })) };
    m.state = { ...m.state, G: filled };
    ok(m, '0', 'done');
    const { log: lines } = m.state.G;
    expect(lines.length).toBeLessThanOrEqual(RULES.board.maxLog);
    expect(lines.at(-1)!.text).toMatch(/is done for the round/);
    expect(lines.some((e) => e.text === 'old 0')).toBe(false);
    expect(lines.some((e) => e.text === `old ${RULES.board.maxLog - 1}`)).toBe(true);
  });
});
