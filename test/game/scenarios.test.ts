/** A scenario must give the table at least one round to talk: no opening draw can end the game. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';

describe('scenarios', () => {
  it.each(rules.scenarios.map((s) => [s.id, s] as const))('%s: no first incident and response reaches the escalation threshold', (_id, s) => {
    for (const inc of rules.incidents) {
      const worst = Math.max(0, inc.response?.retaliation.effects.tension ?? 0, inc.response?.restraint.effects.tension ?? 0);
      expect(s.start.tension + (inc.effects.tension ?? 0) + worst, inc.id).toBeLessThan(rules.endings.tensionMax);
      expect(s.start.trust + (inc.effects.trust ?? 0) + Math.min(0, inc.response?.retaliation.effects.trust ?? 0), inc.id).toBeGreaterThan(rules.endings.trustCollapse);
    }
  });
});
