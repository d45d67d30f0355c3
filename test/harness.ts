/**
 * Drives Backchannel through boardgame.io's own reducer, as the server does: moves from a seat,
 * invalid-move detection, and constructed states for testing a rule in isolation.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { expect } from 'vitest';
import { Backchannel, makeGame } from '../src/game';
import { RAW_RULES, loadRules, type RawRules } from '../src/game/rules';
import type { RuleSet } from '../src/game/ruleset';
import { READERS, logLines } from '../src/game/log';
import type { GameState, LogEntry } from '../src/game/state';
import type { SeatId } from '../src/game/types';

export type GameStateFull = State<GameState> & { transients?: { error?: { type: string } } };

/** The shipped rules with `edit` applied to a copy of their files: a variant for one test. */
export function withRules(edit: (raw: RawRules) => void): RuleSet {
  const raw = structuredClone(RAW_RULES);
  edit(raw);
  return loadRules(raw);
}

export interface Match {
  state: GameStateFull;
  reducer: (s: GameStateFull, action: unknown) => GameStateFull;
}

/** A fresh match at the start of round 1, under the shipped rules or `opts.rules`. */
export function newMatch(opts: { seed?: string; setupData?: unknown; rules?: RuleSet } = {}): Match {
  const game = { ...(opts.rules ? makeGame(opts.rules) : Backchannel), seed: opts.seed ?? 'test-seed' };
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

/** boardgame.io's error type when our rules refuse a move (INVALID_MOVE). */
export const INVALID = 'action/invalid_move';
/** boardgame.io's own refusal: the seat is not in a stage where the move exists. */
export const UNAVAILABLE = 'action/unavailable_move';

/** Plays a move that must succeed. */
export function ok(m: Match, seat: SeatId, move: string, ...args: unknown[]): void {
  const r = play(m, seat, move, ...args);
  expect(r.invalid, `${move}(${JSON.stringify(args)}) by ${seat} refused: ${r.errorType}`).toBe(false);
}

/**
 * The move is refused with one of `types`; G, ctx and the state id of the result are exactly as
 * before, and the match's own state was not touched.
 */
export function refused(m: Match, seat: SeatId, move: string, args: unknown[], types: string[] = [INVALID]): void {
  const G = structuredClone(m.state.G);
  const ctx = structuredClone(m.state.ctx);
  const next = m.reducer(m.state, moveAction(move, args, seat));
  expect(types, `${move}(${JSON.stringify(args)}) by ${seat}`).toContain(next.transients?.error?.type);
  expect(next.G).toEqual(G);
  expect(next.ctx).toEqual(ctx);
  expect(next._stateID).toBe(m.state._stateID);
  expect(m.state.G).toEqual(G);
}

/** Edits G in place on a copy, to construct a position (like a FEN in chess tests). */
export function setG(m: Match, edit: (G: GameState) => void): void {
  const G = structuredClone(m.state.G);
  edit(G);
  m.state = { ...m.state, G };
}

/**
 * Sets every track away from its bounds: Trust (also at the round's start) and Tension 5, Sanctions
 * 5 with 5 frozen and 2 in escrow, enrichment 1, stockpile 6, 4 centrifuges, access 1, three
 * detainees held on each side and none released. `over` gives a test's own values instead.
 */
export function midTracks(
  G: GameState,
  over: { trust?: number; tension?: number; sanctions?: Partial<GameState['sanctions']>; nuclear?: Partial<GameState['nuclear']> } = {},
): void {
  G.trust = over.trust ?? 5;
  G.trustAtRoundStart = G.trust;
  G.tension = over.tension ?? 5;
  G.sanctions = { level: 5, frozenAssets: 5, escrow: 2, ...over.sanctions };
  G.nuclear = { enrichment: 1, stockpile: 6, centrifuges: 4, access: 1, ...over.nuclear };
  G.detainees = { heldByIran: 3, heldByUS: 3, releasedByIran: 0, releasedByUS: 0 };
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

/** Anything that picks a move for a seat the way boardgame.io's bots do. */
export interface SeatBot {
  play(state: GameStateFull, playerID: string): Promise<{ action?: unknown }>;
}

/**
 * Plays a match to its end with `bot` at every seat. Which active seat moves next is drawn from
 * `pick`, so simultaneous negotiation is interleaved differently from game to game.
 * Throws if a bot proposes a move the reducer refuses, or if the game runs past `maxMoves`.
 */
export async function playOut(
  m: Match,
  bot: SeatBot,
  pick: (n: number) => number,
  inspect: (state: GameStateFull) => void = () => {},
  maxMoves = 2000,
): Promise<number> {
  let moves = 0;
  inspect(m.state);
  while (!m.state.ctx.gameover) {
    if (moves >= maxMoves) throw new Error(`no ending after ${maxMoves} moves`);
    const seats = Object.keys(active(m));
    if (seats.length === 0) throw new Error(`nobody can move in round ${m.state.G.round}`);
    const seat = seats[pick(seats.length)] as SeatId;
    const { action } = await bot.play(m.state, seat);
    if (!action) throw new Error(`bot proposed nothing for seat ${seat}`);
    const next = m.reducer(m.state, action);
    if (next.transients?.error)
      throw new Error(`illegal move proposed: ${JSON.stringify(action)} (${next.transients.error.type})`);
    m.state = next;
    moves += 1;
    inspect(m.state);
  }
  return moves;
}

/** A small seeded generator (mulberry32) for test-side choices. */
export function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Every line of the log, whoever may read it: each reader's lines in turn, each line once. */
export const everyLine = (G: Pick<GameState, 'log'>): LogEntry[] => [...new Set(READERS.flatMap((r) => logLines(G, r)))];
