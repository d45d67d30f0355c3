/** The focus to move once the next move is on screen (see `focus.ts`). */
import type { FocusSlice, Slice } from './types';

export const focusSlice: Slice<FocusSlice> = (set) => ({
  focusNext: null,
  focusAfterMove: (pick) => set({ focusNext: pick }),
});
