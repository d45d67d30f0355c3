/**
 * The domain's vocabulary. Seats, phases, paths and tracks are fixed by the engine; card ids are
 * branded strings that only the validated rules in `rules.ts` can mint.
 */

export const SEATS = ['0', '1', '2'] as const;
/** `"0"` United States, `"1"` Iran, `"2"` Mediator. */
export type SeatId = (typeof SEATS)[number];
/** The two governments: the seats with political capital at home. */
export type Government = '0' | '1';

export const PHASES = ['confidence', 'verification', 'framework'] as const;
export type PhaseId = (typeof PHASES)[number];

export const PATHS = ['comprehensive', 'incremental', 'stalemate', 'escalation'] as const;
export type Path = (typeof PATHS)[number];

/** How long a game runs: the standard nine rounds, or six that fit one lesson (`rules/board.json`). */
export const LENGTHS = ['standard', 'short'] as const;
export type Length = (typeof LENGTHS)[number];

export const FLAVOURS = ['oman', 'switzerland', 'qatar', 'eu'] as const;
export type Flavour = (typeof FLAVOURS)[number];

/** The temperaments a scripted delegation plays with; their tuning is data (`rules/bots.json`). */
export const TEMPERAMENTS = ['hardliner', 'pragmatist', 'conciliator'] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];

export const STAGES = { respond: 'respond', negotiate: 'negotiate' } as const;

/** How a proposal travels between the capitals. */
export const CHANNELS = ['shuttle', 'direct', 'backchannel'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a seat secretly does about a commitment that falls due. */
export const COMPLIANCE = ['comply', 'partial', 'cheat'] as const;
export type Compliance = (typeof COMPLIANCE)[number];

/** The verifier's traffic light. */
export const LIGHTS = ['green', 'amber', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
export type StageId = (typeof STAGES)[keyof typeof STAGES];

export const RESPONSES = ['restraint', 'retaliation'] as const;
export type ResponseChoice = (typeof RESPONSES)[number];

/** Tracks an effect can move directly. Detainee releases move two counters at once. */
export const TRACKS = [
  'trust',
  'tension',
  'sanctions',
  'frozenAssets',
  'escrow',
  'enrichment',
  'stockpile',
  'centrifuges',
  'access',
  'heldByIran',
  'heldByUS',
  'releasedByIran',
  'releasedByUS',
] as const;
export type Track = (typeof TRACKS)[number];

/**
 * Every number on the board that a rule can read: the tracks and the figures derived from them.
 * Conditions (requirements, milestones, goals, endings) and the rulebook name them.
 */
export const METRICS = [
  ...TRACKS,
  'breakoutMonths',
  'usCapital',
  'iranCapital',
  'credibility',
  'measuresInPlace',
  'trustChange',
  'releasedTotal',
  'greenSteps',
  'sanctionsEased',
] as const;
export type Metric = (typeof METRICS)[number];

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };
export type ActionId = Brand<string, 'ActionId'>;
export type IncidentId = Brand<string, 'IncidentId'>;
export type MeasureId = Brand<string, 'MeasureId'>;
export type MilestoneId = Brand<string, 'MilestoneId'>;
export type AgendaId = Brand<string, 'AgendaId'>;
export type CardId = Brand<string, 'CardId'>;
export type CommitmentId = Brand<string, 'CommitmentId'>;
export type VerifierId = Brand<string, 'VerifierId'>;
export type TriggerId = Brand<string, 'TriggerId'>;
export type ScenarioId = Brand<string, 'ScenarioId'>;
