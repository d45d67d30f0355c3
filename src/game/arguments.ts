/**
 * The shapes of what a client sends with a move, as zod schemas. A move's check parses its
 * arguments here first; the rules then judge only well-formed values.
 */
import { z } from 'zod';
import type { Commitment, ProposalDraft } from './state';
import { CHANNELS, FLAVOURS, LENGTHS, SEATS } from './types';
import { no, type Verdict } from './verdict';

const commitmentShape = z.strictObject({
  seat: z.enum(SEATS),
  what: z.string(),
  due: z.number().int(),
  verifier: z.string(),
  onGreen: z.string(),
  onRed: z.string(),
});

const draftShape = z.strictObject({
  channel: z.enum(CHANNELS),
  commitments: z.array(z.unknown()),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; verdict: Verdict };

function parse<T>(schema: z.ZodType, value: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as T };
  const issue = result.error.issues[0];
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  return { ok: false, verdict: no('malformed', `${what} is not well formed${where}: ${issue.message}.`) };
}

const unknownScenario = (input: unknown) => `Unknown scenario ${JSON.stringify(input)}.`;

/** `setupData` as a match is created with: which scenario, and which Mediator. */
export const setupDataShape = z
  .strictObject(
    {
      scenario: z.string({ error: (issue) => unknownScenario(issue.input) }).optional(),
      flavour: z.enum(FLAVOURS, { error: (issue) => `Unknown mediator flavour ${JSON.stringify(issue.input)}. Choose one of: ${FLAVOURS.join(', ')}.` }).optional(),
      length: z.enum(LENGTHS, { error: (issue) => `Unknown game length ${JSON.stringify(issue.input)}. Choose one of: ${LENGTHS.join(', ')}.` }).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `setupData has unknown field(s): ${issue.keys.join(', ')}. Allowed: scenario, flavour, length.`
          : 'setupData must be an object such as { "scenario": "talks-resume", "flavour": "oman" }.',
    },
  )
  .nullish();

/** The sentence for a scenario id that names none, listing those there are. */
export const unknownScenarioError = (input: unknown, known: readonly string[]) => `${unknownScenario(input)} Choose one of: ${known.join(', ')}.`;

/** A commitment line as sent; its ids are still to be checked against the menu. */
export const parseCommitment = (value: unknown) => parse<Commitment>(commitmentShape, value, 'A commitment');

/** A proposal as sent; its lines are parsed one by one, so each refusal names its line. */
export const parseDraft = (value: unknown) =>
  parse<Omit<ProposalDraft, 'commitments'> & { commitments: unknown[] }>(draftShape, value, 'A proposal');
