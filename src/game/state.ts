/** The game state `G`: everything on the table, public for now (secrets arrive with agendas). */
import type {
  ActionId,
  Flavour,
  IncidentId,
  MeasureId,
  MilestoneId,
  PhaseId,
  ResponseChoice,
  ScenarioId,
  SeatId,
} from './types';

export interface NuclearFile {
  /** Index into `rules/nuclear.json` enrichment tiers: 0 = 3.67 %, 1 = 20 %, 2 = 60 %. */
  enrichment: number;
  /** Enriched uranium, in abstract units. */
  stockpile: number;
  /** Cascades of advanced centrifuges installed. */
  centrifuges: number;
  /** Index into the IAEA access tiers, from basic safeguards (0) to continuous monitoring. */
  access: number;
}

export interface SanctionsFile {
  level: number;
  /** Iranian assets still frozen abroad, $bn. */
  frozenAssets: number;
  /** Released into audited escrow, $bn. */
  escrow: number;
}

export interface Detainees {
  heldByIran: number;
  heldByUS: number;
  releasedByIran: number;
  releasedByUS: number;
}

export interface MeasureInPlace {
  id: MeasureId;
  /** Who put it in place; null for scenario and flavour measures. */
  by: SeatId | null;
  /** The last round it is in force; null if it stays for the rest of the game. */
  until: number | null;
}

export interface SeatState {
  /** Political capital for the governments; credibility for the Mediator. */
  capital: number;
  actionPoints: number;
  /** In a domestic crisis this round: fewer action points, no concessions. */
  crisis: boolean;
  done: boolean;
  /** Actions taken this round, for once-per-round limits. */
  taken: ActionId[];
  /** Actions ever taken, for once-per-game limits and the debrief. */
  takenEver: ActionId[];
}

export interface RoundIncident {
  id: IncidentId;
  /** A measure in place (or the Mediator's flavour) softened or boosted it. */
  modified: boolean;
  /** The seat asked to respond, if any, and what it chose once it has. */
  response: { seat: SeatId; choice: ResponseChoice | null } | null;
}

export type RoundStep = 'setup' | 'incident' | 'negotiation' | 'implementation' | 'domestic' | 'review' | 'end';

export interface LogEntry {
  round: number;
  step: RoundStep;
  seat?: SeatId;
  text: string;
}

export interface RoundRecord {
  round: number;
  month: number;
  trust: number;
  tension: number;
}

export interface ScheduleStep {
  phase: PhaseId;
  rounds: number;
  monthsPerRound: number;
}

export interface GameState {
  scenario: ScenarioId;
  flavour: Flavour;
  schedule: ScheduleStep[];
  /** The round in play, 1-based; 0 before the first incident. */
  round: number;
  trust: number;
  tension: number;
  /** Trust when the round began, so the domestic step can see which way it moved. */
  trustAtRoundStart: number;
  nuclear: NuclearFile;
  sanctions: SanctionsFile;
  detainees: Detainees;
  measures: MeasureInPlace[];
  seats: Record<SeatId, SeatState>;
  incident: RoundIncident | null;
  /** Incident draw pile, top card last; shuffled with boardgame.io's `random`. */
  deck: IncidentId[];
  discard: IncidentId[];
  milestones: MilestoneId[];
  log: LogEntry[];
  /** Trust and Tension at the end of each round, for the debrief chart. */
  history: RoundRecord[];
}
