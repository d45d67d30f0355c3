/**
 * `npm run simulate -- --games N [--seed S] [--us P] [--iran P] [--mediator P] [--level L]
 *  [--flavour F] [--scenario S] [--workers W] [--json]`: plays N headless games between scripted
 * bots, on W worker threads (every core by default), and prints what they add up to and the
 * speed-up over one worker.
 */
import { parseArgs } from 'node:util';
import { DIFFICULTIES, PERSONALITIES, type BotConfig, type Difficulty, type Personality } from '../bots/config';
import type { MatchSetup } from '../bots/simulator';
import { SEAT_KEYS, summarize, type Summary } from '../bots/summary';
import { DEFAULT_RULES as rules } from '../game';
import { SEAT_NAMES } from '../game/seats';
import { SEATS, type SeatId } from '../game/types';
import { CORES, describeSpeed, measuredRunner, type Speed } from './pool';
import { progress } from './progress';

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

function choose<T extends string>(flag: string, value: string | undefined, options: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!options.includes(value as T)) fail(`--${flag} must be one of: ${options.join(', ')} (got "${value}").`);
  return value as T;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        games: { type: 'string', default: '100' },
        seed: { type: 'string', default: 'sim' },
        us: { type: 'string' },
        iran: { type: 'string' },
        mediator: { type: 'string' },
        level: { type: 'string' },
        flavour: { type: 'string' },
        scenario: { type: 'string' },
        workers: { type: 'string', default: String(CORES) },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) fail(`--games must be a whole number of at least 1 (got "${values.games}").`);
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1) fail(`--workers must be a whole number of at least 1 (got "${values.workers}").`);
const level = choose<Difficulty>('level', values.level, DIFFICULTIES, 'expert');
const bot = (flag: 'us' | 'iran' | 'mediator'): BotConfig => ({
  personality: choose<Personality>(flag, values[flag], PERSONALITIES, 'pragmatist'),
  difficulty: level,
});
const bots: Record<SeatId, BotConfig> = { '0': bot('us'), '1': bot('iran'), '2': bot('mediator') };
choose('flavour', values.flavour, rules.flavours.map((f) => f.id), rules.flavours[0].id);
choose('scenario', values.scenario, rules.scenarios.map((s) => s.id), rules.scenarios[0].id);
const setupData = { ...(values.scenario && { scenario: values.scenario }), ...(values.flavour && { flavour: values.flavour }) };

const bar = progress('simulating', games);
const pool = measuredRunner(Math.min(workers, games));
const setups = Array.from({ length: games }, (_, i): MatchSetup => ({ seed: `${values.seed}-${i}`, bots, setupData }));
const start = performance.now();
const results = await pool.runner(bar.tick)(setups);
bar.end();
await pool.close();
const seconds = (performance.now() - start) / 1000;
const speed = pool.speed();
// A game depends on its seed alone: a sample that came out otherwise on one worker is a bug.
if (speed.identical === false) process.exitCode = 1;
const summary: Summary & { gamesPerSecond: number; speed: Speed; peakMemoryMB: number; bots: Record<string, BotConfig> } = {
  ...summarize(results),
  gamesPerSecond: games / seconds,
  speed,
  peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  bots: Object.fromEntries(SEATS.map((s) => [SEAT_KEYS[s], bots[s]])),
};

if (values.json) {
  console.log(JSON.stringify(summary));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `games            ${summary.games}`,
    ...Object.entries(summary.paths).map(([p, n]) => `${p.padEnd(16)} ${n} (${pct(n / games)})`),
    ...SEATS.map((s) => `${SEAT_NAMES[s].padEnd(16)} ${bots[s].personality}, wins ${pct(summary.winRate[SEAT_KEYS[s]])}, mean score ${summary.meanScore[SEAT_KEYS[s]].toFixed(2)}`),
    `mean rounds      ${summary.meanRounds.toFixed(2)}`,
    `agreements       ${summary.agreements} (${(summary.agreements / games).toFixed(2)} a game)`,
    `lights           green ${summary.lights.green}, amber ${summary.lights.amber}, red ${summary.lights.red}`,
    `games per second ${summary.gamesPerSecond.toFixed(1)}`,
    `workers          ${describeSpeed(speed)}`,
    `peak memory      ${summary.peakMemoryMB.toFixed(0)} MB`,
  ];
  console.log(lines.join('\n'));
}
