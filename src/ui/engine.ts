/**
 * The UI's one bridge to the rules engine's checks. They are typed on the full `GameState`, but on a
 * seat's `GameView` they read only the public board and that seat's own secrets, so the view stands in.
 */
import type { Ctx } from 'boardgame.io';
import type { GameOver } from '../game/endings';
import type { GameState } from '../game/state';
import { OK, type Verdict } from '../game/verdict';
import type { GameView } from '../game/view';

export type GameCtx = Ctx & { gameover?: GameOver };

/** What a seat's screen is drawn from: its own view of `G`, the shared `ctx`, and a version stamp. */
export interface SeatView {
  G: GameView;
  ctx: GameCtx;
  stateID: number;
}

export const asState = (G: GameView): GameState => G as unknown as GameState;

export const percent = (p: number) => `${Math.round(p * 100)} %`;

/** The first refusal among `verdicts`, or OK: a move the engine gates on several checks at once. */
export const allOf = (...verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.ok) ?? OK;
