/** A bad rules file stops the game with an error naming the file, the entry and the field. */
import { describe, expect, it } from 'vitest';
import { RAW_RULES, RulesError, loadRules, type RawRules, type RuleFile } from '../../src/game/rules';
import { entry, findEntry } from '../../src/game/ruleset';
import type { IncidentId } from '../../src/game/types';

/** The shipped rules with one file edited. */
function withEdit(file: RuleFile, edit: (data: unknown) => void): RawRules {
  const raw = structuredClone(RAW_RULES) as RawRules;
  edit(raw[file]);
  return raw;
}
const list = (x: unknown) => x as Record<string, unknown>[];
const obj = (x: unknown) => x as Record<string, Record<string, unknown>>;

function errorOf(raw: RawRules): RulesError {
  try {
    loadRules(raw);
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
  throw new Error('the rules loaded');
}

describe('loading rules/', () => {
  it('accepts the shipped files', () => {
    expect(() => loadRules(RAW_RULES)).not.toThrow();
  });

  it.each([
    ['a cost that is not a number', 'rules/actions.json', (d: unknown): void => void (list(d)[2].cost = { ap: 'one', capital: 1 }), 'entry 2 (us-humanitarian-licences)', 'cost.ap'],
    ['an unknown field', 'rules/incidents.json', (d: unknown): void => void (list(d)[0].colour = 'red'), 'entry 0 (shipping-attack)', ''],
    ['an empty name', 'rules/measures.json', (d: unknown): void => void (list(d)[1].name = ''), 'entry 1 (strike-moratorium)', 'name'],
    ['a seat that does not exist', 'rules/agendas.json', (d: unknown): void => void (list(d)[0].seat = '3'), 'entry 0 (us-breakout)', 'seat'],
    ['a fractional action-point count', 'rules/board.json', (d: unknown): void => void (obj(d).actionPoints['0'] = 2.5), '', 'actionPoints.0'],
  ] as const)('names file, entry and field for %s', (_what, file, edit, entry, field) => {
    const e = errorOf(withEdit(file, edit));
    expect(e.file).toBe(file);
    expect(e.entry).toBe(entry);
    if (field) expect(e.field).toBe(field);
    expect(e.message).toContain(file);
  });

  it('catches a reference to a measure that does not exist', () => {
    const e = errorOf(withEdit('rules/actions.json', (d) => (list(d)[0].blockedBy = ['no-such-measure'])));
    expect([e.file, e.entry, e.field]).toEqual(['rules/actions.json', 'entry 0 (us-sanctions-moratorium)', 'blockedBy']);
    expect(e.message).toContain('no-such-measure');
  });

  it.each([
    ['a trigger', 'rules/triggers.json', 'entry 1 (asset-tranche)', 'requires', (d: unknown): void => void (list(d)[1].requires = [{ measure: 'no-such-measure' }])],
    ['a retaliation', 'rules/incidents.json', 'entry 0 (shipping-attack)', 'response.retaliation.blockedBy', (d: unknown): void => void (obj(list(d)[0].response).retaliation.blockedBy = ['no-such-measure'])],
  ] as const)('catches %s naming a measure that does not exist', (_what, file, entry, field, edit) => {
    const e = errorOf(withEdit(file, edit));
    expect([e.file, e.entry, e.field]).toEqual([file, entry, field]);
    expect(e.message).toContain('no-such-measure');
  });

  it('catches a duplicate id', () => {
    const e = errorOf(withEdit('rules/incidents.json', (d) => (list(d)[1].id = list(d)[0].id)));
    expect(e.file).toBe('rules/incidents.json');
    expect(e.field).toBe('id');
    expect(e.message).toContain('duplicate');
  });

  it('catches a scenario that starts a track out of bounds', () => {
    const e = errorOf(withEdit('rules/scenarios.json', (d) => ((list(d)[0].start as Record<string, unknown>).trust = 11)));
    expect([e.file, e.field]).toEqual(['rules/scenarios.json', 'start.trust']);
  });

  it('catches bot tuning that names a measure that does not exist', () => {
    const e = errorOf(withEdit('rules/bots.json', (d) => ((obj(d).measures['1'] as Record<string, number>)['no-such-measure'] = 1)));
    expect([e.file, e.field]).toEqual(['rules/bots.json', 'measures.1']);
    expect(e.message).toContain('no-such-measure');
  });

  it('catches a renamed measure that only bot tuning still names', () => {
    const e = errorOf(
      withEdit('rules/measures.json', (d) => {
        const m = list(d).find((x) => x.id === 'standing-secretariat')!;
        m.id = 'permanent-secretariat';
      }),
    );
    expect(e.message).toContain('standing-secretariat');
  });

  it('catches bot tuning without a temperament', () => {
    const e = errorOf(withEdit('rules/bots.json', (d) => delete (obj(d).temperaments as Record<string, unknown>).pragmatist));
    expect([e.file, e.field]).toEqual(['rules/bots.json', 'temperaments.pragmatist']);
  });

  it('requires a fallback path with no conditions', () => {
    const e = errorOf(withEdit('rules/endings.json', (d) => (obj(d).paths as unknown as Record<string, unknown>[]).pop()));
    expect(e.file).toBe('rules/endings.json');
  });
});

describe('a loaded rule set', () => {
  const rules = loadRules(RAW_RULES);

  it('is frozen through and through: a write anywhere throws', () => {
    expect(() => {
      (rules.board as { maxLog: number }).maxLog = 1;
    }).toThrow(TypeError);
    expect(() => {
      (rules.actions[0].cost as { ap: number }).ap = 0;
    }).toThrow(TypeError);
    expect(() => (rules.actions as unknown[]).push({})).toThrow(TypeError);
  });

  it('finds every card by id, and says which kind an id from the state is missing from', () => {
    for (const a of rules.actions) expect(entry(rules, 'actions', a.id)).toBe(a);
    for (const m of rules.measures) expect(entry(rules, 'measures', m.id)).toBe(m);
    expect(() => entry(rules, 'incidents', 'no-such-incident' as IncidentId)).toThrow(/incidents entry "no-such-incident"/);
  });

  it('answers an id from outside with the card or nothing', () => {
    expect(findEntry(rules, 'initiatives', rules.initiatives[0].id)).toBe(rules.initiatives[0]);
    for (const bad of ['no-such-card', 42, null, undefined, {}]) expect(findEntry(rules, 'initiatives', bad)).toBeUndefined();
  });
});
