/**
 * Drives Backchannel through boardgame.io's own reducer, as the server does: moves from a seat,
 * invalid-move detection, and constructed states for testing a rule in isolation.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { Backchannel } from '../src/game';
import type { GameState } from '../src/game/state';
import type { SeatId } from '../src/game/types';

export type GameStateFull = State<GameState> & { transients?: { error?: { type: string } } };

const gameWithSeed = (seed: string) => ({ ...Backchannel, seed });

export interface Match {
  state: GameStateFull;
  reducer: (s: GameStateFull, action: unknown) => GameStateFull;
}

/** A fresh match at the start of round 1. */
export function newMatch(opts: { seed?: string; setupData?: unknown } = {}): Match {
  const game = gameWithSeed(opts.seed ?? 'test-seed');
  const state = InitializeGame({ game, numPlayers: 3, setupData: opts.setupData }) as GameStateFull;
  const reducer = CreateGameReducer({ game, isClient: false }) as unknown as Match['reducer'];
  return { state, reducer };
}

export interface MoveResult {
  state: GameStateFull;
  /** boardgame.io refused the move: INVALID_MOVE from our rules, or an inactive seat/stage. */
  invalid: boolean;
  errorType?: string;
}

/** The action a client sends for a move (boardgame.io's `makeMove`). */
export const moveAction = (type: string, args: unknown[], playerID: string) => ({
  type: 'MAKE_MOVE',
  payload: { type, args, playerID },
});

/** Plays one move as `seat`; on success the match advances, on refusal it stays as it was. */
export function play(m: Match, seat: SeatId, move: string, ...args: unknown[]): MoveResult {
  const next = m.reducer(m.state, moveAction(move, args, seat));
  const errorType = next.transients?.error?.type;
  if (errorType) return { state: m.state, invalid: true, errorType };
  m.state = next;
  return { state: next, invalid: false };
}

/** Edits G in place on a copy, to construct a position (like a FEN in chess tests). */
export function setG(m: Match, edit: (G: GameState) => void): void {
  const G = structuredClone(m.state.G);
  edit(G);
  m.state = { ...m.state, G };
}

export const active = (m: Match): Record<string, string> => (m.state.ctx.activePlayers ?? {}) as Record<string, string>;

/** Answers a pending incident response (restraint unless told otherwise). */
export function answerIncident(m: Match, choice: 'restraint' | 'retaliation' = 'restraint'): void {
  for (const [seat, stage] of Object.entries(active(m)))
    if (stage === 'respond') play(m, seat as SeatId, 'respond', choice);
}

/** Every seat says Done; the round resolves. Answers any incident first. */
export function finishRound(m: Match): void {
  answerIncident(m);
  for (const seat of ['0', '1', '2'] as SeatId[]) if (active(m)[seat] === 'negotiate') play(m, seat, 'done');
}
