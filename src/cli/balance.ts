/**
 * `npm run balance [-- --games N --exploit-games E --seed S --level L --workers W --length standard|short --json]`: plays
 * the whole matrix of temperaments and the exploit table of bent strategies (E games each; 0 leaves
 * it out) on W worker threads (every core by default), and writes rules/BALANCE.md, a table per matchup and per bent strategy and a verdict against the
 * targets; with --json it prints the whole report as one JSON object instead.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { allMatchups, exploitPairs, judge, matchupName, runExploits, runMatrix, type ExploitRow, type MatchupResult, type Runner } from '../bots/balance';
import { BENT_NAMES } from '../bots/bent';
import { DIFFICULTIES, type Difficulty } from '../bots/config';
import { SEAT_KEYS } from '../bots/summary';
import { SEAT_NAMES } from '../game/seats';
import { LENGTHS, PATHS, type Length } from '../game/types';
import { CORES, describeSpeed, measuredRunner } from './pool';
import { progress } from './progress';

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '60' },
    'exploit-games': { type: 'string', default: '400' },
    seed: { type: 'string', default: 'balance' },
    level: { type: 'string', default: 'expert' },
    workers: { type: 'string', default: String(CORES) },
    json: { type: 'boolean', default: false },
    length: { type: 'string', default: 'standard' },
  },
});
const whole = (flag: string, text: string | undefined, least: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) {
    console.error(`balance: --${flag} must be a whole number of at least ${least} (got "${text}").`);
    process.exit(2);
  }
  return n;
};
const games = whole('games', values.games, 1);
const exploitGames = whole('exploit-games', values['exploit-games'], 0);
const workers = whole('workers', values.workers, 1);
if (!DIFFICULTIES.includes(values.level as Difficulty)) {
  console.error(`balance: --level must be one of: ${DIFFICULTIES.join(', ')}.`);
  process.exit(2);
}
const level = values.level as Difficulty;
if (!LENGTHS.includes(values.length as Length)) {
  console.error(`balance: --length must be one of: ${LENGTHS.join(', ')}.`);
  process.exit(2);
}
const length = values.length as Length;
const seed = values.seed!;

/** A runner that moves one progress bar along, continuing where the last batch left it. */
function counted(bar: { tick(done: number): void }): (play: (onGame: (done: number) => void) => Runner) => Runner {
  let before = 0;
  return (play) => async (setups) => {
    const out = await play((done) => bar.tick(before + done))(setups);
    before += setups.length;
    return out;
  };
}

const matchups = allMatchups();
const total = matchups.length * games + (exploitGames && (exploitPairs().length + 1) * exploitGames);
const bar = progress('balance', total);
const pool = measuredRunner(workers);
const runner = counted(bar)(pool.runner);
const start = performance.now();
const results = await runMatrix(matchups, games, seed, level, runner, length);
const exploits = exploitGames > 0 ? await runExploits(exploitGames, seed, level, runner, length) : undefined;
bar.end();
await pool.close();
const seconds = (performance.now() - start) / 1000;
const speed = pool.speed();
const targets = judge(results, exploits);
const command = `npm run balance -- --games ${games} --exploit-games ${exploitGames} --seed ${seed} --level ${level}${length === 'standard' ? '' : ` --length ${length}`}`;

if (values.json) {
  console.log(JSON.stringify({ command, games, exploitGames, seed, level, seconds, gamesPerSecond: total / seconds, speed, verdicts: targets, matchups: results, exploits }));
  process.exit(speed.identical === false ? 1 : 0);
}

