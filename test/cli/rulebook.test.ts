/**
 * rules/RULEBOOK.md is written from its prose template and rules/*.json and must be current; the
 * prose states only figures that come from the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardinal, ordinal } from '../../src/cli/number-words';
import { renderProse } from '../../src/cli/prose';
import { FACTS } from '../../src/cli/prose-facts';
import { BEGIN, END, cardReference, withFreshReference } from '../../src/cli/reference';
import { DEFAULT_RULES as rules } from '../../src/game';
import { RAW_RULES, loadRules, type RawRules, type RuleFile } from '../../src/game/rules';
import type { RuleSet } from '../../src/game/ruleset';

const book = readFileSync(new URL('../../rules/RULEBOOK.md', import.meta.url), 'utf8');
const template = readFileSync(new URL('../../rules/RULEBOOK.template.md', import.meta.url), 'utf8');
// Compared with line breaks as spaces: the template wraps its lines as it likes.
const flat = (text: string) => text.replace(/\s+/g, ' ');
const prose = flat(renderProse(template, rules));

describe('rules/RULEBOOK.md', () => {
  it('is exactly what `npm run rules` writes from the template and the data', () => {
    expect(withFreshReference(rules, renderProse(template, rules))).toBe(book);
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
    const chapters = book.slice(0, book.indexOf(BEGIN));
    for (const heading of ['## The setting', '## Setting up', '## A round, step by step', '## Negotiation', '## Verification', '## Secrets', '## How the game ends', '## Scoring'])
      expect(chapters).toContain(heading);
  });

  it('says capital is paid on signing, as agreements.ts charges it, not on complying', () => {
    expect(prose).toContain("paid its steps' political capital when the agreement was signed");
    expect(prose).not.toMatch(/complying (partly )?costs/i);
  });

  it('refuses a book whose markers were deleted', () => {
    expect(() => withFreshReference(rules, book.replace(END, ''))).toThrow(/markers/);
  });
});

/** The rules with `change` made to a copy of the raw files, loaded and checked as the game loads them. */
function rulesWith(change: (raw: RawRules) => void): RuleSet {
  const raw = structuredClone(RAW_RULES);
  change(raw);
  return loadRules(raw);
}

/** Sets the datum at `path` in `file`. */
function set(raw: RawRules, file: RuleFile, path: (string | number)[], value: unknown): void {
  type Node = Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, raw[file] as Node);
  parent[path.at(-1)!] = value;
}

describe('the prose template', () => {
  it.each([
    ['the commitments a proposal holds', 'rules/negotiation.json', ['limits', 'commitmentsPerProposal'], 5, 'a package of up to five commitments'],
    ['the agendas dealt', 'rules/negotiation.json', ['agendasPerSeat'], 3, 'dealt three secret agenda cards'],
    ['the look-back chance', 'rules/negotiation.json', ['lookback', 'chance'], 0.5, 'has a 50 % chance'],
    ['what a red costs Trust', 'rules/negotiation.json', ['results', 'red', 'trust'], -3, 'Trust moves −3'],
    ['the penalty for a red', 'rules/negotiation.json', ['redPenalty'], 4, 'minus 4 points'],
    ['the Tension that ends the game', 'rules/endings.json', ['tensionMax'], 9, 'At 9 the region stands at the brink'],
    ['the crisis penalty', 'rules/domestic.json', ['crisis', 'apPenalty'], 2, 'its action points drop by two'],
  ] as const)('writes %s from the data', (_what, file, path, value, expected) => {
    expect(prose).not.toContain(expected);
    expect(flat(renderProse(template, rulesWith((raw) => set(raw, file, [...path], value))))).toContain(expected);
  });

  it("writes the calendar from the scenarios' schedule", () => {
    const longer = rulesWith((raw) => rules.scenarios.forEach((_, i) => set(raw, 'rules/scenarios.json', [i, 'schedule', 2, 'monthsPerRound'], 4)));
    const text = flat(renderProse(template, longer));
    expect(text).toContain('play twenty-one months');
    expect(text).toMatch(/\| 9–21 \| 4 months \|/);
    expect(prose).toContain('play eighteen months');
  });

  it('refuses a calendar the scenarios do not share, naming the scenario', () => {
    const uneven = rulesWith((raw) => set(raw, 'rules/scenarios.json', [1, 'schedule', 0, 'rounds'], 4));
    expect(() => renderProse(template, uneven)).toThrow(new RegExp(`scenario "${rules.scenarios[1].id}" has a different schedule`));
  });

  it('refuses an unknown placeholder, naming it and its line', () => {
    expect(() => renderProse('Up to\n{{negotiation.limits.commitmentsPerProposl | word}} commitments.', rules)).toThrow(
      /line 2: \{\{negotiation\.limits\.commitmentsPerProposl \| word\}\} unknown placeholder/,
    );
    expect(() => renderProse('{{nope}}', rules)).toThrow(/\{\{nope\}\} unknown placeholder/);
  });

  it('refuses an unknown filter, a list left unjoined and a brace that closes nothing', () => {
    expect(() => renderProse('{{negotiation.redPenalty | words}}', rules)).toThrow(/unknown filter "words"/);
    expect(() => renderProse('{{accessTiers}}', rules)).toThrow(/\{\{accessTiers\}\} is a list/);
    expect(() => renderProse('{{negotiation}}', rules)).toThrow(/is a group of data/);
    expect(() => renderProse('Minus {{negotiation.redPenalty} points.', rules)).toThrow(/"\{\{" opens or closes no placeholder/);
  });

  it('catches a number written by hand, in digits or in words', () => {
    expect(() => renderProse('A proposal holds up to 4 commitments.', rules)).toThrow(/line 1: "4" in "A proposal holds up to 4 commitments\."/);
    expect(() => renderProse('Detection never passes 95 %.', rules)).toThrow(/"95"/);
    expect(() => renderProse('Ok.\nEach seat is dealt two agendas.', rules)).toThrow(/line 2: "two"/);
    expect(() => renderProse('After the ninth round.', rules)).toThrow(/"ninth"/);
  });

  it('lets through numbers from placeholders, list numbering and the allowed phrases', () => {
    const text = '1. **Incident.** {{phases.0.name}} holds {{calendar.phases.0.to}} months.\n- Three seats; about ten minutes a round; third-party observers.';
    expect(renderProse(text, rules)).toBe(`1. **Incident.** ${rules.phases[0].name} holds 3 months.\n- Three seats; about ten minutes a round; third-party observers.`);
  });

  it('has no fact named like a rule file, which would hide it', () => {
    expect(Object.keys(FACTS).filter((name) => name in rules)).toEqual([]);
  });
});

describe('numbers in words', () => {
  it('writes cardinals and ordinals', () => {
    expect([0, 2, 13, 20, 21, 99].map(cardinal)).toEqual(['zero', 'two', 'thirteen', 'twenty', 'twenty-one', 'ninety-nine']);
    expect([1, 2, 3, 5, 9, 12, 20, 23].map(ordinal)).toEqual(['first', 'second', 'third', 'fifth', 'ninth', 'twelfth', 'twentieth', 'twenty-third']);
    expect(() => cardinal(2.5)).toThrow(/whole numbers/);
    expect(() => cardinal(100)).toThrow(/whole numbers/);
  });
});
