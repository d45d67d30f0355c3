/** The match on screen: starting one (its runtime loaded on demand), showing it, and leaving it. */
import { SEATS, type SeatId } from '../../game/types';
import type { Bots, MatchOptions, MatchSlice, Mode, Slice } from './types';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const matchSlice: Slice<MatchSlice> = (set, get) => {
  const start = async (mode: Mode, humans: SeatId[], bots: Bots, options: MatchOptions) => {
    set({ screen: 'loading' });
    try {
      // The match runtime (boardgame.io, engine, bots) loads only when a game starts.
      const { createSession } = await import('../session/session');
      get().attach(createSession({ ...options, humans, bots }), mode, bots);
    } catch (e) {
      set({ screen: 'start' });
      get().notify('error', `The game could not start: ${reason(e)}`);
    }
  };

  return {
    screen: 'start',
    mode: null,
    bots: {},
    players: {},
    session: null,
    startSolo: (human, bots, options) => start('solo', [human], bots, options),
    startHotseat: (options) => start('hotseat', [...SEATS], {}, options),
    async startOnline(me, bots) {
      set({ screen: 'loading' });
      try {
        // The socket client, the engine and boardgame.io load only when an online match starts.
        const { createOnlineSession } = await import('../online/session');
        const next = createOnlineSession({ me, notify: get().notify, onPlayers: (players) => set({ players }) });
        get().attach(next, 'online', bots);
      } catch (e) {
        set({ screen: 'start' });
        get().notify('error', `The match could not open: ${reason(e)}`);
      }
    },
    attach(next, mode, bots = {}) {
      get().session?.stop();
      set({ session: next, screen: 'game', mode, bots, counter: null, handOverTo: null });
      if (mode === 'solo') get().mirror(next.humans[0]);
      else if (mode === 'online') get().mirror(next.humans[0] ?? null, true);
      // Hot-seat: nobody's secrets are on screen until the first seat reveals.
      else get().handOverFirst();
    },
    leave() {
      const online = get().mode === 'online';
      get().close();
      if (online) get().go(null);
    },
    close() {
      get().unmirror?.();
      get().session?.stop();
      set({ session: null, unmirror: null, screen: 'start', mode: null, seat: null, handOverTo: null, view: null, counter: null, bots: {}, players: {} });
    },
  };
};
