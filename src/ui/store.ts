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
import type { Session } from './session/session';

export type Mode = 'solo' | 'hotseat';

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
  /** The seat whose screen is shown; null while a hot-seat device is being handed over. */
  seat: SeatId | null;
  /** Hot-seat: the seat asked to take the device and reveal its screen. */
  handOverTo: SeatId | null;
  bots: Partial<Record<SeatId, BotConfig>>;
  view: SeatView | null;
  notices: Notice[];
  /** The proposal being countered, prefilled into the builder. */
  counter: { id: number; draft: ProposalDraft } | null;
  startSolo(human: SeatId, bots: Partial<Record<SeatId, BotConfig>>, options: MatchOptions): Promise<void>;
  startHotseat(options: MatchOptions): Promise<void>;
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
  /** Mirrors `seat`'s client into the store, and only that one. */
  const mirror = (seat: SeatId | null) => {
    unsubscribe?.();
    unsubscribe = null;
    if (!session || seat === null) {
      set({ seat, view: null });
      return;
    }
    const s = session;
    const update = () => {
      const view = s.view(seat);
      set({ view });
      if (get().mode === 'hotseat') handOverIfIdle(seat, view);
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

  return {
    screen: 'start',
    mode: null,
    seat: null,
    handOverTo: null,
    bots: {},
    view: null,
    notices: [],
    counter: null,
    startSolo: (human, bots, options) => start('solo', [human], bots, options),
    startHotseat: (options) => start('hotseat', [...SEATS], {}, options),
    attach(next, mode, bots = {}) {
      session?.stop();
      session = next;
      set({ screen: 'game', mode, bots, counter: null, handOverTo: null });
      if (mode === 'solo') {
        mirror(next.humans[0]);
      } else {
        // Nobody's secrets are on screen until the first seat reveals.
        const first = nextActiveSeat(next.view(next.humans[0]), null) ?? next.humans[0];
        handOver(first);
      }
    },
    leave() {
      unsubscribe?.();
      unsubscribe = null;
      session?.stop();
      session = null;
      set({ screen: 'start', mode: null, seat: null, handOverTo: null, view: null, counter: null, bots: {} });
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
