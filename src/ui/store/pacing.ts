/** The bots' pace in a solo game: how long each bot move waits, and the round the person has seen. */
import { storeBotDelay, storedBotDelay } from '../session/pacing';
import type { PacingSlice, Slice } from './types';

export const pacingSlice: Slice<PacingSlice> = (set, get) => ({
  botDelay: storedBotDelay(),
  seenRound: 0,
  setBotDelay(ms) {
    storeBotDelay(ms);
    set({ botDelay: ms });
  },
  seeRound() {
    const { session, view } = get();
    if (!session?.pace || !view) return;
    session.pace.see(view.G.round);
    set({ seenRound: session.pace.seenRound() });
  },
});
