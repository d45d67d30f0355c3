/**
 * The rule set: the validated content of `rules/`, frozen, with every card indexed by id. It is
 * built once by `loadRules` and handed to the game (`makeGame(rules)`), so two rule sets can run
 * side by side and a test builds a variant without touching anything shared.
 *
 * Ids held in the state were minted by the same rule set, so `entry` treats a miss as a bug and
 * throws; ids that arrive from outside (a move's arguments) go through `findEntry`, which may miss.
 */
import type {
  ActionDef,
  AgendaDef,
  Board,
  BotTuning,
  CommitmentDef,
  Domestic,
  Endings,
  FlavourDef,
  IncidentDef,
  InitiativeDef,
  MeasureDef,
  Negotiation,
  Nuclear,
  PhaseDef,
  Scenario,
  TriggerDef,
  VerifierDef,
} from './schema';
import type {
  ActionId,
  AgendaId,
  CardId,
  CommitmentId,
  Flavour,
  IncidentId,
  MeasureId,
  PhaseId,
  ScenarioId,
  TriggerId,
  VerifierId,
} from './types';

/** The content of `rules/`, one key per file, as the schemas in `schema.ts` parse it. */
export interface Rules {
  actions: ActionDef[];
  agendas: AgendaDef[];
  board: Board;
  bots: BotTuning;
  commitments: CommitmentDef[];
  domestic: Domestic;
  endings: Endings;
  flavours: FlavourDef[];
  incidents: IncidentDef[];
  initiatives: InitiativeDef[];
  measures: MeasureDef[];
  negotiation: Negotiation;
  nuclear: Nuclear;
  phases: PhaseDef[];
  scenarios: Scenario[];
  triggers: TriggerDef[];
  verifiers: VerifierDef[];
}

/** Every kind of card a rule set indexes: its id type and its definition. */
interface Kinds {
  actions: [ActionId, ActionDef];
  agendas: [AgendaId, AgendaDef];
  commitments: [CommitmentId, CommitmentDef];
  flavours: [Flavour, FlavourDef];
  incidents: [IncidentId, IncidentDef];
  initiatives: [CardId, InitiativeDef];
  measures: [MeasureId, MeasureDef];
  phases: [PhaseId, PhaseDef];
  scenarios: [ScenarioId, Scenario];
  triggers: [TriggerId, TriggerDef];
  verifiers: [VerifierId, VerifierDef];
}
export type Kind = keyof Kinds;
export type IdOf<K extends Kind> = Kinds[K][0];
export type DefOf<K extends Kind> = Kinds[K][1];

export const KINDS = [
  'actions',
  'agendas',
  'commitments',
  'flavours',
  'incidents',
  'initiatives',
  'measures',
  'phases',
  'scenarios',
  'triggers',
  'verifiers',
] as const satisfies readonly Kind[];

type Index = { readonly [K in Kind]: ReadonlyMap<string, DefOf<K>> };

/** Frozen at run time, top to bottom: a write anywhere in it throws. */
export type RuleSet = Readonly<Rules> & { readonly index: Index };

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** Indexes and freezes rules that `loadRules` has already validated. */
export function indexRules(rules: Rules): RuleSet {
  const index = Object.fromEntries(
    KINDS.map((kind) => [kind, new Map<string, unknown>(rules[kind].map((d: { id: string }) => [d.id, d]))]),
  ) as unknown as Index;
  return deepFreeze({ ...rules, index }) as unknown as RuleSet;
}

/** The definition of an id the state holds. A miss is a bug: the id came from another rule set. */
export function entry<K extends Kind>(rules: RuleSet, kind: K, id: IdOf<K>): DefOf<K> {
  const found = rules.index[kind].get(id);
  if (!found) throw new Error(`This rule set has no ${kind} entry "${id}".`);
  return found;
}

/** The definition of an id from outside (a move's argument, a form), if there is one. */
export function findEntry<K extends Kind>(rules: RuleSet, kind: K, id: unknown): DefOf<K> | undefined {
  return typeof id === 'string' ? rules.index[kind].get(id) : undefined;
}

export const phaseName = (rules: RuleSet, id: PhaseId): string => entry(rules, 'phases', id).name;
/** "Phase I · Confidence-building" → "Phase I", as prose refers to a phase. */
export const phaseShortName = (rules: RuleSet, id: PhaseId): string => phaseName(rules, id).split(' · ')[0];
export const measureName = (rules: RuleSet, id: MeasureId): string => entry(rules, 'measures', id).name;
export const flavourName = (rules: RuleSet, id: Flavour): string => entry(rules, 'flavours', id).name;
