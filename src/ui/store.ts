/**
 * The UI's single store: a zustand mirror of the boardgame.io client that the screen shows, plus
 * what only the UI knows (which seat is revealed, notices, a counter-proposal being drafted).
 * Components select the slices they need; moves go through `send`, which checks them first.
 */
import { create } from 'zustand';
import type { BotConfig } from '../bots/config';
import type { MoveName } from '../game/enumerate';
import type { SetupData } from '../game/setup';
import type { ProposalDraft } from '../game/state';
import { SEATS, type SeatId } from '../game/types';
import type { Verdict } from '../game/verdict';
import type { SeatView } from './engine';
import { hrefOf, parseRoute, type OnlineRoute } from './online/links';
import type { Me } from './online/state';
import type { Session } from './session/session';

export type Mode = 'solo' | 'hotseat' | 'online';

/** Who plays a seat online, as the server reports it. */
export interface SeatPlayer {
  name?: string;
  connected?: boolean;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface MatchOptions {
  seed: string;
  setupData?: SetupData;
}

export interface UIState {
  screen: 'start' | 'loading' | 'game';
  mode: Mode | null;
  /** The seat whose screen is shown; null while a hot-seat device is being handed over, or when watching online. */
  seat: SeatId | null;
  /** Hot-seat: the seat asked to take the device and reveal its screen. */
  handOverTo: SeatId | null;
  bots: Partial<Record<SeatId, BotConfig>>;
  view: SeatView | null;
  notices: Notice[];
  /** The proposal being countered, prefilled into the builder. */
  counter: { id: number; draft: ProposalDraft } | null;
  /** Online: the match, seat or table the address names (see `online/links.ts`); null on the start page. */
  route: OnlineRoute | null;
  /** Online: the people at the table, by seat. */
  players: Partial<Record<SeatId, SeatPlayer>>;
  /** Goes to an online address (or the start page), in the browser's history too. */
  go(route: OnlineRoute | null, opts?: { replace?: boolean }): void;
  /** Follows the address after the browser's Back or Forward; leaves an online match on screen. */
  syncRoute(): void;
  startSolo(human: SeatId, bots: Partial<Record<SeatId, BotConfig>>, options: MatchOptions): Promise<void>;
  startHotseat(options: MatchOptions): Promise<void>;
  /** Connects to a match on the game server as `me` (a seat, or a spectator). */
  startOnline(me: Me, bots: Partial<Record<SeatId, BotConfig>>): Promise<void>;
  /** Puts a running session on screen (the start actions use it; tests call it directly). */
  attach(session: Session, mode: Mode, bots?: Partial<Record<SeatId, BotConfig>>): void;
  leave(): void;
  reveal(): void;
  passDevice(): void;
  /** Sends a move if `verdict` allows it; says why not otherwise, or if the game did not take it. */
  send(name: MoveName, args: unknown[], verdict: Verdict, label: string): boolean;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
  setCounter(counter: UIState['counter']): void;
}

let session: Session | null = null;
let unsubscribe: (() => void) | null = null;
let nextNotice = 1;

/** The next seat after `from` that the round is waiting for, in table order; `from` itself last. */
function nextActiveSeat(view: SeatView | null, from: SeatId | null): SeatId | null {
  const active = view?.ctx.activePlayers ?? {};
  const start = from === null ? -1 : SEATS.indexOf(from);
  const order = [1, 2, 3].map((k) => SEATS[(start + k) % SEATS.length]);
  return order.find((s) => s in active) ?? null;
}

export const useGame = create<UIState>((set, get) => {
  /** Mirrors `seat`'s client into the store, and only that one; a spectator's with `watching`. */
  const mirror = (seat: SeatId | null, watching = false) => {
    unsubscribe?.();
    unsubscribe = null;
    if (!session || (seat === null && !watching)) {
      set({ seat, view: null });
      return;
    }
    const s = session;
    const update = () => {
      const view = s.view(seat);
      set({ view });
      if (get().mode === 'hotseat' && seat !== null) handOverIfIdle(seat, view);
    };
    unsubscribe = s.subscribe(seat, update);
    set({ seat });
    update();
  };

  /** Hot-seat: once the revealed seat has nothing left to do, the device goes to the next seat. */
  const handOverIfIdle = (seat: SeatId, view: SeatView | null) => {
    if (!view || view.ctx.gameover || get().seat !== seat) return;
    if (seat in (view.ctx.activePlayers ?? {})) return;
    const next = nextActiveSeat(view, seat);
    if (next !== null) handOver(next);
  };

  const handOver = (to: SeatId) => {
    mirror(null);
    // Notices may speak of the last seat's moves; they go with it.
    set({ handOverTo: to, counter: null, notices: [] });
  };

  const start = async (mode: Mode, humans: SeatId[], bots: Partial<Record<SeatId, BotConfig>>, options: MatchOptions) => {
    set({ screen: 'loading' });
    try {
      // The match runtime (boardgame.io, engine, bots) loads only when a game starts.
      const { createSession } = await import('./session/session');
      get().attach(createSession({ ...options, humans, bots }), mode, bots);
    } catch (e) {
      set({ screen: 'start' });
      get().notify('error', `The game could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const stop = () => {
    unsubscribe?.();
    unsubscribe = null;
    session?.stop();
    session = null;
    set({ screen: 'start', mode: null, seat: null, handOverTo: null, view: null, counter: null, bots: {}, players: {} });
  };

  return {
    screen: 'start',
    mode: null,
    seat: null,
    handOverTo: null,
    bots: {},
    view: null,
    notices: [],
    counter: null,
    route: typeof window === 'undefined' ? null : parseRoute(window.location.search),
    players: {},
    go(route, opts = {}) {
      set({ route });
      if (typeof window === 'undefined') return;
      const href = hrefOf(route);
      if (href === window.location.pathname + window.location.search) return;
      if (opts.replace) window.history.replaceState(null, '', href);
      else window.history.pushState(null, '', href);
    },
    syncRoute() {
      const route = parseRoute(window.location.search);
      // A change of the hash alone is no new address.
      if (hrefOf(route) === hrefOf(get().route)) return;
      if (get().mode === 'online') stop();
      set({ route });
    },
    startSolo: (human, bots, options) => start('solo', [human], bots, options),
    startHotseat: (options) => start('hotseat', [...SEATS], {}, options),
    async startOnline(me, bots) {
      set({ screen: 'loading' });
      try {
        // The socket client, the engine and boardgame.io load only when an online match starts.
        const { createOnlineSession } = await import('./online/session');
        const next = createOnlineSession({ me, notify: get().notify, onPlayers: (players) => set({ players }) });
        get().attach(next, 'online', bots);
      } catch (e) {
        set({ screen: 'start' });
        get().notify('error', `The match could not open: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    attach(next, mode, bots = {}) {
      session?.stop();
      session = next;
      set({ screen: 'game', mode, bots, counter: null, handOverTo: null });
      if (mode === 'solo') {
        mirror(next.humans[0]);
      } else if (mode === 'online') {
        mirror(next.humans[0] ?? null, true);
      } else {
        // Nobody's secrets are on screen until the first seat reveals.
        const first = nextActiveSeat(next.view(next.humans[0]), null) ?? next.humans[0];
        handOver(first);
      }
    },
    leave() {
      const online = get().mode === 'online';
      stop();
      if (online) get().go(null);
    },
    reveal() {
      const to = get().handOverTo;
      if (to === null) return;
      set({ handOverTo: null });
      mirror(to);
    },
    passDevice() {
      const { seat, view } = get();
      const next = nextActiveSeat(view, seat);
      if (next === null || next === seat) {
        get().notify('info', 'No other seat has anything to do right now.');
        return;
      }
      handOver(next);
    },
    send(name, args, verdict, label) {
      const seat = get().seat;
      if (!verdict.ok) {
        get().notify('error', `${label}: ${verdict.reason}`);
        return false;
      }
      if (!session || seat === null) {
        get().notify('error', `${label}: no game is running.`);
        return false;
      }
      if (session.remote) {
        // Online, the server answers later: a refusal comes back as a notice from the session.
        if (!session.remote.isConnected()) {
          get().notify('error', `${label}: the connection to the game server is down. Wait until it is back, then try again.`);
          return false;
        }
        session.remote.sending(label);
        session.move(seat, name, args);
        return true;
      }
      const before = session.view(seat)?.stateID;
      session.move(seat, name, args);
      // The local master answers synchronously, so an unchanged state means the move was refused.
      if (session.view(seat)?.stateID === before) {
        get().notify('error', `${label}: the game did not accept this move. Check the board and try again.`);
        return false;
      }
      // Hot-seat: a seat that is done hands the device on, even when its Done opened a new round.
      const after = session.view(seat);
      if (name === 'done' && get().mode === 'hotseat' && get().handOverTo === null && after && !after.ctx.gameover) {
        const next = nextActiveSeat(after, seat);
        if (next !== null) handOver(next);
      }
      return true;
    },
    notify(kind, text) {
      const id = nextNotice++;
      set((s) => ({ notices: [...s.notices.slice(-2), { id, kind, text }] }));
    },
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    setCounter: (counter) => set({ counter }),
  };
});
