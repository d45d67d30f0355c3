/**
 * The rulebook's prose, written from its template (rules/RULEBOOK.template.md) against the rules
 * it is given, so the prose cannot state a figure the game does not use.
 *
 * A placeholder is a path into the parsed rules — `{{negotiation.limits.commitmentsPerProposal}}`,
 * `{{phases.0.name}}`, `{{scenarios.length}}` — or into a fact derived from them (prose-facts.ts),
 * then any filters: `{{negotiation.agendasPerSeat | word}}` writes "two".
 */
import type { RuleSet as Rules } from '../game/ruleset';
import { cardinal, ordinal } from './number-words';
import { FACTS } from './prose-facts';
import { bareNumbers } from './prose-literals';

const number = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error(`needs a number, not ${JSON.stringify(v)}`);
  return v;
};
const text = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error(`needs a name, not ${JSON.stringify(v)}`);
  return v;
};
const names = (v: unknown): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`needs a list of names, not ${JSON.stringify(v)}`);
  // A list the prose names must hold something, or the sentence around it says nothing true.
  if (v.length === 0) throw new Error('is an empty list');
  return v;
};
const join = (conjunction: string) => (v: unknown) => {
  const xs = names(v);
  return xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} ${conjunction} ${xs.at(-1)}`;
};
// Names in the data are capitalised as titles; inside a sentence they read in lower case.
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const FILTERS: Record<string, (v: unknown) => unknown> = {
  /** 2 → "two". */
  word: (v) => cardinal(number(v)),
  /** 9 → "ninth". */
  ordinal: (v) => ordinal(number(v)),
  /** 0.35 → "35 %". */
  percent: (v) => `${Math.round(number(v) * 100)} %`,
  /** 1 → "+1", −2 → "−2". */
  signed: (v) => (number(v) < 0 ? `−${-number(v)}` : `+${number(v)}`),
  /** "Environmental sampling" → "environmental sampling"; a list, each name. */
  lower: (v) => (Array.isArray(v) ? names(v).map(lowerFirst) : lowerFirst(text(v))),
  /** ["A", "B", "C"] → "A, B and C". */
  and: join('and'),
  /** ["A", "B", "C"] → "A, B or C". */
  or: join('or'),
  /** ["A", "B", "C"] → "A → B → C". */
  arrows: (v) => names(v).join(' → '),
};

const hasOwn = (o: unknown, key: string): o is Record<string, unknown> => typeof o === 'object' && o !== null && Object.hasOwn(o, key);

function lookup(path: string, rules: Rules): unknown {
  const [head, ...rest] = path.split('.');
  const data: Record<string, unknown> = rules;
  let value: unknown = hasOwn(FACTS, head) ? FACTS[head as keyof typeof FACTS](rules) : hasOwn(data, head) ? data[head] : undefined;
  for (const key of rest) value = hasOwn(value, key) ? value[key] : undefined;
  if (value === undefined) throw new Error('unknown placeholder: no such datum or fact');
  return value;
}

function resolve(expression: string, rules: Rules): string {
  const [path, ...filters] = expression.split('|').map((s) => s.trim());
  let value = lookup(path, rules);
  for (const name of filters) {
    const filter = FILTERS[name];
    if (!filter) throw new Error(`unknown filter "${name}" (known: ${Object.keys(FILTERS).join(', ')})`);
    value = filter(value);
  }
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  throw new Error(Array.isArray(value) ? 'is a list: join it with | and, | or or | arrows' : 'is a group of data, not a value: name one of its fields');
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The prose with every placeholder resolved; throws, listing every problem, if any cannot be. */
export function renderProse(template: string, rules: Rules): string {
  const problems = bareNumbers(template).map((n) => `${n}: a number written by hand; use a placeholder`);
  const prose = template.replace(PLACEHOLDER, (whole, expression: string, offset: number) => {
    try {
      return resolve(expression, rules);
    } catch (e) {
      problems.push(`line ${lineOf(template, offset)}: ${whole} ${(e as Error).message}`);
      return whole;
    }
  });
  // Blanked to the same length, placeholders leave only the braces that belong to none.
  const blanked = template.replace(PLACEHOLDER, (whole) => whole.replace(/[^\n]/g, ' '));
  for (const stray of blanked.matchAll(/\{\{|\}\}/g))
    problems.push(`line ${lineOf(template, stray.index)}: "${stray[0]}" opens or closes no placeholder`);
  if (problems.length) throw new Error(`The rulebook's prose template cannot be written:\n${problems.join('\n')}`);
  return prose;
}
