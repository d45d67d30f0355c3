/**
 * The game state `G`. Everything is public except `secrets`, the draw piles and backchannel
 * traffic, which `view.ts` filters per seat.
 */
import type { Issued, ItemId, StepId } from './ids';
import type {
  ActionId,
  AgendaId,
  CardId,
  Channel,
  CommitmentId,
  Compliance,
  Flavour,
  IncidentId,
  Light,
  MeasureId,
  MilestoneId,
  PhaseId,
  ResponseChoice,
  ScenarioId,
  SeatId,
  Track,
  TriggerId,
  VerifierId,
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
  /** Hostile acts taken so far: each repeat costs more (`actions.ts`). */
  hostileActs: number;
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
  /** Only these seats may read it (backchannel traffic, a seat's own secret choices). */
  to?: SeatId[];
}

/** Who reads the log: a seat, or a spectator, who reads only the lines for everyone. */
export type Reader = SeatId | 'spectator';
/** Each reader's lines, in pages, oldest first (`log.ts`). */
export type Log = Record<Reader, LogEntry[][]>;

/** One line of a package: who does what, by when, checked by whom, and what fires on the result. */
export interface Commitment {
  seat: SeatId;
  what: CommitmentId;
  /** The round in whose implementation step it is verified. */
  due: number;
  verifier: VerifierId;
  onGreen: TriggerId;
  onRed: TriggerId;
}

/** What a seat sends: the package and how it travels. */
export interface ProposalDraft {
  channel: Channel;
  commitments: Commitment[];
}

export type ProposalStatus = 'open' | 'agreed' | 'rejected' | 'withdrawn' | 'countered' | 'lapsed';

export interface Proposal extends ProposalDraft {
  id: ItemId;
  by: SeatId;
  round: number;
  /** Every seat that must accept: the proposer, each committed seat, the Mediator on a shuttle. */
  parties: SeatId[];
  accepted: SeatId[];
  status: ProposalStatus;
  /** The proposal this one counters. */
  replaces?: ItemId;
  /** A backchannel proposal exposed by a leak is public from then on. */
  leaked: boolean;
}

/** A step's state: waiting, verified (a light), or suspended after an earlier red. */
export type StepStatus = 'pending' | Light | 'suspended';

export interface Step extends Commitment {
  id: StepId;
  status: StepStatus;
  /** A verifier found it carried out only in part: a second such step in one agreement is a breach. */
  partly?: true;
  /** The verifier's plain-language finding, once published. */
  report?: string;
}

export interface Agreement {
  id: ItemId;
  proposal: ItemId;
  channel: Channel;
  parties: SeatId[];
  round: number;
  /** In due order: each step unlocks the next; a red suspends the rest. */
  steps: Step[];
  leaked: boolean;
}

/** Declared less real, per track, and the measures declared but not in force (`reality.ts`). */
export interface Gap {
  tracks: Partial<Record<Track, number>>;
  measures: MeasureId[];
}

/**
 * A cheat or partial compliance the verifier missed: its seat's private gain, and the part of the
 * step left undone, until look-back finds it.
 */
export interface HiddenCheat {
  kind: 'cheat' | 'partial';
  agreement: ItemId;
  step: StepId;
  round: number;
  gain: number;
  gap: Gap;
}

/** What only one seat knows. */
export interface SeatSecret {
  agendas: AgendaId[];
  hand: CardId[];
  /** Compliance chosen for this seat's steps, by step id; a step with no choice is complied with. */
  choices: Partial<Record<StepId, Compliance>>;
  cheats: HiddenCheat[];
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
  log: Log;
  /** Trust and Tension at the end of each round, for the debrief chart. */
  history: RoundRecord[];
  /** Proposals on the table: this round's, and last round's still open (they lapse after it). */
  proposals: Proposal[];
  agreements: Agreement[];
  /** Proposals tabled by each seat this round, for the per-round limit. */
  proposedThisRound: Record<SeatId, number>;
  /** Tension raised and Trust broken by each seat's own hand (`blame.ts`). */
  blame: Record<SeatId, number>;
  /** Extra detection chance against each seat, earned by its amber results. */
  monitoring: Record<SeatId, number>;
  secrets: Record<SeatId, SeatSecret>;
  /** Each seat's initiative draw pile, top card last; hidden from every seat. */
  initiativeDecks: Record<SeatId, CardId[]>;
  /** How many proposals and agreements each audience has numbered (`ids.ts`). */
  issued: Issued;
}
