/**
 * A match running in this browser: boardgame.io's framework-agnostic clients on one `Local()`
 * master, one client per seat. The UI mirrors only the seats people play (solo: one; hot-seat: the
 * seat that has revealed its screen); in solo the bots play in the master. Every seat has a client
 * because boardgame.io's log shows each seat its own secret moves only: together they record every
 * move, which is what a saved game replays (see `saved.ts`).
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { scriptedBot, type BotClass, type BotConfig } from '../../bots';
import { Backchannel } from '../../game';
import type { MoveName } from '../../game/enumerate';
import { validateSetupData, type SetupData } from '../../game/setup';
import type { GameState } from '../../game/state';
import { SEATS, type SeatId } from '../../game/types';
import type { SeatView } from '../engine';
import { rules } from '../rules';
import { createPacer, type Pacer } from './pacing';
import type { SavedMove } from './saved';

export interface SessionOptions {
  seed: string;
  setupData?: SetupData;
  /** Seats played by people on this device. */
  humans: SeatId[];
  bots?: Partial<Record<SeatId, BotConfig>>;
  /** A saved game's moves, replayed before play goes on; a move the engine refuses stops the start. */
  replay?: readonly SavedMove[];
  /**
   * With bots: milliseconds before each bot move, and the bots wait for the person to see each
   * round (see `pacing.ts`). Without it they move at boardgame.io's own pace.
   */
  botDelay?: () => number;
  /** Hears every move the master takes (people's and bots'), once it is on every client: the moves so far, in order. */
  onMoves?(moves: readonly SavedMove[], view: SeatView): void;
}

export interface Session {
  /** Seats played from this device; none when watching. */
  readonly humans: SeatId[];
  /** A seat's view of the match; `null` asks for a spectator's (online only). */
  view(seat: SeatId | null): SeatView | null;
  subscribe(seat: SeatId | null, listener: () => void): () => void;
  move(seat: SeatId, name: MoveName, args: unknown[]): void;
  stop(): void;
  /** Set when bots wait for the person (`botDelay`): which round they have seen, and seeing one. */
  readonly pace?: Pick<Pacer, 'seenRound' | 'see'>;
  /**
   * Set when the match runs on a server: a move's answer arrives later, so the store cannot see a
   * refusal at once. It says which move is on its way; the session reports a refusal as a notice.
   */
  readonly remote?: {
    isConnected(): boolean;
    sending(label: string): void;
  };
}

/**
 * LocalMaster plays a bot on a 100 ms timer with the state it had when the timer was set, and logs
 * an error when another move has landed meanwhile. A newer state always schedules a fresh bot turn,
 * so a bot holding an old one (after waiting for its pace, too) stands down quietly instead, as
 * does one whose match has stopped.
 */
function onlyWhenCurrent(Bot: BotClass, latest: () => number | undefined, pacer: Pacer | undefined): BotClass {
  return class CurrentBot extends Bot {
    async play(state: Parameters<InstanceType<BotClass>['play']>[0], playerID: string) {
      await pacer?.ready(state.G.round);
      if (state._stateID !== latest()) return new Promise<never>(() => {});
      return Bot.prototype.play.call(this, state, playerID);
    }
  };
}

export function createSession({ seed, setupData, humans, bots, replay = [], botDelay, onMoves }: SessionOptions): Session {
  const problem = validateSetupData(rules, setupData);
  if (problem) throw new Error(problem);
  // Local's master ignores setupData, so the scenario is bound into setup; a fresh game object
  // also gives this match its own master.
  const game = { ...Backchannel, seed, setup: (api: Parameters<NonNullable<typeof Backchannel.setup>>[0]) => Backchannel.setup!(api, setupData) };
  let latest: number | undefined;
  const pacer = botDelay && Object.keys(bots ?? {}).length ? createPacer(botDelay) : undefined;
  const botClasses = Object.fromEntries(Object.entries(bots ?? {}).map(([seat, config]) => [seat, onlyWhenCurrent(scriptedBot(config), () => latest, pacer)]));
  const multiplayer = Local(Object.keys(botClasses).length ? { bots: botClasses } : {});
  const clients = new Map(SEATS.map((seat) => [seat, Client<GameState>({ game, numPlayers: 3, playerID: seat, multiplayer, debug: false })]));
  // Every client hears every update; the first one keeps the latest state's version for the bots.
  clients.get(humans[0])!.subscribe((s) => {
    latest = s?._stateID;
  });
  const viewOf = (seat: SeatId): SeatView | null => {
    const s = clients.get(seat)!.getState();
    return s ? { G: s.G, ctx: s.ctx, stateID: s._stateID } : null;
  };
  // The moves by the state they were played on: each seat's client reads its own from the log.
  const played = new Map<number, SavedMove>();
  let reporting = false;
  let stopped = false;
  const report = () => {
    reporting = false;
    // A stopped match (left, or a replay that failed) must not write over its save.
    const view = stopped ? null : viewOf(humans[0]);
    if (view) onMoves?.([...played.keys()].sort((a, b) => a - b).map((id) => played.get(id)!), view);
  };
  for (const [seat, client] of clients) {
    let seen = 0;
    client.subscribe((s) => {
      const log = s?.log ?? [];
      for (const e of log.slice(seen))
        if (e.action.type === 'MAKE_MOVE' && !e.automatic && e.action.payload.playerID === seat)
          played.set(e._stateID, [seat, e.action.payload.type, e.action.payload.args ?? []]);
      seen = log.length;
      // Once every client has this update (the master tells them one by one), and once per update.
      if (onMoves && !reporting) {
        reporting = true;
        queueMicrotask(report);
      }
    });
  }
  const stop = () => {
    stopped = true;
    // A bot still waiting for its pace must find its state out of date.
    latest = undefined;
    clients.forEach((c) => c.stop());
  };
  /** A person's move shows they have seen the round it is played in. */
  const seenBy = (seat: SeatId) => {
    const round = clients.get(seat)!.getState()?.G.round;
    if (humans.includes(seat) && round !== undefined) pacer?.see(round);
  };
  for (const client of clients.values()) client.start();
  // The local master answers at once, so each replayed move has landed, or been refused, on return.
  replay.forEach(([seat, name, args], i) => {
    const client = clients.get(seat)!;
    const before = client.getState()?._stateID;
    seenBy(seat);
    client.moves[name]?.(...args);
    if (client.getState()?._stateID !== before) return;
    stop();
    throw new Error(`move ${i + 1} of ${replay.length} (${name}) is refused by this version of the game`);
  });
  const clientOf = (seat: SeatId | null) => {
    if (seat === null || !humans.includes(seat)) throw new Error(`Seat ${seat} is not played on this device.`);
    return clients.get(seat)!;
  };
  const humanSeat = (seat: SeatId | null): SeatId => clientOf(seat).playerID as SeatId;
  return {
    humans,
    view: (seat) => viewOf(humanSeat(seat)),
    subscribe: (seat, listener) => clientOf(seat).subscribe(() => listener()),
    move: (seat, name, args) => {
      seenBy(seat);
      clientOf(seat).moves[name](...args);
    },
    stop,
    pace: pacer,
  };
}
