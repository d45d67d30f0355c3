/**
 * A match running in this browser: boardgame.io's framework-agnostic clients on one `Local()`
 * master. Solo has one client for the human and bots in the master; hot-seat has one client per
 * seat, of which the UI mirrors only the seat that has revealed its screen.
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { scriptedBot, type BotClass, type BotConfig } from '../../bots';
import { Backchannel } from '../../game';
import type { MoveName } from '../../game/enumerate';
import { validateSetupData, type SetupData } from '../../game/setup';
import type { GameState } from '../../game/state';
import type { SeatId } from '../../game/types';
import type { SeatView } from '../engine';
import { rules } from '../rules';

export interface SessionOptions {
  seed: string;
  setupData?: SetupData;
  /** Seats played by people on this device. */
  humans: SeatId[];
  bots?: Partial<Record<SeatId, BotConfig>>;
}

export interface Session {
  /** Seats played from this device; none when watching. */
  readonly humans: SeatId[];
  /** A seat's view of the match; `null` asks for a spectator's (online only). */
  view(seat: SeatId | null): SeatView | null;
  subscribe(seat: SeatId | null, listener: () => void): () => void;
  move(seat: SeatId, name: MoveName, args: unknown[]): void;
  stop(): void;
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
 * so a bot holding an old one stands down quietly instead.
 */
function onlyWhenCurrent(Bot: BotClass, latest: () => number | undefined): BotClass {
  return class CurrentBot extends Bot {
    play(state: Parameters<InstanceType<BotClass>['play']>[0], playerID: string) {
      if (state._stateID !== latest()) return new Promise<never>(() => {});
      return Bot.prototype.play.call(this, state, playerID);
    }
  };
}

export function createSession({ seed, setupData, humans, bots }: SessionOptions): Session {
  const problem = validateSetupData(rules, setupData);
  if (problem) throw new Error(problem);
  // Local's master ignores setupData, so the scenario is bound into setup; a fresh game object
  // also gives this match its own master.
  const game = { ...Backchannel, seed, setup: (api: Parameters<NonNullable<typeof Backchannel.setup>>[0]) => Backchannel.setup!(api, setupData) };
  let latest: number | undefined;
  const botClasses = Object.fromEntries(Object.entries(bots ?? {}).map(([seat, config]) => [seat, onlyWhenCurrent(scriptedBot(config), () => latest)]));
  const multiplayer = Local(Object.keys(botClasses).length ? { bots: botClasses } : {});
  const clients = new Map(
    humans.map((seat) => [seat, Client<GameState>({ game, numPlayers: 3, playerID: seat, multiplayer, debug: false })]),
  );
  // Every client hears every update; the first one keeps the latest state's version for the bots.
  clients.get(humans[0])!.subscribe((s) => {
    latest = s?._stateID;
  });
  for (const client of clients.values()) client.start();
  const clientOf = (seat: SeatId | null) => {
    const client = seat === null ? undefined : clients.get(seat);
    if (!client) throw new Error(`Seat ${seat} is not played on this device.`);
    return client;
  };
  return {
    humans,
    view(seat) {
      const s = clientOf(seat).getState();
      return s ? { G: s.G, ctx: s.ctx, stateID: s._stateID } : null;
    },
    subscribe: (seat, listener) => clientOf(seat).subscribe(() => listener()),
    move: (seat, name, args) => clientOf(seat).moves[name](...args),
    stop: () => clients.forEach((c) => c.stop()),
  };
}
