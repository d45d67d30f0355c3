/** `npm run bench`: it prints our cost per move as a multiple of boardgame.io's own, measured in the same run. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench', () => {
  it('prints our cost per move and its multiple of boardgame.io\'s own', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bench.ts', '--games', '1', '--runs', '1', '--memory-games', '0'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(run.status, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('our cost per move'));
    const [, ours, multiple] = line?.match(/median ([\d.]+) µs of CPU.*?; ([\d.]+)× boardgame\.io's own/) ?? [];
    const [, floor] = run.stdout.match(/boardgame\.io's own cost per move .*?median CPU ([\d.]+) µs/) ?? [];
    expect(Number(ours)).toBeGreaterThan(0);
    expect(Number(floor)).toBeGreaterThan(0);
    expect(Number(multiple)).toBeCloseTo(Number(ours) / Number(floor), 0);
  });
});
