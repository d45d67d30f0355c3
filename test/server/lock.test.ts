/** The per-match lock on its own: tasks of one match run one at a time, in order; matches are independent. */
import { describe, expect, it } from 'vitest';
import { MatchLocks } from '../../src/server/lock';

/** A task that records its start and end, and finishes only when released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release: () => release(),
    task: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
      return name;
    },
  };
}

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('MatchLocks', () => {
  it('runs one match’s tasks one at a time, in the order they came', async () => {
    const locks = new MatchLocks();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = locks.run('m', a.task);
    const second = locks.run('m', b.task);
    await settle();
    expect(log).toEqual(['a start']);
    b.release();
    await settle();
    expect(log).toEqual(['a start']);
    a.release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('lets other matches run meanwhile', async () => {
    const locks = new MatchLocks();
    const log: string[] = [];
    const a = gate(log, 'a');
    const held = locks.run('m', a.task);
    expect(await locks.run('other', async () => 'free')).toBe('free');
    expect(log).toEqual(['a start']);
    a.release();
    await held;
  });

  it('runs the next task after one fails, and forgets idle matches', async () => {
    const locks = new MatchLocks();
    const failing = locks.run('m', async () => {
      throw new Error('boom');
    });
    const next = locks.run('m', async () => 'after');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('after');
    await settle();
    expect(locks.busy).toBe(0);
  });
});
