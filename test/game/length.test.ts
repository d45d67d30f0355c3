/** The short game: six longer rounds over the same eighteen months, for one lesson. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { placeOfRound, totalRounds } from '../../src/game/calendar';
import { validateSetupData } from '../../src/game/setup';
import { finishRound, newMatch, setG } from '../harness';

describe('game length', () => {
  it('a short game plays six rounds, two a phase, over the same eighteen months', () => {
    const m = newMatch({ seed: 'short', setupData: { length: 'short' } });
    const { schedule } = m.state.G;
    expect(totalRounds(schedule)).toBe(6);
    expect(schedule.map((s) => s.rounds)).toEqual([2, 2, 2]);
    expect(placeOfRound(schedule, 6).monthEnd).toBe(placeOfRound(rules.scenarios[0].schedule, 9).monthEnd);
    expect(placeOfRound(schedule, 2)).toMatchObject({ phase: 'confidence', monthEnd: 3, isLastOfPhase: true });
  });

  it('ends after its sixth round', () => {
    const m = newMatch({ seed: 'short-end', setupData: { length: 'short' } });
    while (!m.state.ctx.gameover) {
      setG(m, (G) => {
        G.trust = 5;
        G.tension = 5;
      });
      finishRound(m);
    }
    expect(m.state.G.history).toHaveLength(6);
    expect(m.state.ctx.gameover.cause).toBe('final');
  });

  it('the standard game is the scenario calendar; an unknown length is refused in words', () => {
    expect(totalRounds(newMatch({ seed: 'std' }).state.G.schedule)).toBe(9);
    expect(validateSetupData(rules, { length: 'epic' })).toBe('Unknown game length "epic". Choose one of: standard, short.');
  });
});
