/**
 * The one shape of a refusal, on both transports: a stable `code` a program can branch on and a
 * `message` sentence for a person. The lobby answers a refused HTTP call with it, and a socket
 * refusal carries it (see `refusals.ts`); on the wire the sentence travels as `error`, the field
 * boardgame.io's clients already read.
 */
import type { z } from 'zod';

export const PROBLEM_CODES = [
  /** What was sent is not what the route or the event takes. */
  'malformed',
  /** A chat message over the length limit. */
  'too-long',
  /** A request body over the size limit. */
  'too-large',
  /** A body that is not plain JSON. */
  'unsupported-media',
  /** No such lobby route or game. */
  'not-found',
  /** No such match: the server does not create matches on demand. */
  'unknown-match',
  /** No such seat in the match. */
  'unknown-seat',
  /** The seat asked for is taken, or every seat is. */
  'seat-taken',
  /** Missing or wrong credentials for the seat. */
  'unauthorized',
  /** The action is not a move of this seat (another seat's id, an event, a state replacement). */
  'forbidden',
  /** The rules refused the match's setup (`setupData`). */
  'invalid-setup',
  /** The match has ended. */
  'game-over',
  /** The seat cannot act now. */
  'not-active',
  /** The move was made against an older state; the server has sent the current one. */
  'stale-state',
  /** The rules refused the move (it is not legal now); the server has sent the current state. */
  'invalid-move',
  /** An event the server does not take. */
  'unknown-event',
  /** Too many requests or frames of this kind from one client or connection; wait and send again. */
  'rate-limited',
  /** The server failed; the match is unchanged. */
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem<C extends ProblemCode = ProblemCode> {
  code: C;
  /** A sentence for a person. */
  message: string;
}

/** A problem as it travels: in a lobby answer's JSON body, and inside a socket refusal. */
export interface WireProblem<C extends ProblemCode = ProblemCode> {
  code: C;
  error: string;
}

export const problem = <C extends ProblemCode>(code: C, message: string): Problem<C> => ({ code, message });
export const toWire = <C extends ProblemCode>(p: Problem<C>): WireProblem<C> => ({ code: p.code, error: p.message });

/** The outcome of checking what crossed the wire; `C` is the codes its schema can refuse with. */
export type Parsed<T, C extends ProblemCode = ProblemCode> = { ok: true; value: T } | { ok: false; problem: Problem<C> };

export interface ParseOptions {
  /** Opens the sentence: the route or event, e.g. `join` or `update`. */
  context?: string;
  /** What the input is called when the problem is with the whole of it ("the body"). */
  noun?: string;
  /** Names of a tuple's positions (a socket event's arguments), for the sentence. */
  positions?: readonly string[];
  /** The code when the schema does not name one (a refinement may, as `params.problem`). */
  code?: ProblemCode;
}

/**
 * Checks `input` against `schema`. A refusal names the first thing wrong: schemas in this module
 * word their errors as predicates ("must be …") that follow the field's name.
 */
export function parseWith<S extends z.ZodType, C extends ProblemCode = ProblemCode>(schema: S, input: unknown, opts: ParseOptions = {}): Parsed<z.output<S>, C> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: problemOf(result.error.issues[0], opts) as Problem<C> };
}

function problemOf(issue: z.core.$ZodIssue, { context, noun = 'the input', positions = [], code = 'malformed' }: ParseOptions): Problem {
  const field = issue.path.map((p, i) => (i === 0 && typeof p === 'number' && positions[p]) || String(p)).join('.');
  const said =
    issue.code === 'unrecognized_keys' ? `takes no field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message.replace(/\.$/, '');
  const named = issue.code === 'custom' && typeof issue.params?.problem === 'string' ? (issue.params.problem as ProblemCode) : code;
  return problem(named, `${context ? `${context}: ` : ''}${field || noun} ${said}.`);
}
