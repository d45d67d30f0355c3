/** What the UI's screens are drawn from, and small helpers for the engine's verdicts. */
import type { Ctx } from 'boardgame.io';
import type { GameOver } from '../game/endings';
import { OK, type Verdict } from '../game/verdict';
import type { GameView } from '../game/view';

export type GameCtx = Ctx & { gameover?: GameOver };

/** What a seat's screen is drawn from: its own view of `G`, the shared `ctx`, and a version stamp. */
export interface SeatView {
  G: GameView;
  ctx: GameCtx;
  stateID: number;
}

export const percent = (p: number) => `${Math.round(p * 100)} %`;

/** The first refusal among `verdicts`, or OK: a move the engine gates on several checks at once. */
export const allOf = (...verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.ok) ?? OK;
