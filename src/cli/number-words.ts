/**
 * Numbers as the rulebook writes them in words ("two secret agendas", "after the ninth round"),
 * and the vocabulary the prose check looks for, so the check catches exactly what the filters write.
 */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const IRREGULAR: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** 0 → "zero", 21 → "twenty-one"; a rule figure past 99 or not whole belongs in digits. */
export function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} cannot be written in words: only whole numbers from 0 to 99`);
  if (n < ONES.length) return ONES[n];
  const tens = TENS[Math.floor(n / 10)];
  return n % 10 ? `${tens}-${ONES[n % 10]}` : tens;
}

const ordinalOf = (word: string) => IRREGULAR[word] ?? (word.endsWith('y') ? `${word.slice(0, -1)}ieth` : `${word}th`);

/** 1 → "first", 9 → "ninth", 21 → "twenty-first". */
export function ordinal(n: number): string {
  if (n < 1) throw new RangeError(`${n} has no ordinal: only whole numbers from 1 to 99`);
  const words = cardinal(n).split('-');
  return [...words.slice(0, -1), ordinalOf(words.at(-1)!)].join('-');
}

/**
 * Number words a writer might type instead of a placeholder. "one" and "first" are left out: in
 * English they are mostly not counts ("one seat", "a first exchange of detainees").
 */
const COUNTED = [...ONES.slice(2), ...TENS.slice(2)];
export const NUMBER_WORD = new RegExp(`\\b(?:${[...COUNTED, ...COUNTED.map(ordinalOf), 'zero', 'half', 'twice', 'dozen'].join('|')})\\b`, 'gi');
