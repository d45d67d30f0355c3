/** The frame checks on their own: what boardgame.io's client sends passes, rebuilt; nothing else does. */
import { describe, expect, it } from 'vitest';
import { isPlainJson } from '../../src/protocol/json';
import { parseChat, parseSync, parseUpdate, splitAck } from '../../src/server/guard';

const action = (payload: Record<string, unknown>) => ({ type: 'MAKE_MOVE', payload: { type: 'act', args: ['x', 2], playerID: '1', credentials: 'c', ...payload } });

describe('frame checks', () => {
  it('accepts a client move and rebuilds it from the checked parts only', () => {
    const parsed = parseUpdate([{ ...action({ extra: 1 }), state: { G: 'evil' } }, 4, 'abc_DEF-1', '1']);
    expect(parsed).toEqual({
      ok: true,
      value: { action: { type: 'MAKE_MOVE', payload: { type: 'act', args: ['x', 2], playerID: '1', credentials: 'c' } }, stateID: 4, matchID: 'abc_DEF-1', playerID: '1' },
    });
  });

  it('refuses moves that are not plain, not this seat’s, or not moves', () => {
    const bad: unknown[][] = [
      [action({ playerID: '2' }), 4, 'm', '1'],
      [{ ...action({}), type: 'GAME_EVENT' }, 4, 'm', '1'],
      [action({ type: 'to-string' }), 4, 'm', '1'],
      [action({ args: 'x' }), 4, 'm', '1'],
      [action({ args: [Buffer.from('x')] }), 4, 'm', '1'],
      [action({ args: [JSON.parse('{"__proto__":1}')] }), 4, 'm', '1'],
      [action({ credentials: 5 }), 4, 'm', '1'],
      [action({}), -1, 'm', '1'],
      [action({}), 1.5, 'm', '1'],
      [action({}), 4, 'm/../x', '1'],
      [action({}), 4, 'm', 1],
      [action({}), 4, 'm'],
    ];
    for (const args of bad) expect(parseUpdate(args), JSON.stringify(args)).toMatchObject({ ok: false, problem: { code: 'malformed' } });
  });

  it('takes syncs from seats and spectators, and chat as short text', () => {
    expect(parseSync(['m', null, null, 3])).toEqual({ ok: true, value: { matchID: 'm', playerID: null } });
    expect(parseSync(['m', '0', 'c'])).toEqual({ ok: true, value: { matchID: 'm', playerID: '0', credentials: 'c' } });
    expect(parseSync(['m', { id: 0 }])).toMatchObject({ ok: false, problem: { code: 'malformed' } });
    expect(parseChat(['m', { id: 'i', sender: '0', payload: 'hi', html: '<b>' }, 'c'])).toEqual({
      ok: true,
      value: { matchID: 'm', message: { id: 'i', sender: '0', payload: 'hi' }, credentials: 'c' },
    });
    expect(parseChat(['m', { id: 'i', sender: '0', payload: 'x'.repeat(501) }])).toMatchObject({ ok: false, problem: { code: 'too-long' } });
  });

  it('bounds plain JSON and finds acknowledgements', () => {
    const deep = (n: number): unknown => (n ? [deep(n - 1)] : 0);
    expect(isPlainJson({ a: [1, 'b', null, true, { c: 2 }] })).toBe(true);
    expect(isPlainJson(deep(40))).toBe(false);
    expect(isPlainJson(new Array(10_000).fill(0))).toBe(false);
    expect(isPlainJson(new Date())).toBe(false);
    const ack = () => undefined;
    expect(splitAck([1, ack])).toEqual({ args: [1], ack });
    expect(splitAck([1])).toEqual({ args: [1] });
  });
});
