/** One commitment line in words: who does what by when, checked by whom, and what fires. */
import { commitmentDef, triggerDef, verifierDef } from '../../game/commitments';
import { SEAT_NAMES } from '../../game/seats';
import type { Commitment } from '../../game/state';

export function CommitmentText({ c }: { c: Commitment }) {
  return (
    <span className="commitment-text">
      <strong>{SEAT_NAMES[c.seat]}</strong>: {commitmentDef(c.what)?.name ?? c.what}, due round {c.due}, checked by{' '}
      {verifierDef(c.verifier).name}.{' '}
      <span className="triggers">
        On green: {triggerDef(c.onGreen).name}. On red: {triggerDef(c.onRed).name}.
      </span>
    </span>
  );
}
