/**
 * Games on every core: a pool of worker threads, each playing whole games (`game-worker.ts`) under
 * the shipped rules. Results come back in the order of their setups, as if played in turn: a game
 * depends on its seed alone.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inTurn, type Runner } from '../bots/balance';
import type { GameResult, MatchSetup } from '../bots/simulator';
import type { Job, Reply } from './game-worker';

export const CORES = availableParallelism();

export class GamePool {
  private readonly workers: Worker[];

  constructor(readonly size: number = CORES) {
    const entry = new URL('./game-worker.ts', import.meta.url).href;
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry } }));
  }

  /** Plays `setups` on the first `width` workers (all by default); `onGame` hears how many are done. */
  run(setups: readonly MatchSetup[], onGame: (done: number) => void = () => {}, width = this.size): Promise<GameResult[]> {
    if (setups.some((s) => s.rules)) return Promise.reject(new Error('The game pool plays under the shipped rules only.'));
    const results: GameResult[] = new Array(setups.length);
    if (setups.length === 0) return Promise.resolve(results);
    const busy = this.workers.slice(0, Math.max(1, Math.min(width, this.size)));
    return new Promise((resolve, reject) => {
      let next = 0;
      let done = 0;
      const detach: (() => void)[] = [];
      const finish = (error?: Error) => {
        for (const off of detach) off();
        if (error) reject(error);
        else resolve(results);
      };
      const feed = (worker: Worker) => {
        if (next < setups.length) worker.postMessage({ index: next, setup: setups[next++] } satisfies Job);
      };
      for (const worker of busy) {
        const onMessage = (reply: Reply) => {
          if ('error' in reply) return finish(new Error(`game ${setups[reply.index].seed} failed in a worker: ${reply.error}`));
          results[reply.index] = reply.result;
          onGame(++done);
          if (done === setups.length) finish();
          else feed(worker);
        };
        const onError = (e: Error) => finish(e);
        const onExit = (code: number) => finish(new Error(`a game worker stopped (exit code ${code})`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        feed(worker);
      }
    });
  }

  close(): Promise<void> {
    return Promise.all(this.workers.map((w) => w.terminate())).then(() => undefined);
  }
}

/** What a measured runner found about the pool's speed. */
export interface Speed {
  workers: number;
  /** Moves a second on all workers over moves a second on one, on a warm pool. */
  speedup?: number;
  /** Games in the one-worker sample, and whether each came out the same on all workers. */
  sample?: number;
  identical?: boolean;
}

const movesOf = (results: readonly GameResult[]) => results.reduce((n, r) => n + r.moves, 0);

/**
 * A runner on `workers` threads (in turn on this one if 1) that measures its own speed-up: after its
 * first batch, on workers warmed by it, it plays again a sample spread evenly over the batch on one
 * worker alone; the speed-up compares moves a second over every batch (their warm-up included, so
 * the figure errs low) with the sample's, and the sample must come out as it did on all workers.
 */
export function measuredRunner(workers: number): { runner: (onGame: (done: number) => void) => Runner; speed(): Speed; close(): Promise<void> } {
  const pool = workers > 1 ? new GamePool(workers) : undefined;
  let one: { movesPerSecond: number; games: number } | undefined;
  let identical = true;
  let moves = 0;
  let seconds = 0;
  const timed = async (setups: readonly MatchSetup[], onGame?: (done: number) => void, width?: number) => {
    const start = performance.now();
    const results = await pool!.run(setups, onGame, width);
    return { results, moves: movesOf(results), seconds: (performance.now() - start) / 1000 };
  };
  const runner = (onGame: (done: number) => void): Runner => async (setups) => {
    if (!pool) return inTurn(onGame)(setups);
    const all = await timed(setups, onGame);
    moves += all.moves;
    seconds += all.seconds;
    if (!one) {
      const size = Math.min(setups.length, 40, Math.max(4 * pool.size, Math.ceil(setups.length / 20)));
      const at = Array.from({ length: size }, (_, i) => Math.floor((i * setups.length) / size));
      const alone = await timed(at.map((i) => setups[i]), undefined, 1);
      one = { movesPerSecond: alone.moves / alone.seconds, games: size };
      identical = at.every((i, k) => JSON.stringify(all.results[i]) === JSON.stringify(alone.results[k]));
    }
    return all.results;
  };
  return {
    runner,
    speed: () => (pool && one ? { workers, speedup: moves / seconds / one.movesPerSecond, sample: one.games, identical } : { workers }),
    close: () => pool?.close() ?? Promise.resolve(),
  };
}

/** The speed line a command prints. */
export function describeSpeed(s: Speed): string {
  if (s.speedup === undefined) return `${s.workers} worker${s.workers === 1 ? '' : 's'}`;
  const same = s.identical ? 'the same on one worker as on all' : 'NOT the same on one worker as on all';
  return `${s.workers} workers: ${s.speedup.toFixed(2)}× the speed of one worker (moves a second; a sample of ${s.sample} games, ${same})`;
}
