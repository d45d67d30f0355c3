/** `ai.enumerate`: every legal move for an active seat, so boardgame.io's own bots can play. */
import type { Ctx } from 'boardgame.io';
import { legalActions } from './actions';
import { stageOf } from './moves';
import { isSeat } from './seats';
import type { GameState } from './state';
import { RESPONSES, STAGES } from './types';

export type EnumeratedMove = { move: 'act' | 'respond' | 'done'; args: unknown[] };

export function enumerate(G: GameState, ctx: Ctx, playerID: string): EnumeratedMove[] {
  if (!isSeat(playerID) || ctx.gameover) return [];
  const stage = stageOf(ctx, playerID);
  if (stage === STAGES.respond) return RESPONSES.map((choice) => ({ move: 'respond', args: [choice] }));
  if (stage !== STAGES.negotiate || G.seats[playerID].done) return [];
  const actions: EnumeratedMove[] = legalActions(G, playerID, stage).map(({ id, amount }) => ({
    move: 'act',
    args: amount === undefined ? [id] : [id, amount],
  }));
  return [...actions, { move: 'done', args: [] }];
}
