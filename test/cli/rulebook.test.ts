/** The card reference in rules/RULEBOOK.md is generated from rules/*.json and must be current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, cardReference, withFreshReference } from '../../src/cli/reference';
import { DEFAULT_RULES as rules } from '../../src/game';

const book = readFileSync(new URL('../../rules/RULEBOOK.md', import.meta.url), 'utf8');

describe('rules/RULEBOOK.md', () => {
  it('holds the card reference exactly as `npm run rules` would write it', () => {
    expect(withFreshReference(rules, book)).toBe(book);
  });

  it('names every action, incident, measure, milestone, goal and scenario in the data', () => {
    const ref = cardReference(rules);
    const names = [
      ...rules.actions.map((a) => a.name),
      ...rules.incidents.map((i) => i.name),
      ...rules.measures.map((m) => m.name),
      ...rules.phases.flatMap((p) => p.milestones.map((m) => m.text)),
      ...rules.agendas.map((a) => a.name),
      ...rules.commitments.map((c) => c.name),
      ...rules.initiatives.map((c) => c.name),
      ...rules.verifiers.map((v) => v.name),
      ...rules.triggers.map((t) => t.name),
      ...rules.scenarios.map((s) => s.name),
      ...rules.endings.paths.map((p) => p.name),
    ];
    for (const name of names) expect(ref).toContain(name);
  });

  it('has the chapters a teacher needs before the reference', () => {
    const prose = book.slice(0, book.indexOf(BEGIN));
    for (const heading of ['## The setting', '## Setting up', '## A round, step by step', '## Negotiation', '## Verification', '## Secrets', '## How the game ends', '## Scoring'])
      expect(prose).toContain(heading);
  });

  it('refuses a book whose markers were deleted', () => {
    expect(() => withFreshReference(rules, book.replace(END, ''))).toThrow(/markers/);
  });
});
