/**
 * Headless games between scripted bots through boardgame.io's own reducer, as the server runs
 * them: the tool designers tune `rules/` with (`npm run simulate`, `npm run balance`).
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { DEFAULT_RULES, makeGame } from '../game';
import type { GameOver } from '../game/endings';
import type { RuleSet } from '../game/ruleset';
import { nextActiveSeat } from '../game/stages';
import type { GameState } from '../game/state';
import { SEATS, type MeasureId, type Path, type SeatId } from '../game/types';
import type { BentStrategy } from './bent';
import { scriptedBot } from './bot';
import type { BotConfig } from './config';

type FullState = State<GameState> & { transients?: { error?: { type: string } } };

export interface MatchSetup {
  seed: string;
  bots: Record<SeatId, BotConfig>;
  setupData?: { scenario?: string; flavour?: string; length?: string };
  /** The rule set to play under; the one in `rules/` if none. */
  rules?: RuleSet;
  /** One seat's bot bent to a strategy (`bent.ts`). */
  bent?: { seat: SeatId; strategy: BentStrategy };
}

export interface GameResult {
  path: Path;
  cause: GameOver['cause'];
  scores: Record<SeatId, number>;
  winner?: SeatId;
  /** Rounds begun, the last one included even if the game ended in it. */
  rounds: number;
  agreements: number;
  lights: { green: number; amber: number; red: number };
  moves: number;
  /** Rounds a seat spent in a domestic crisis, summed over the seats. */
  crises: number;
  /** The measures a seat (not the scenario) put in place at some time in the game. */
  measuresBuilt: MeasureId[];
  /** Moves the bent seat's strategy changed, when a seat is bent. */
  bentMoves?: number;
  /** Milliseconds each bot decision took, when asked for. */
  decisions?: number[];
}

/** A game longer than this has stalled: a bug, never a result. */
const MAX_MOVES = 5000;

export async function playGame(setup: MatchSetup, timeDecisions = false): Promise<GameResult> {
  const rules = setup.rules ?? DEFAULT_RULES;
  const game = { ...makeGame(rules), seed: setup.seed };
  const reducer = CreateGameReducer({ game, isClient: false }) as unknown as (s: FullState, a: unknown) => FullState;
  let state = InitializeGame({ game, numPlayers: SEATS.length, setupData: setup.setupData }) as FullState;
  let bentMoves = 0;
  const bentFor = (seat: SeatId) => (setup.bent?.seat === seat ? { strategy: setup.bent.strategy, onBent: () => void (bentMoves += 1) } : undefined);
  const bots = Object.fromEntries(
    SEATS.map((seat) => [seat, new (scriptedBot(setup.bots[seat], rules, bentFor(seat)))({ enumerate: game.ai!.enumerate, seed: `${setup.seed}/${seat}` })]),
  );
  const decisions: number[] = [];
  let moves = 0;
  let last: SeatId = '2';
  const crises = new Set<string>();
  const built = new Set<MeasureId>();
  while (!state.ctx.gameover) {
    if (moves >= MAX_MOVES) throw new Error(`game ${setup.seed} stalled after ${MAX_MOVES} moves`);
    // Seats negotiate at once: take turns among the active ones, starting after the last mover.
    const seat = nextActiveSeat(state.ctx, last);
    if (!seat) throw new Error(`game ${setup.seed}: nobody can move in round ${state.G.round}`);
    const start = timeDecisions ? performance.now() : 0;
    const { action } = await bots[seat].play(state, seat);
    if (timeDecisions) decisions.push(performance.now() - start);
    const next = reducer(state, action);
    if (next.transients?.error) throw new Error(`game ${setup.seed}: bot ${seat} made an illegal move ${JSON.stringify(action)}`);
    for (const s of SEATS) if (next.G.seats[s].crisis) crises.add(`${s}/${next.G.round}`);
    for (const m of next.G.measures) if (m.by !== null) built.add(m.id);
    state = next;
    last = seat;
    moves += 1;
  }
  const over = state.ctx.gameover as GameOver;
  const steps = state.G.agreements.flatMap((a) => a.steps);
  const count = (light: string) => steps.filter((s) => s.status === light).length;
  const result: GameResult = {
    path: over.path,
    cause: over.cause,
    scores: over.scores,
    rounds: state.G.round,
    agreements: state.G.agreements.length,
    lights: { green: count('green'), amber: count('amber'), red: count('red') },
    moves,
    crises: crises.size,
    measuresBuilt: [...built].sort(),
  };
  if (over.winner !== undefined) result.winner = over.winner;
  if (setup.bent) result.bentMoves = bentMoves;
  if (timeDecisions) result.decisions = decisions;
  return result;
}
