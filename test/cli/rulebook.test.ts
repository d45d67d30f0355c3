/** The card reference in rules/RULEBOOK.md is generated from rules/*.json and must be current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, cardReference, withFreshReference } from '../../src/cli/reference';
import { RULES } from '../../src/game/rules';

const book = readFileSync(new URL('../../rules/RULEBOOK.md', import.meta.url), 'utf8');

describe('rules/RULEBOOK.md', () => {
  it('holds the card reference exactly as `npm run rules` would write it', () => {
    expect(withFreshReference(book)).toBe(book);
  });

  it('names every action, incident, measure, milestone, goal and scenario in the data', () => {
    const ref = cardReference();
    const names = [
      ...RULES.actions.map((a) => a.name),
      ...RULES.incidents.map((i) => i.name),
      ...RULES.measures.map((m) => m.name),
      ...RULES.phases.flatMap((p) => p.milestones.map((m) => m.text)),
      ...RULES.agendas.map((a) => a.name),
      ...RULES.commitments.map((c) => c.name),
      ...RULES.initiatives.map((c) => c.name),
      ...RULES.verifiers.map((v) => v.name),
      ...RULES.triggers.map((t) => t.name),
      ...RULES.scenarios.map((s) => s.name),
      ...RULES.endings.paths.map((p) => p.name),
    ];
    for (const name of names) expect(ref).toContain(name);
  });

  it('has the chapters a teacher needs before the reference', () => {
    const prose = book.slice(0, book.indexOf(BEGIN));
    for (const heading of ['## The setting', '## Setting up', '## A round, step by step', '## Negotiation', '## Verification', '## Secrets', '## How the game ends', '## Scoring'])
      expect(prose).toContain(heading);
  });

  it('refuses a book whose markers were deleted', () => {
    expect(() => withFreshReference(book.replace(END, ''))).toThrow(/markers/);
  });
});
