/** What the screen says signing costs is what the engine charges, the Mediator's discounts included. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { commitmentCapital } from '../../src/game/commitments';
import { entry } from '../../src/game/ruleset';
import type { CommitmentId, Flavour } from '../../src/game/types';
import { signingCosts } from '../../src/ui/talks/SigningCost';

describe('signing costs on screen', () => {
  const tranche = { seat: '1', what: 'iran-detainee-tranche' as CommitmentId } as const;
  const pause = { seat: '1', what: 'enrichment-pause' as CommitmentId } as const;

  it.each(['oman', 'switzerland', 'qatar', 'eu'] as Flavour[])('match the engine’s price with %s mediating', (flavour) => {
    const engine = [tranche, pause].reduce((n, c) => n + commitmentCapital(rules, { flavour }, entry(rules, 'commitments', c.what)), 0);
    expect(signingCosts(flavour, [tranche, pause])).toEqual({ '1': engine });
  });

  it('are lower for a detainee tranche with Oman mediating', () => {
    expect(signingCosts('oman', [tranche])['1']).toBeLessThan(signingCosts('eu', [tranche])['1']!);
  });
});
