/**
 * How moves and hooks change the state (`src/game/drafts.ts`): the engine's own immer works on the
 * plain state boardgame.io hands the plugin, and boardgame.io keeps what it returns. A refused move
 * changes nothing; a kept state is frozen, so nothing outside a move can change it; and the log,
 * which every move writes, keeps its newest lines within the board's limit, page by page.
 */
import { describe, expect, it } from 'vitest';
import { INVALID_MOVE, GameMethod } from 'boardgame.io/core';
import { produce } from 'immer';
import { asHook, asMove, enginePlugin } from '../../src/game/drafts';
import { PAGE, log, logLines } from '../../src/game/log';
import type { GameState, Reader } from '../../src/game/state';
import type { SeatId } from '../../src/game/types';
import { INVALID, answerIncident, newMatch, ok, play, withRules } from '../harness';
import { DEFAULT_RULES as rules } from '../../src/game';

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
      m.state.G.log['0'].at(-1)!.push({ round: 2, step: 'end', text: 'forged' });
    }).toThrow(TypeError);
  });

  it('asMove returns the changed state, or INVALID_MOVE with the base untouched', () => {
    const base = Object.freeze({ trust: 3 }) as unknown as GameState;
    const raise = asMove(({ G }: { G: GameState }, by: number) => {
      G.trust += by;
      if (G.trust > 5) return INVALID_MOVE;
    });
    expect(raise({ G: base, base, rules }, 1)).toEqual({ trust: 4 });
    expect(raise({ G: base, base, rules }, 9)).toBe(INVALID_MOVE);
    expect(base).toEqual({ trust: 3 });
    const hook = asHook(({ G }: { G: GameState }) => {
      G.trust = 0;
    });
    expect(hook({ G: base, base, rules })).toEqual({ trust: 0 });
  });

  it('the engine plugin hands moves the plain state and the rule set, and refuses a draft', () => {
    const wrap = enginePlugin(rules).fnWrap!;
    const seen = wrap(((context: { base: unknown; rules: unknown }) => [context.base, context.rules]) as never, GameMethod.MOVE);
    const G = { trust: 3 };
    expect(seen({ G } as never)).toEqual([G, rules]);
    produce(G, (draft) => {
      expect(() => seen({ G: draft } as never)).toThrow(/handed a draft/);
    });
  });
});

describe('the log', () => {
  const blank = () => ({ round: 1, log: { '0': [], '1': [], '2': [], spectator: [] } }) as unknown as GameState;
  const numbers = (G: GameState, reader: Reader = 'spectator') => logLines(G, reader).map((e) => Number(e.text.slice(5)));

  it('keeps every line, in order, until it holds the board’s maximum', () => {
    const G = blank();
    for (let i = 0; i < rules.board.maxLog; i++) log(rules, G, 'negotiation', `line ${i}`);
    expect(numbers(G)).toEqual(Array.from({ length: rules.board.maxLog }, (_, i) => i));
  });

  it.each([rules.board.maxLog, 60, 61, 74])('past a maximum of %i drops its oldest lines, never a new one, and stays within it', (max) => {
    const variant = withRules((raw) => {
      (raw['rules/board.json'] as { maxLog: number }).maxLog = max;
    });
    const G = blank();
    for (let i = 0; i < max * 3 + 7; i++) {
      log(variant, G, 'negotiation', `line ${i}`);
      const kept = numbers(G);
      expect(kept.length).toBeLessThanOrEqual(max);
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(i + 1, max - PAGE));
      expect(kept).toEqual(kept.map((_, k) => i - kept.length + 1 + k));
    }
  });

  it('writes a line into the last page only: the pages before it are the same objects', () => {
    const m = newMatch();
    answerIncident(m);
    const pages = m.state.G.log['2'];
    ok(m, '0', 'done');
    const after = m.state.G.log['2'];
    expect(logLines(m.state.G, '2').at(-1)!.text).toMatch(/is done for the round/);
    for (let i = 0; i < pages.length - 1; i++) expect(after[i]).toBe(pages[i]);
    expect(after.every((page, i) => i === after.length - 1 || page.length === PAGE)).toBe(true);
  });

  it('gives each reader the lines it may read, in order, trimmed to the maximum on its own count', () => {
    const G = blank();
    const n = rules.board.maxLog * 2;
    // Every third line is between the United States and Iran; every fifth, Iran's alone.
    const to = (i: number): SeatId[] | undefined => (i % 5 === 0 ? ['1'] : i % 3 === 0 ? ['0', '1'] : undefined);
    for (let i = 0; i < n; i++) log(rules, G, 'negotiation', `line ${i}`, undefined, to(i));
    const may = (reader: Reader, i: number) => reader === 'spectator' ? !to(i) : !to(i) || to(i)!.includes(reader);
    for (const reader of ['0', '1', '2', 'spectator'] as const) {
      const all = Array.from({ length: n }, (_, i) => i).filter((i) => may(reader, i));
      const kept = numbers(G, reader);
      expect(kept.length).toBeGreaterThan(rules.board.maxLog - PAGE);
      expect(kept).toEqual(all.slice(all.length - kept.length));
      expect(G.log[reader].slice(0, -1).every((page) => page.length === PAGE), `${reader}'s pages but the last are full`).toBe(true);
    }
  });

  it('trims the same way inside a move, through a draft', () => {
    const m = newMatch();
    answerIncident(m);
    const full = Array.from({ length: rules.board.maxLog / PAGE }, (_, p) =>
      Array.from({ length: PAGE }, (_, i) => ({ round: 1, step: 'negotiation' as const, text: `old ${p * PAGE + i}` })),
    );
    m.state = { ...m.state, G: { ...m.state.G, log: { ...m.state.G.log, '0': full } } };
    ok(m, '0', 'done');
    const lines = logLines(m.state.G, '0');
    expect(lines.length).toBeLessThanOrEqual(rules.board.maxLog);
    expect(lines.at(-1)!.text).toMatch(/is done for the round/);
    expect(lines.some((e) => e.text === 'old 0')).toBe(false);
    expect(lines.some((e) => e.text === `old ${rules.board.maxLog - 1}`)).toBe(true);
  });
});
