/**
 * boardgame.io's own bots must be able to play Backchannel to an ending through `ai.enumerate`:
 * no stall, no illegal move, tracks in range.
 */
import { MCTSBot, RandomBot } from 'boardgame.io/ai';
import { describe, expect, it } from 'vitest';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import { enumerate } from '../../src/game/enumerate';
import type { GameState } from '../../src/game/state';
import { PATHS, SEATS } from '../../src/game/types';
import { newMatch, playOut, seeded, type GameStateFull, type SeatBot } from '../harness';

/** Every number anywhere in G, with its path, to catch NaN and non-integers. */
function numbers(value: unknown, path = 'G'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

function checkInvariants(state: GameStateFull): void {
  const G: GameState = state.G;
  for (const [path, n] of numbers(G)) if (!Number.isFinite(n)) throw new Error(`${path} is ${n}`);
  for (const track of ['trust', 'tension'] as const)
    if (!Number.isInteger(G[track]) || G[track] < 0 || G[track] > 10) throw new Error(`${track} = ${G[track]}`);
  const cap = rules.board.bounds.capital;
  for (const s of SEATS)
    if (G.seats[s].capital < cap.min || G.seats[s].capital > cap.max) throw new Error(`capital ${s} out of range`);
  if (!state.ctx.gameover)
    for (const seat of Object.keys(state.ctx.activePlayers ?? {}))
      if (enumerate(rules, G, state.ctx, seat).length === 0) throw new Error(`seat ${seat} is active with no legal move`);
}

describe('boardgame.io RandomBot', () => {
  // Games run the whole calendar more often now that Phase I has no sudden death: 120 games cover
  // as many states as 200 did before.
  it('plays 120 seeded games to an ending with only legal moves and tracks in range', { timeout: 300_000 }, async () => {
    const paths = Object.fromEntries(PATHS.map((p) => [p, 0])) as Record<string, number>;
    const flavours = rules.flavours.map((f) => f.id);
    for (let game = 0; game < 120; game++) {
      const m = newMatch({
        seed: `random-${game}`,
        setupData: { scenario: rules.scenarios[game % rules.scenarios.length].id, flavour: flavours[game % flavours.length] },
      });
      const bot = new RandomBot({ enumerate: Backchannel.ai!.enumerate, seed: `bot-${game}` }) as unknown as SeatBot;
      await playOut(m, bot, seeded(game), checkInvariants);
      const over = m.state.ctx.gameover;
      expect(PATHS).toContain(over.path);
      expect(Object.keys(over.scores).sort()).toEqual([...SEATS]);
      paths[over.path] += 1;
    }
    expect(Object.values(paths).reduce((a, b) => a + b, 0)).toBe(120);
  });
});

describe('boardgame.io MCTSBot', () => {
  it('plays a game to an ending through ai.enumerate', async () => {
    const m = newMatch({ seed: 'mcts' });
    const bot = new MCTSBot({
      game: Backchannel,
      enumerate: Backchannel.ai!.enumerate,
      seed: 'mcts-bot',
      iterations: 8,
      playoutDepth: 6,
    }) as unknown as SeatBot;
    await playOut(m, bot, seeded(7), checkInvariants);
    expect(PATHS).toContain(m.state.ctx.gameover.path);
  });
});
