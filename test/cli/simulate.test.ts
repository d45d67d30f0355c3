/** `npm run simulate`: its JSON report has the promised fields, and bad flags get a clear message. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const simulate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });

describe('npm run simulate', () => {
  it('prints one JSON object with games, paths, win rates, mean rounds and speed', () => {
    const run = simulate('--games', '3', '--seed', 'cli', '--us', 'hardliner', '--json');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.games).toBe(3);
    expect(Object.keys(report.paths).sort()).toEqual(['comprehensive', 'escalation', 'incremental', 'stalemate']);
    expect(Object.values(report.paths as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.keys(report.winRate).sort()).toEqual(['iran', 'mediator', 'us']);
    expect(report.meanRounds).toBeGreaterThan(0);
    expect(report.gamesPerSecond).toBeGreaterThan(0);
    expect(report.bots.us.personality).toBe('hardliner');
  });

  it('plays the same games on two worker threads as on one, and says how much faster', () => {
    const report = (workers: string) => {
      const run = simulate('--games', '4', '--seed', 'workers', '--workers', workers, '--json');
      expect(run.status, run.stderr).toBe(0);
      const { gamesPerSecond, peakMemoryMB, speed, ...rest } = JSON.parse(run.stdout);
      expect(gamesPerSecond).toBeGreaterThan(0);
      expect(peakMemoryMB).toBeGreaterThan(0);
      return { speed, rest };
    };
    const one = report('1');
    const two = report('2');
    expect(two.rest).toEqual(one.rest);
    expect(one.speed).toEqual({ workers: 1 });
    expect(two.speed).toMatchObject({ workers: 2, identical: true });
    expect(two.speed.speedup).toBeGreaterThan(0);
  });

  it('prints a readable table without --json', () => {
    const run = simulate('--games', '1');
    expect(run.status, run.stderr).toBe(0);
    for (const label of ['games', 'escalation', 'United States', 'mean rounds', 'agreements', 'lights', 'games per second', 'workers', 'peak memory'])
      expect(run.stdout).toContain(label);
  });

  it.each([
    [['--games', '0'], /--games must be a whole number/],
    [['--workers', '0'], /--workers must be a whole number of at least 1/],
    [['--us', 'dove'], /--us must be one of: hardliner, pragmatist, conciliator/],
    [['--flavour', 'norway'], /--flavour must be one of/],
    [['--bogus'], /Unknown option/],
  ])('refuses %j with a message', (args, message) => {
    const run = simulate(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
