/** The debrief's "why not": each better path and what the final board lacked for it. */
import { describe, expect, it } from 'vitest';
import { pathsMissed } from '../../src/game/endings';
import { newMatch } from '../harness';
import { DEFAULT_RULES as rules } from '../../src/game';

describe('pathsMissed', () => {
  const G = structuredClone(newMatch().state.G);
  G.trust = 2;
  G.tension = 4;

  it('lists every path better than a stalemate, with each unmet condition and its figure', () => {
    const missed = pathsMissed(rules, G, 'stalemate');
    expect(missed.map((p) => p.path)).toEqual(['comprehensive', 'incremental']);
    const trustNeeded = rules.endings.paths.find((p) => p.path === 'comprehensive')!.when.find((c) => 'metric' in c && c.metric === 'trust')!;
    expect(missed[0].unmet).toContain(`needs Trust ≥ ${(trustNeeded as { value: number }).value} (now 2)`);
    // Tension 4 meets every path's ceiling, so it is never named.
    expect(missed.flatMap((p) => p.unmet).some((u) => u.startsWith('needs Tension'))).toBe(false);
    // A choice of conditions is named as one, with each figure.
    expect(missed[1].unmet).toContain(`needs Sanctions eased since the start ≥ 2 (now 0) or Assets in escrow ($bn) ≥ 2 (now ${G.sanctions.escrow})`);
  });

  it('names nothing better than comprehensive revival, and never escalation', () => {
    expect(pathsMissed(rules, G, 'comprehensive')).toEqual([]);
    expect(pathsMissed(rules, G, 'incremental').map((p) => p.path)).toEqual(['comprehensive']);
  });
});
