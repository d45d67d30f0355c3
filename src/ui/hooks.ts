/** Store selectors for the game screen, which renders only while a seat's view is in the store. */
import type { SeatId } from '../game/types';
import type { GameView } from '../game/view';
import type { GameCtx } from './engine';
import { useGame } from './store';

/** A slice of the shown seat's `G`. Select the smallest slice a component needs. */
export const useG = <T,>(pick: (G: GameView) => T): T => useGame((s) => pick(s.view!.G));

export const useCtx = (): GameCtx => useGame((s) => s.view!.ctx);

/** The seat on screen. */
export const useSeat = (): SeatId => useGame((s) => s.seat!);

export const useSend = () => useGame((s) => s.send);
