/**
 * The match on screen: starting one (its runtime loaded on demand), showing it, and leaving it. A
 * game played in this browser is saved after every move and can be resumed (`session/saved.ts`).
 */
import { totalRounds } from '../../game/calendar';
import { SEATS, type SeatId } from '../../game/types';
import { forgetGame, isReadable, newSavedId, playing, readGame, saveGame, savedGames, setPlaying, type SavedGame, type SavedMove } from '../session/saved';
import type { SeatView } from '../engine';
import type { Bots, MatchOptions, MatchSlice, Slice } from './types';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The start page's lists: the games to resume, and what is stored but cannot be read. */
const listed = (): Pick<MatchSlice, 'saved' | 'unreadable'> => {
  const { games, unreadable } = savedGames();
  return { saved: games, unreadable };
};

type LocalMode = SavedGame['mode'];

export const matchSlice: Slice<MatchSlice> = (set, get) => {
  /** Starts a game in this browser, or goes on with a saved one, saving it after every move under `id`. */
  const start = async (mode: LocalMode, humans: SeatId[], bots: Bots, options: MatchOptions, id = newSavedId(), replay: SavedMove[] = []) => {
    set({ screen: 'loading' });
    let warned = false;
    const onMoves = (moves: readonly SavedMove[], view: SeatView) => {
      // A finished game has nothing left to resume.
      if (view.ctx.gameover) forgetGame(id);
      else if (!saveGame({ id, mode, humans, bots, ...options, moves: [...moves], round: view.G.round, rounds: totalRounds(view.G.schedule) }) && !warned) {
        warned = true;
        get().notify('error', 'This browser would not store the game (its storage is full or turned off): a reload will lose it.');
      }
    };
    try {
      // The match runtime (boardgame.io, engine, bots) loads only when a game starts.
      const { createSession } = await import('../session/session');
      const botDelay = () => get().botDelay;
      get().attach(createSession({ ...options, humans, bots, replay, onMoves, botDelay }), mode, bots);
      setPlaying(id);
    } catch (e) {
      // Not again on the next reload: the start page's list says what is wrong with it.
      setPlaying(null);
      set({ screen: 'start', ...listed() });
      get().notify('error', replay.length ? `The saved game could not be resumed: ${reason(e)}.` : `The game could not start: ${reason(e)}`);
    }
  };

  return {
    screen: 'start',
    mode: null,
    bots: {},
    players: {},
    session: null,
    ...listed(),
    startSolo: (human, bots, options) => start('solo', [human], bots, options),
    startHotseat: (options) => start('hotseat', [...SEATS], {}, options),
    async resume(id) {
      const game = readGame(id);
      if (!game || !isReadable(game)) {
        set(listed());
        get().notify(
          'error',
          game
            ? `That saved game cannot be read (${game.problem}). It stays in this browser until you delete it.`
            : 'That saved game is no longer in this browser.',
        );
        return;
      }
      await start(game.mode, game.humans, game.bots, { seed: game.seed, setupData: game.setupData }, id, game.moves);
    },
    async resumeAfterReload() {
      const id = playing();
      if (id === null || get().screen !== 'start') return;
      // A finished or deleted game has no save left: the start page it is.
      if (readGame(id) === undefined) setPlaying(null);
      else await get().resume(id);
    },
    forget(id) {
      forgetGame(id);
      set(listed());
    },
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
      setPlaying(null);
      get().unmirror?.();
      get().session?.stop();
      set({ session: null, unmirror: null, screen: 'start', ...listed(), mode: null, seat: null, handOverTo: null, view: null, counter: null, bots: {}, players: {} });
    },
  };
};
