/**
 * `npm run bench [-- --games N --runs R --memory-games M]`: how fast bot-vs-bot games run, through
 * boardgame.io's reducer (as the server runs them) and through its full client, with the median
 * and spread over repeated runs; our cost per move as a multiple of boardgame.io's own cost per move,
 * measured in the same runs; how long a bot takes to decide; and whether memory stays flat over
 * many games. Figures only: nothing here passes or fails.
 */
import type { Game } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { parseArgs } from 'node:util';
import { scriptedBot } from '../bots/bot';
import type { BotConfig } from '../bots/config';
import { playGame } from '../bots/simulator';
import { Backchannel } from '../game';
import { SEATS, type SeatId } from '../game/types';
import { progress } from './progress';

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '40' },
    runs: { type: 'string', default: '5' },
    'memory-games': { type: 'string', default: '10000' },
  },
});
const games = Number(values.games);
const runs = Number(values.runs);
const memoryGames = Number(values['memory-games']);
for (const [flag, n] of [['games', games], ['runs', runs], ['memory-games', memoryGames]] as const)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench: --${flag} must be a whole number.`);
    process.exit(2);
  }

const pragmatist: BotConfig = { personality: 'pragmatist', difficulty: 'expert' };
const bots: Record<SeatId, BotConfig> = { '0': pragmatist, '1': pragmatist, '2': pragmatist };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/** One game through the full client: store, middleware, subscribers, as a browser runs it. */
async function clientGame(seed: string): Promise<void> {
  const client = Client({ game: { ...Backchannel, seed }, numPlayers: 3 });
  client.start();
  const players = Object.fromEntries(
    SEATS.map((s) => [s, new (scriptedBot(bots[s]))({ enumerate: Backchannel.ai!.enumerate, seed: `${seed}/${s}` })]),
  );
  for (;;) {
    const state = client.store.getState();
    if (state.ctx.gameover) break;
    const seat = SEATS.find((s) => s in (state.ctx.activePlayers ?? {}))!;
    const { action } = await players[seat].play(state as never, seat);
    client.updatePlayerID(seat);
    const { type, args } = (action as { payload: { type: string; args: unknown[] } }).payload;
    client.moves[type](...args);
  }
  client.stop();
}

async function rate(label: string, play: (seed: string) => Promise<unknown>): Promise<number[]> {
  const rates: number[] = [];
  const bar = progress(label, runs * games);
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let g = 0; g < games; g++) {
      await play(`bench-${r}-${g}`);
      bar.tick(r * games + g + 1);
    }
    rates.push(games / ((performance.now() - start) / 1000));
  }
  bar.end();
  return rates;
}

const cpuMicroseconds = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Each run plays `games` games through the reducer, then `FRAMEWORK_MOVES` of boardgame.io's bare
 * move: both per move in CPU time (this thread's work, whatever else the machine runs), and their
 * ratio, so the multiple compares figures taken moments apart.
 */
const FRAMEWORK_MOVES = 20000;
// A few games first, so the first run does not pay for the compiler's warm-up alone.
for (let g = 0; g < 3; g++) await playGame({ seed: `warm-${g}`, bots });
const reducerRates: number[] = [];
const ourMoves: number[] = [];
const floorRuns: number[] = [];
const multiples: number[] = [];
const reducerBar = progress('reducer', runs * games);
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  const cpu = cpuMicroseconds();
  let moves = 0;
  for (let g = 0; g < games; g++) {
    moves += (await playGame({ seed: `bench-${r}-${g}`, bots })).moves;
    reducerBar.tick(r * games + g + 1);
  }
  ourMoves.push((cpuMicroseconds() - cpu) / moves);
  reducerRates.push(games / ((performance.now() - start) / 1000));
  floorRuns.push(frameworkMoveMicroseconds(FRAMEWORK_MOVES));
  multiples.push(ourMoves[r] / floorRuns[r]);
}
reducerBar.end();
const clientRates = await rate('client ', clientGame);

const decisions: number[] = [];
let sampleMs = 0;
let sampleMoves = 0;
const SAMPLE = 20;
for (let g = 0; g < SAMPLE; g++) {
  const start = performance.now();
  const r = await playGame({ seed: `decide-${g}`, bots }, true);
  sampleMs += performance.now() - start;
  sampleMoves += r.moves;
  decisions.push(...r.decisions!);
}
const botShare = decisions.reduce((n, d) => n + d, 0) / sampleMs;
decisions.sort((a, b) => a - b);

/**
 * boardgame.io's own work for one move, whatever the game: a game of Backchannel's shape (three
 * seats acting at once in one stage, no undo) whose only move changes one number. CPU time.
 */
function frameworkMoveMicroseconds(moves: number): number {
  const bare: Game<{ n: number }> = {
    name: 'bare',
    disableUndo: true,
    setup: () => ({ n: 0 }),
    turn: { activePlayers: { all: 'talk' }, stages: { talk: { moves: { tick: { move: ({ G }) => void (G.n += 1), ignoreStaleStateID: true } } } } },
  };
  const reducer = CreateGameReducer({ game: bare, isClient: false }) as unknown as (s: unknown, a: unknown) => unknown;
  let state: unknown = InitializeGame({ game: bare, numPlayers: 3 });
  const tick = (i: number) => ({ type: 'MAKE_MOVE', payload: { type: 'tick', args: [], playerID: String(i % 3) } });
  for (let i = 0; i < 1000; i++) state = reducer(state, tick(i));
  const start = cpuMicroseconds();
  for (let i = 0; i < moves; i++) state = reducer(state, tick(i));
  return (cpuMicroseconds() - start) / moves;
}
const movesPerGame = sampleMoves / SAMPLE;

const gc = (globalThis as { gc?: () => void }).gc;
const heap: { games: number; mb: number }[] = [];
const sample = (n: number) => {
  gc?.();
  heap.push({ games: n, mb: process.memoryUsage().heapUsed / 2 ** 20 });
};
const memBar = progress('memory ', memoryGames);
sample(0);
for (let g = 1; g <= memoryGames; g++) {
  await playGame({ seed: `memory-${g}`, bots });
  memBar.tick(g);
  if (g % Math.max(1, Math.floor(memoryGames / 10)) === 0) sample(g);
}
memBar.end();

console.log(`games through the reducer: median ${median(reducerRates).toFixed(1)} games/s, spread ${spread(reducerRates)} over ${runs} runs of ${games}`);
console.log(`games through the client:  median ${median(clientRates).toFixed(1)} games/s, spread ${spread(clientRates)} over ${runs} runs of ${games}`);
console.log(`of a game's time through the reducer, the bots' decisions take ${(botShare * 100).toFixed(0)} %; a game is ${movesPerGame.toFixed(0)} moves`);
console.log(
  `boardgame.io's own cost per move (a move that changes one number): median CPU ${median(floorRuns).toFixed(1)} µs, spread ${spread(floorRuns)}; ` +
    `at ${movesPerGame.toFixed(0)} moves a game that alone caps the reducer at ${(1e6 / (median(floorRuns) * movesPerGame)).toFixed(0)} games/s`,
);
console.log(
  `our cost per move (bots' decisions included): median ${median(ourMoves).toFixed(1)} µs of CPU, spread ${spread(ourMoves)}; ` +
    `${median(multiples).toFixed(1)}× boardgame.io's own (spread ${spread(multiples)}×, target at most 3×); ` +
    `the engine alone, without the bots' ${(botShare * 100).toFixed(0)} %, about ${(median(multiples) * (1 - botShare)).toFixed(1)}×`,
);
console.log(`bot decisions: median ${median(decisions).toFixed(3)} ms, 95th percentile ${decisions[Math.floor(decisions.length * 0.95)].toFixed(3)} ms, over ${decisions.length}`);
if (memoryGames > 0) {
  console.log(`heap after GC${gc ? '' : ' (run with --expose-gc for exact figures)'}: ${heap.map((h) => `${h.games}: ${h.mb.toFixed(1)} MB`).join(', ')}`);
  const settled = heap.slice(1);
  console.log(`heap growth from ${settled[0]?.games} to ${settled.at(-1)?.games} games: ${((settled.at(-1)?.mb ?? 0) - (settled[0]?.mb ?? 0)).toFixed(1)} MB`);
}
