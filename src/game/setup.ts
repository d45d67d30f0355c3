/** Builds the opening board from a scenario in `rules/scenarios.json`, chosen through `setupData`. */
import { dealAgendas } from './agendas';
import { setupDataShape, unknownScenarioError } from './arguments';
import { shuffleInitiatives } from './initiatives';
import { log } from './log';
import { addMeasure } from './measures';
import type { Random } from './random';
import { entry, findEntry, type RuleSet } from './ruleset';
import type { Scenario } from './schema';
import type { GameState, SeatSecret, SeatState } from './state';
import type { AgendaId, Flavour, IncidentId, Length } from './types';

export interface SetupData {
  /** A scenario id from `rules/scenarios.json`; the first scenario when absent. */
  scenario?: string;
  /** The Mediator's flavour; the scenario's own when absent. */
  flavour?: Flavour;
  /** Standard (the scenario's calendar) when absent; short plays six rounds, for one lesson. */
  length?: Length;
}

type Parsed = { ok: true; scenario: Scenario; flavour: Flavour; length: Length } | { ok: false; error: string };

export function parseSetupData(rules: RuleSet, data: unknown): Parsed {
  const shape = setupDataShape.safeParse(data);
  if (!shape.success) return { ok: false, error: shape.error.issues[0].message };
  const { scenario: sid, flavour, length } = shape.data ?? {};
  const scenario = sid === undefined ? rules.scenarios[0] : findEntry(rules, 'scenarios', sid);
  if (!scenario) return { ok: false, error: unknownScenarioError(sid, rules.scenarios.map((s) => s.id)) };
  return { ok: true, scenario, flavour: flavour ?? scenario.flavour, length: length ?? 'standard' };
}

export function validateSetupData(rules: RuleSet, data: unknown): string | undefined {
  const parsed = parseSetupData(rules, data);
  return parsed.ok ? undefined : parsed.error;
}

export function createState(rules: RuleSet, data: unknown, random: Pick<Random, 'Shuffle'>): GameState {
  const parsed = parseSetupData(rules, data);
  if (!parsed.ok) throw new Error(`Backchannel cannot start: ${parsed.error}`);
  const { scenario, flavour, length } = parsed;
  const s = scenario.start;
  const agendas = dealAgendas(rules, random);
  const secret = (dealt: AgendaId[]): SeatSecret => ({ agendas: dealt, hand: [], choices: {}, cheats: [] });
  const seat = (capital: number): SeatState => ({ capital, actionPoints: 0, crisis: false, done: false, taken: [], takenEver: [], hostileActs: 0 });
  const G: GameState = {
    scenario: scenario.id,
    flavour,
    schedule: (length === 'short' ? rules.board.shortSchedule : scenario.schedule).map((step) => ({ ...step })),
    round: 0,
    trust: s.trust,
    tension: s.tension,
    trustAtRoundStart: s.trust,
    nuclear: { enrichment: s.enrichment, stockpile: s.stockpile, centrifuges: s.centrifuges, access: s.access },
    sanctions: { level: s.sanctions, frozenAssets: s.frozenAssets, escrow: s.escrow },
    detainees: { heldByIran: s.heldByIran, heldByUS: s.heldByUS, releasedByIran: 0, releasedByUS: 0 },
    measures: [],
    seats: { '0': seat(s.capital['0']), '1': seat(s.capital['1']), '2': seat(s.capital['2']) },
    incident: null,
    deck: random.Shuffle(rules.incidents.map((i) => i.id as IncidentId)),
    discard: [],
    milestones: [],
    log: { '0': [], '1': [], '2': [], spectator: [] },
    history: [],
    proposals: [],
    agreements: [],
    proposedThisRound: { '0': 0, '1': 0, '2': 0 },
    monitoring: { '0': 0, '1': 0, '2': 0 },
    blame: { '0': 0, '1': 0, '2': 0 },
    secrets: { '0': secret(agendas['0']), '1': secret(agendas['1']), '2': secret(agendas['2']) },
    initiativeDecks: shuffleInitiatives(rules, random),
    issued: { proposals: {}, agreements: {} },
  };
  const perk = entry(rules, 'flavours', flavour);
  for (const id of [...s.measures, ...perk.startMeasures]) addMeasure(rules, G, id, null);
  log(rules, G, 'setup', `${scenario.name}: ${scenario.description}`);
  log(rules, G, 'setup', `The Mediator is ${perk.name}. ${perk.perk}`);
  return G;
}
