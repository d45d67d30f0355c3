/**
 * How the server refuses a socket frame: with an ack reply when the frame had an acknowledgement
 * callback, or else a `REFUSED_EVENT` event. Either way the refusal is a `Problem` (`problem.ts`)
 * plus the event it answers.
 */
import { toWire, type Problem, type WireProblem } from './problem';

/** Socket event the server emits to a client whose frame it refused (when the frame had no ack). */
export const REFUSED_EVENT = 'backchannel:refused';

/** The codes a socket refusal may carry. */
export const REFUSAL_CODES = [
  'malformed',
  'unknown-match',
  'unknown-seat',
  'unauthorized',
  'forbidden',
  'game-over',
  'not-active',
  'stale-state',
  'invalid-move',
  'too-long',
  'unknown-event',
  'rate-limited',
  'internal',
] as const satisfies readonly Problem['code'][];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal extends WireProblem<RefusalCode> {
  ok: false;
  /** The event refused: `update`, `sync`, `chat`, or another name. */
  event: string;
}

/** What a frame sent with an acknowledgement callback receives. */
export type Reply = { ok: true } | Refusal;

export const refusal = (event: string, p: Problem<RefusalCode>): Refusal => ({ ok: false, event, ...toWire(p) });
