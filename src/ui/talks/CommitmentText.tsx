/** One commitment line in words: who does what by when, checked by whom, and what fires. */
import { SEAT_NAMES } from '../../game/seats';
import type { Commitment } from '../../game/state';
import { entry, findEntry } from '../../game/ruleset';
import { rules } from '../rules';

export function CommitmentText({ c }: { c: Commitment }) {
  return (
    <span className="commitment-text">
      <strong>{SEAT_NAMES[c.seat]}</strong>: {findEntry(rules, 'commitments', c.what)?.name ?? c.what}, due round {c.due}, checked by{' '}
      {entry(rules, 'verifiers', c.verifier).name}.{' '}
      <span className="triggers">
        On green: {entry(rules, 'triggers', c.onGreen).name}. On red: {entry(rules, 'triggers', c.onRed).name}.
      </span>
    </span>
  );
}
