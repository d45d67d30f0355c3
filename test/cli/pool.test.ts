/** The game pool: games on worker threads come back the same, and in the same order, as played in turn. */
import { describe, expect, it } from 'vitest';
import { playGame, type MatchSetup } from '../../src/bots/simulator';
import { GamePool, measuredRunner } from '../../src/cli/pool';

const bot = (personality: 'hardliner' | 'pragmatist' | 'conciliator', difficulty: 'novice' | 'expert' = 'expert') => ({ personality, difficulty });
const setups: MatchSetup[] = [
  { seed: 'pool-0', bots: { '0': bot('pragmatist'), '1': bot('pragmatist'), '2': bot('pragmatist') } },
  { seed: 'pool-1', bots: { '0': bot('hardliner'), '1': bot('conciliator', 'novice'), '2': bot('pragmatist') } },
  { seed: 'pool-2', bots: { '0': bot('pragmatist'), '1': bot('pragmatist'), '2': bot('pragmatist') }, bent: { seat: '1', strategy: 'reject-all' } },
  { seed: 'pool-3', bots: { '0': bot('hardliner'), '1': bot('hardliner'), '2': bot('hardliner') } },
  { seed: 'pool-4', bots: { '0': bot('pragmatist'), '1': bot('pragmatist'), '2': bot('conciliator') }, bent: { seat: '0', strategy: 'repeat-hostile' } },
];

describe('the game pool', () => {
  it('plays on two worker threads exactly what one thread plays, in the order of the setups', async () => {
    const inTurn = [];
    for (const s of setups) inTurn.push(await playGame(s));
    const pool = new GamePool(2);
    try {
      const done: number[] = [];
      expect(await pool.run(setups, (n) => done.push(n))).toEqual(inTurn);
      expect(done).toEqual([1, 2, 3, 4, 5]);
      expect(await pool.run(setups.slice(1, 3), undefined, 1)).toEqual(inTurn.slice(1, 3));
    } finally {
      await pool.close();
    }
  });

  it('a measured runner returns the same results and finds them the same on one worker as on all', async () => {
    const measured = measuredRunner(2);
    try {
      const results = await measured.runner(() => {})(setups);
      expect(results).toEqual(await Promise.all(setups.map((s) => playGame(s))));
      expect(measured.speed()).toMatchObject({ workers: 2, sample: 5, identical: true });
      expect(measured.speed().speedup).toBeGreaterThan(0);
    } finally {
      await measured.close();
    }
  });

  it('refuses a custom rule set, which a worker cannot be sent', async () => {
    const pool = new GamePool(1);
    try {
      await expect(pool.run([{ ...setups[0], rules: {} as never }])).rejects.toThrow(/shipped rules only/);
    } finally {
      await pool.close();
    }
  });
});
