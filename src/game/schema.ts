/**
 * The shape of every file in `rules/`. Parsing turns raw JSON into typed, branded content; the
 * cross-references between files are checked in `rules.ts`.
 */
import { z } from 'zod';
import {
  FLAVOURS,
  METRICS,
  PATHS,
  PHASES,
  SEATS,
  TEMPERAMENTS,
  TRACKS,
  type ActionId,
  type AgendaId,
  type CardId,
  type CommitmentId,
  type IncidentId,
  type MeasureId,
  type MilestoneId,
  type ScenarioId,
  type Track,
  type TriggerId,
  type VerifierId,
} from './types';

const id = <T extends string>() =>
  z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case id like "sanctions-moratorium"')
    .transform((s) => s as T);

export const actionId = id<ActionId>();
export const incidentId = id<IncidentId>();
export const measureId = id<MeasureId>();
export const commitmentId = id<CommitmentId>();
export const verifierId = id<VerifierId>();
export const triggerId = id<TriggerId>();

const text = z.string().trim().min(1, 'must not be empty');
const int = z.int('must be a whole number');
const count = int.min(0, 'must be 0 or more');
const seat = z.enum(SEATS, 'must be "0" (United States), "1" (Iran) or "2" (Mediator)');
const phase = z.enum(PHASES);
/** The calendar: so many rounds a phase, each so many months long (halves allowed). */
const schedule = z
  .array(z.strictObject({ phase, rounds: int.min(1), monthsPerRound: z.number().positive().multipleOf(0.5, 'must be a whole or half number of months') }))
  .length(3, 'must list the three phases');

/** A change to the board. Numbers are deltas, clamped to each track's bounds. */
export const effectsSchema = z.strictObject({
  ...(Object.fromEntries(TRACKS.map((t) => [t, int.optional()])) as Record<
    Track,
    z.ZodOptional<typeof int>
  >),
  capital: z.partialRecord(seat, int).optional(),
  addMeasures: z.array(measureId).optional(),
  removeMeasures: z.array(measureId).optional(),
});
export type Effects = z.infer<typeof effectsSchema>;

