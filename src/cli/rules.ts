/**
 * `npm run rules`: rewrites the card reference in rules/RULEBOOK.md from rules/*.json.
 * `npm run rules -- --check`: exits 1 if the book is stale, changing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES } from '../game';
import { withFreshReference } from './reference';

const path = fileURLToPath(new URL('../../rules/RULEBOOK.md', import.meta.url));
const book = readFileSync(path, 'utf8');
const fresh = withFreshReference(DEFAULT_RULES, book);

if (process.argv.includes('--check')) {
  if (fresh !== book) {
    console.error('rules/RULEBOOK.md is stale: run `npm run rules` and commit it.');
    process.exit(1);
  }
  console.log('rules/RULEBOOK.md is current.');
} else if (fresh === book) {
  console.log('rules/RULEBOOK.md was already current.');
} else {
  writeFileSync(path, fresh);
  console.log('rules/RULEBOOK.md: card reference rewritten.');
}
