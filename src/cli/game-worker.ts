/** A worker thread of the game pool (`pool.ts`): plays each game it is sent and sends back the result. */
import { parentPort } from 'node:worker_threads';
import { playGame, type MatchSetup } from '../bots/simulator';

export interface Job {
  index: number;
  setup: MatchSetup;
}

export type Reply = { index: number; result: Awaited<ReturnType<typeof playGame>> } | { index: number; error: string };

parentPort!.on('message', async ({ index, setup }: Job) => {
  try {
    parentPort!.postMessage({ index, result: await playGame(setup) } satisfies Reply);
  } catch (e) {
    parentPort!.postMessage({ index, error: (e as Error).stack ?? String(e) } satisfies Reply);
  }
});
