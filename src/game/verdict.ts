/**
 * Whether a move is legal now, and if not, why: a stable `code` for programs and tests, and a
 * sentence a player can act on.
 */
export const REFUSALS = [
  /** An argument is not of the move's shape. */
  'malformed',
  /** It names no action, card, commitment, proposal or step there is (for this seat). */
  'unknown',
  /** It belongs to, or is reserved for, another seat or Mediator. */
  'not-yours',
  /** The seat has said Done for this round. */
  'said-done',
  /** The seat must answer the round's incident first. */
  'respond-first',
  /** The seat is not negotiating now. */
  'not-negotiating',
  /** Not in this phase or round. */
  'wrong-time',
  /** A once-a-round or once-a-game allowance, or a limit on proposals, is used up. */
  'used-up',
  /** A measure in place stands in the way. */
  'blocked',
  /** A requirement on the board is not met. */
  'unmet',
  /** A domestic crisis forbids it this round. */
  'crisis',
  /** The amount is outside what the action takes. */
  'amount',
  /** Not enough action points or political capital. */
  'cost',
  /** The channel does not allow it. */
  'channel',
  /** A term the commitment menu does not allow (verifier, trigger, due round). */
  'terms',
  /** The package as a whole is unsound. */
  'package',
  /** The seat has already answered. */
  'answered',
  /** The proposal can no longer be agreed. */
  'stale',
] as const;
export type RefusalCode = (typeof REFUSALS)[number];

export type Verdict = { ok: true } | { ok: false; code: RefusalCode; reason: string };

export const OK: Verdict = { ok: true };
export const no = (code: RefusalCode, reason: string): Verdict => ({ ok: false, code, reason });