const pct = (n: number, of: number, digits = 0) => `${((n / of) * 100).toFixed(digits)} %`;
const signed = (x: number, digits: number) => `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;
const row = (r: MatchupResult) => {
  const s = r.summary;
  return `| ${matchupName(r.matchup)} | ${PATHS.map((p) => pct(s.paths[p], s.games)).join(' | ')} | ${[s.winRate.us, s.winRate.iran, s.winRate.mediator].map((w) => pct(w, 1)).join(' | ')} | ${(s.agreements / s.games).toFixed(1)} | ${s.lights.green}/${s.lights.amber}/${s.lights.red} | ${s.meanRounds.toFixed(1)} |`;
};
const exploitRow = (r: ExploitRow) =>
  `| ${SEAT_NAMES[r.seat]} | ${BENT_NAMES[r.strategy]} | ${pct(r.baseline.winRate, 1, 1)} | ${pct(r.bent.winRate, 1, 1)} | ${signed(r.winDeltaPoints, 1)} | ${signed(r.scoreDelta, 2)} | ${PATHS.map((p) => pct(r.paths[p], r.games)).join(' | ')} | ${r.bentMovesPerGame.toFixed(1)} | ${r.escalations ? `${r.escalations.spoilerLost}/${r.escalations.caused}` : ''} |`;
const exploitSection = exploits
  ? [
      '## Exploit table',
      '',
      `Each row: one seat's pragmatist bent to a strategy among pragmatists, ${exploits.games} games, against the same seat unbent on the same seeds. "Points" is the seat's mean score. A spoiler's escalations: blame is pending in the engine, so every escalation in a game where it took its hostile action counts as caused, and it lost one if its score was not the top.`,
      '',
      `| Seat | Strategy | baseline wins | bent wins | Δ win (points) | Δ points | ${PATHS.join(' | ')} | moves bent a game | spoiler lost / escalations |`,
      `|---|---|---|---|---|---|${PATHS.map(() => '---').join('|')}|---|---|`,
      ...exploits.rows.map(exploitRow),
      '',
    ]
  : [];
const book = [
  '# Balance report',
  '',
  `Generated by \`${command}\`: ${games} games for each of the ${matchups.length} matchups of temperaments (U.S. / Iran / Mediator)${exploits ? ` and ${exploitGames} for the baseline and each of the ${exploits.rows.length} bent strategies` : ''}, ${(total / seconds).toFixed(1)} games per second (${describeSpeed(speed)}). Rerun it after changing \`rules/\`.`,
  '',
  '## Verdict',
  '',
  '| Target | Figure | Met |',
  '|---|---|---|',
  ...targets.map((t) => `| ${t.name} | ${t.figure} | ${t.met ? 'yes' : '**no**'} |`),
  '',
  ...exploitSection,
  '## Matchups',
  '',
  `| U.S. / Iran / Mediator | ${PATHS.join(' | ')} | U.S. wins | Iran wins | Mediator wins | agreements a game | green/amber/red | mean rounds |`,
  `|---|${PATHS.map(() => '---').join('|')}|---|---|---|---|---|---|`,
  ...results.map(row),
  '',
].join('\n');
// The short game has a report of its own beside the standard one.
const report = length === 'standard' ? 'BALANCE.md' : `BALANCE.${length}.md`;
writeFileSync(fileURLToPath(new URL(`../../rules/${report}`, import.meta.url)), book);
console.log(targets.map((t) => `${t.met ? 'met    ' : 'NOT MET'} ${t.name}: ${t.figure}`).join('\n'));
if (exploits)
  console.log(
    exploits.rows.map((r) => `${SEAT_KEYS[r.seat].padEnd(8)} ${r.strategy.padEnd(14)} ${pct(r.baseline.winRate, 1, 1)} → ${pct(r.bent.winRate, 1, 1)} (${signed(r.winDeltaPoints, 1)} points of win rate, ${signed(r.scoreDelta, 2)} points)`).join('\n'),
  );
console.log(describeSpeed(speed));
// A game depends on its seed alone: a sample that came out otherwise on one worker is a bug.
if (speed.identical === false) process.exitCode = 1;
console.log(`rules/${report} written (${seconds.toFixed(0)} s).`);