export const conditionSchema = z.union([
  z.strictObject({ metric: z.enum(METRICS), op: z.enum(['>=', '<=']), value: z.number() }),
  z.strictObject({ measure: measureId }),
  z.strictObject({ anyMeasure: z.array(measureId).min(1) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** A condition, or a choice of them, for the endings: "relief delivered" is eased sanctions or funds in escrow. */
export const clauseSchema = z.union([conditionSchema, z.strictObject({ any: z.array(conditionSchema).min(2) })]);
export type Clause = z.infer<typeof clauseSchema>;
const conditions = z.array(conditionSchema);

export const scenarioSchema = z.strictObject({
  id: id<ScenarioId>(),
  name: text,
  description: text,
  flavour: z.enum(FLAVOURS),
  /** Where it comes from: the history or the seed it is anchored in. */
  source: text,
  schedule,
  start: z.strictObject({
    trust: count,
    tension: count,
    sanctions: count,
    frozenAssets: count,
    escrow: count,
    enrichment: count,
    stockpile: count,
    centrifuges: count,
    access: count,
    heldByIran: count,
    heldByUS: count,
    capital: z.strictObject({ '0': count, '1': count, '2': count }),
    measures: z.array(measureId),
  }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const boardSchema = z.strictObject({
  bounds: z.strictObject({
    ...(Object.fromEntries(
      TRACKS.map((t) => [t, z.strictObject({ min: int, max: int })]),
    ) as Record<Track, z.ZodObject<{ min: typeof int; max: typeof int }>>),
    capital: z.strictObject({ min: int, max: int }),
  }),
  actionPoints: z.strictObject({ '0': count, '1': count, '2': count }),
  // At least two of the log's pages (`log.ts`).
  maxLog: int.min(50),
  /** The short game's calendar, for one lesson: the same eighteen months in fewer, longer rounds. */
  shortSchedule: schedule,
});
export type Board = z.infer<typeof boardSchema>;

export const nuclearSchema = z.strictObject({
  enrichmentTiers: z.array(z.strictObject({ label: text, breakoutMonths: z.number().positive() })),
  accessTiers: z.array(z.strictObject({ name: text, text, opensIn: phase })),
  breakout: z.strictObject({
    perStockpileUnit: z.number(),
    perCentrifugeUnit: z.number(),
    minMonths: z.number().positive(),
  }),
  growth: z.strictObject({
    stockpilePerRound: count,
    haltedBy: z.array(measureId),
  }),
});
export type Nuclear = z.infer<typeof nuclearSchema>;

export const measureSchema = z.strictObject({
  id: measureId,
  name: text,
  text,
  /**
   * Months it stays in place once taken, on the calendar whatever a round's length (see
   * `lastRoundWithin`); absent means it stays for the rest of the game.
   */
  durationMonths: int.min(1).optional(),
});
export type MeasureDef = z.infer<typeof measureSchema>;

export const ACTION_TAGS = ['concession', 'detainee', 'rhetoric', 'hostile'] as const;
export type ActionTag = (typeof ACTION_TAGS)[number];

export const actionSchema = z.strictObject({
  id: actionId,
  seat,
  name: text,
  text,
  source: text,
  cost: z.strictObject({ ap: count, capital: count }),
  phases: z.array(phase).min(1),
  tags: z.array(z.enum(ACTION_TAGS)),
  once: z.enum(['round', 'game']).optional(),
  flavours: z.array(z.enum(FLAVOURS)).min(1).optional(),
  requires: conditions.optional(),
  blockedBy: z.array(measureId).optional(),
  /** Actions taken in units (a tranche of detainees, $bn of assets): effects and capital scale. */
  amount: z
    .strictObject({ unit: text, units: text, min: int.min(1), max: int.min(1), limit: z.enum(METRICS) })
    .refine((a) => a.max >= a.min, 'max must be at least min')
    .optional(),
  effects: effectsSchema,
});
export type ActionDef = z.infer<typeof actionSchema>;

const modifier = z.strictObject({ measures: z.array(measureId).min(1), effects: effectsSchema, text });

export const incidentSchema = z.strictObject({
  id: incidentId,
  name: text,
  kind: z.enum(['negative', 'positive']),
  text,
  source: text,
  effects: effectsSchema,
  softenedBy: modifier.optional(),
  boostedBy: modifier.optional(),
  response: z
    .strictObject({
      seat,
      prompt: text,
      restraint: z.strictObject({ text, effects: effectsSchema }),
      /** `blockedBy`: measures under which the seat may not hit back (a strike moratorium). */
      retaliation: z.strictObject({ text, effects: effectsSchema, blockedBy: z.array(measureId).optional() }),
    })
    .optional(),
});
export type IncidentDef = z.infer<typeof incidentSchema>;

export const flavourSchema = z.strictObject({
  id: z.enum(FLAVOURS),
  name: text,
  perk: text,
  capitalDiscount: z.array(z.strictObject({ tag: z.enum(ACTION_TAGS), capital: count })),
  startMeasures: z.array(measureId),
  softens: z.array(incidentId),
});
export type FlavourDef = z.infer<typeof flavourSchema>;

const ruleEffect = z.strictObject({ text, when: conditions, effects: effectsSchema });

export const domesticSchema = z.strictObject({
  pressures: z.array(ruleEffect),
  crisis: z.strictObject({ apPenalty: count, recoverTo: count, text }),
});
export type Domestic = z.infer<typeof domesticSchema>;

export const phaseSchema = z.strictObject({
  id: phase,
  name: text,
  months: text,
  text,
  milestones: z.array(
    z.strictObject({ id: id<MilestoneId>(), text, when: conditions, reward: effectsSchema }),
  ),
  shortfall: z.strictObject({ below: count, text, effects: effectsSchema }),
});
export type PhaseDef = z.infer<typeof phaseSchema>;

export const endingsSchema = z.strictObject({
  paths: z.array(z.strictObject({ path: z.enum(PATHS), name: text, text, when: z.array(clauseSchema) })),
  collapse: z.array(z.strictObject({ path: z.enum(PATHS), when: conditions })).min(1),
  tensionMax: int,
  trustCollapse: int,
  /** Escalation needs sustained danger: Tension at its maximum as this many rounds in a row end. */
  sustainedRounds: int.min(1),
  /** In these phases Trust at its floor suspends the talks, and the brink does not yet mean war. */
  protectedPhases: z.array(phase),
  suspension: z.strictObject({ text, effects: effectsSchema }),
  /** What each path is worth to each seat: each values the paths differently. */
  outcomeBonus: z.strictObject(Object.fromEntries(PATHS.map((p) => [p, z.strictObject({ '0': count, '1': count, '2': count })])) as Record<
    (typeof PATHS)[number],
    z.ZodObject<{ '0': typeof count; '1': typeof count; '2': typeof count }>
  >),
  /**
   * Blame, weighed at every ending: Tension raised and Trust broken by a
   * seat's own hand, each step of its found red (or amber for partial compliance), and each proposal
   * it turned down without a counter. The seat that stands out, with at least `min`, loses `penalty`.
   */
  blame: z.strictObject({ red: count, partial: count, reject: count, min: count, penalty: count }),
});
export type Endings = z.infer<typeof endingsSchema>;

/** A secret objective: scores its points if the final board meets it. */
export const agendaSchema = z.strictObject({
  id: id<AgendaId>(),
  seat,
  name: text,
  text,
  when: conditions,
  points: count,
});
export type AgendaDef = z.infer<typeof agendaSchema>;

/** A private one-shot card: free to play during negotiation if its phase and needs are met. */
export const initiativeSchema = z.strictObject({
  id: id<CardId>(),
  seat,
  name: text,
  text,
  phases: z.array(phase).min(1),
  requires: conditions.optional(),
  effects: effectsSchema,
});
export type InitiativeDef = z.infer<typeof initiativeSchema>;

const probability = z.number().min(0, 'must be 0–1').max(1, 'must be 0–1');

/** A neutral verifier and how likely it is to see through non-compliance. */
export const verifierSchema = z.strictObject({
  id: verifierId,
  name: text,
  short: text,
  text,
  source: text,
  detection: z.strictObject({
    base: probability,
    perAccessTier: probability,
    measures: z.array(z.strictObject({ measure: measureId, bonus: probability })),
  }),
  /** The chance a full compliance still reads amber, before measures reduce it. */
  ambiguity: z.strictObject({
    base: probability,
    measures: z.array(z.strictObject({ measure: measureId, reduce: probability })),
  }),
});
export type VerifierDef = z.infer<typeof verifierSchema>;

/** A pre-agreed response that fires automatically on a verifier's green or red. */
export const triggerSchema = z.strictObject({
  id: triggerId,
  on: z.enum(['green', 'red']),
  name: text,
  text,
  /** What must be in place for it to fire (money goes to escrow only through an escrow account). */
  requires: conditions.optional(),
  effects: effectsSchema,
  /** The limited relief a green trigger gives on amber: partial compliance earns part of the reward. */
  limited: effectsSchema.optional(),
});
export type TriggerDef = z.infer<typeof triggerSchema>;

/** An entry of the commitment menu that proposals are built from. */
export const commitmentSchema = z.strictObject({
  id: commitmentId,
  seat,
  name: text,
  text,
  source: text,
  verifiers: z.array(verifierId).min(1),
  phases: z.array(phase).min(1),
  requires: conditions.optional(),
  /** What kind of step it is, as actions are tagged: a Mediator's discount applies by tag. */
  tags: z.array(z.enum(ACTION_TAGS)).optional(),
  /** Political capital the committed seat pays when the agreement is signed. */
  capital: count,
  effects: effectsSchema,
  partial: effectsSchema,
  /** Secret points for a cheat the verifier misses; lost if it is discovered later. */
  cheatGain: count,
  triggers: z.strictObject({ green: z.array(triggerId).min(1), red: z.array(triggerId).min(1) }),
});
export type CommitmentDef = z.infer<typeof commitmentSchema>;

export const negotiationSchema = z.strictObject({
  limits: z.strictObject({
    commitmentsPerProposal: int.min(1),
    openProposalsPerSeat: int.min(1),
    proposalsPerRound: int.min(1),
  }),
  channels: z.strictObject({
    directNeeds: z.array(measureId),
    backchannelNeeds: z.array(measureId).min(1),
    shuttleOnlyIn: z.array(phase),
  }),
  results: z.strictObject({ green: effectsSchema, amber: effectsSchema, red: effectsSchema }),
  /** Detection bonus against a seat for each amber it has drawn (more monitoring). */
  amberMonitoring: probability,
  detectionMax: probability,
  ambiguitySettledBy: z.strictObject({ flavours: z.array(z.enum(FLAVOURS)), measures: z.array(measureId) }),
  lookback: z.strictObject({
    accessTier: count,
    chance: probability,
    verifiers: z.array(verifierId),
    effects: effectsSchema,
  }),
  /** The share of a step's secret points that a partial compliance the verifier misses earns. */
  partialGainShare: probability,
  /** Points a seat loses at the end for each of its steps a verifier found red. */
  redPenalty: count,
  /** Points a seat loses at the end for each of its steps a verifier found carried out only in part. */
  partialPenalty: count,
  /** Extra capital each hostile act costs for every one its seat has taken before. */
  hostileRepeat: count,
  leak: z.strictObject({ incidents: z.array(incidentId), text, effects: effectsSchema }),
  hand: z.strictObject({ perPhase: count, max: count }),
  agendasPerSeat: int.min(1),
});
export type Negotiation = z.infer<typeof negotiationSchema>;

// rules/bots.json: how the scripted delegations value the board, as designers tune them

const weights = z.partialRecord(z.enum(TRACKS), z.number());
const measureValues = z.partialRecord(measureId, z.number());
const temperament = z.strictObject({
  /** Multiplies the shared tracks (Trust, Tension). */
  shared: z.number(),
  /** Multiplies the seat's own hard interests. */
  hard: z.number(),
  /** Multiplies what capital is worth. */
  capital: z.number(),
  /** The value of any measure put in place. */
  measure: z.number(),
  /** How much better than nothing an action or card must look before the bot takes it. */
  act: z.number(),
  /** How much better than nothing a package must look before the bot accepts it. */
  accept: z.number(),
  /** A thumb on the scale toward cheating and retaliation. */
  badFaith: z.number(),
  /** How heavily the consequences of being caught weigh. */
  prudence: z.number(),
});
export const botsSchema = z.strictObject({
  /** What each seat wants of each track, before temperament: the sources' stated positions. */
  weights: z.strictObject({ '0': weights, '1': weights, '2': weights }),
  /** Measures a seat particularly wants or resents, beyond the generic value of any measure. */
  measures: z.strictObject({ '0': measureValues, '1': measureValues, '2': measureValues }),
  temperaments: z.strictObject(Object.fromEntries(TEMPERAMENTS.map((t) => [t, temperament])) as Record<(typeof TEMPERAMENTS)[number], typeof temperament>),
});
export type BotTuning = z.infer<typeof botsSchema>;
