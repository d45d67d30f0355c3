/** `npm run balance -- --json`: the whole report (matchups, verdicts, exploit table) as one JSON object. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allMatchups, exploitPairs } from '../../src/bots/balance';

const root = fileURLToPath(new URL('../..', import.meta.url));
const balance = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/balance.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });

describe('npm run balance', () => {
  it('--json prints the matchups, the verdicts and the exploit table, and leaves rules/BALANCE.md alone', () => {
    const book = readFileSync(`${root}/rules/BALANCE.md`, 'utf8');
    const run = balance('--games', '1', '--exploit-games', '2', '--seed', 'json', '--json');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(readFileSync(`${root}/rules/BALANCE.md`, 'utf8')).toBe(book);
    expect(report).toMatchObject({ games: 1, exploitGames: 2, seed: 'json', level: 'expert' });
    expect(report.matchups).toHaveLength(allMatchups().length);
    expect(report.matchups[0].summary.games).toBe(1);
    const names = report.verdicts.map((v: { name: string }) => v.name);
    for (const start of ['Three pragmatists: each seat wins', 'No bent strategy raises', 'A spoiler loses', 'At most 15 %', 'A domestic crisis', 'Three hardliners last'])
      expect(names.some((n: string) => n.startsWith(start)), start).toBe(true);
    for (const v of report.verdicts) expect(typeof v.met).toBe('boolean');
    expect(report.exploits.baseline.games).toBe(2);
    expect(report.exploits.rows.map((r: { seat: string; strategy: string }) => ({ seat: r.seat, strategy: r.strategy }))).toEqual(exploitPairs());
    for (const r of report.exploits.rows) expect(r.winDeltaPoints).toBeCloseTo((r.bent.winRate - r.baseline.winRate) * 100);
  });

  it('refuses a bad games count with a message', () => {
    const run = balance('--exploit-games', 'many');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--exploit-games must be a whole number of at least 0/);
  });
});
