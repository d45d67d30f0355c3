/** Hot-seat: one device passed from seat to seat; between two seats, no one's secrets are on screen. */
import { nextActiveSeat } from '../../game/stages';
import type { SeatId } from '../../game/types';
import type { SeatView } from '../engine';
import type { HotseatSlice, Slice } from './types';

export const hotseatSlice: Slice<HotseatSlice> = (set, get) => {
  /** Hands the device on from `seat`, unless the match is over or no other seat has anything to do. */
  const handOn = (seat: SeatId, view: SeatView | null) => {
    if (get().mode !== 'hotseat' || !view || view.ctx.gameover) return;
    const next = nextActiveSeat(view.ctx, seat);
    if (next !== null) get().handOver(next);
  };

  return {
    handOverTo: null,
    handOver(to) {
      get().mirror(null);
      // Notices may speak of the last seat's moves; they go with it.
      set({ handOverTo: to, counter: null, notices: [] });
    },
    handOverFirst() {
      const session = get().session;
      if (!session) return;
      const first = nextActiveSeat(session.view(session.humans[0])?.ctx ?? {}, null) ?? session.humans[0];
      get().handOver(first);
    },
    handOverIfIdle(seat, view) {
      if (get().seat !== seat || seat in (view?.ctx.activePlayers ?? {})) return;
      handOn(seat, view);
    },
    handOverAfterDone(seat) {
      if (get().handOverTo !== null) return;
      handOn(seat, get().session?.view(seat) ?? null);
    },
    reveal() {
      const to = get().handOverTo;
      if (to === null) return;
      set({ handOverTo: null });
      get().mirror(to);
    },
    passDevice() {
      const { seat, view } = get();
      const next = nextActiveSeat(view?.ctx ?? {}, seat);
      if (next === null || next === seat) {
        get().notify('info', 'No other seat has anything to do right now.');
        return;
      }
      get().handOver(next);
    },
  };
};
