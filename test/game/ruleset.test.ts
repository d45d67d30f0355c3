/**
 * Rule sets are passed in, not shared: two run side by side in one process, each game and each bot
 * under its own, and a check typed on a seat's view cannot read what the seat may not see.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { valuer } from '../../src/bots/values';
import { playGame } from '../../src/bots/simulator';
import type { SeatId } from '../../src/game/types';
import { playerView, type GameView } from '../../src/game/view';
import { answerIncident, finishRound, newMatch, withRules } from '../harness';

const generous = withRules((raw) => {
  (raw['rules/board.json'] as { actionPoints: Record<SeatId, number> }).actionPoints = { '0': 6, '1': 5, '2': 4 };
});

describe('two rule sets side by side', () => {
  it('each match plays under its own, move for move, interleaved', () => {
    const shipped = newMatch({ seed: 'side' });
    const variant = newMatch({ seed: 'side', rules: generous });
    for (const m of [shipped, variant, shipped, variant]) {
      answerIncident(m);
      finishRound(m);
    }
    expect(shipped.state.G.round).toBe(variant.state.G.round);
    // Same seed, same moves: the two differ only by the rule set's action points.
    for (const seat of ['0', '1', '2'] as const)
      expect(variant.state.G.seats[seat].actionPoints - shipped.state.G.seats[seat].actionPoints).toBe(
        generous.board.actionPoints[seat] - rules.board.actionPoints[seat],
      );
  });

  it('a bot values the board by its own rule set, whichever was asked first', () => {
    const retuned = withRules((raw) => {
      const bots = raw['rules/bots.json'] as { weights: Record<SeatId, Record<string, number>> };
      bots.weights['0'].trust = 10;
    });
    const view = playerView({ G: newMatch({ seed: 'tune' }).state.G, playerID: '0' });
    const trust = { trust: 1 };
    const shipped = valuer(rules, view, '0', 'pragmatist').effects(trust);
    const tuned = valuer(retuned, view, '0', 'pragmatist').effects(trust);
    expect(tuned).toBeGreaterThan(shipped);
    expect(valuer(rules, view, '0', 'pragmatist').effects(trust)).toBe(shipped);
  });

  it('the simulator plays a whole game under the rule set it is given', async () => {
    const bots = { '0': { personality: 'pragmatist', difficulty: 'expert' }, '1': { personality: 'pragmatist', difficulty: 'expert' }, '2': { personality: 'pragmatist', difficulty: 'expert' } } as const;
    const shipped = await playGame({ seed: 'whole', bots });
    const again = await playGame({ seed: 'whole', bots, rules });
    const variant = await playGame({ seed: 'whole', bots, rules: generous });
    expect(again).toEqual(shipped);
    expect(variant.moves).not.toBe(shipped.moves);
  });
});

describe('a seat view, as the checks are typed', () => {
  it('holds its own secrets, and reading another seat’s or a draw pile does not compile', () => {
    const G = newMatch({ seed: 'types' }).state.G;
    const view: GameView = playerView({ G, playerID: '1' });
    const own = view.secrets['1'];
    expect('hidden' in own).toBe(false);
    // @ts-expect-error another seat's secrets are a count until `isHidden` says otherwise
    expect(() => view.secrets['0'].hand.includes(G.secrets['0'].hand[0])).toThrow(TypeError);
    // @ts-expect-error the incident deck is not part of a view
    expect(view.deck).toEqual([]);
  });
});
