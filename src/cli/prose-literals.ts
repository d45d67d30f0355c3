/**
 * The check that keeps hand-written numbers out of the rulebook's prose template. A figure typed
 * into the prose goes stale the day the data changes (the prose once said complying costs capital
 * long after the engine charged it on signing), so every digit and number word in the template must
 * come from a placeholder, except the phrases below.
 */
import { NUMBER_WORD } from './number-words';

/** Phrases whose number is no rule datum, each with the reason it may be written by hand. */
export const ALLOWED_LITERALS: Record<string, string> = {
  'three seats': 'the engine seats exactly three (SEATS in src/game/types.ts); no rule file sets it',
  'third-party': 'a kind of observer, not a count',
  'ten minutes': 'a classroom timing suggestion for teachers, not a rule of the game',
};

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
// "1. Incident." numbers a Markdown list; it states no rule.
const LIST_MARKER = /^\s*\d+\.\s/;
const DIGITS = /\d+(?:[.,]\d+)*/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALLOWED = new RegExp(Object.keys(ALLOWED_LITERALS).map(escape).join('|'), 'gi');

/** Each number written by hand in `template`, as `line N: "10" in "…the line…"`; none when clean. */
export function bareNumbers(template: string): string[] {
  return template.split('\n').flatMap((line, i) => {
    const bare = line.replace(PLACEHOLDER, ' ').replace(LIST_MARKER, '').replace(ALLOWED, ' ');
    const found = [...bare.matchAll(DIGITS), ...bare.matchAll(NUMBER_WORD)].map((m) => m[0]);
    return found.map((n) => `line ${i + 1}: "${n}" in "${line.trim()}"`);
  });
}
