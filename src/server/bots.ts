/**
 * Server-side bot seats. A match created with `bots` (see `src/protocol/lobby.ts`) has those seats taken by
 * scripted bots: the create route gives each bot seat a name and credentials, and records the
 * configuration in the match's metadata (`metadata.bots`), which the storage persists with the
 * match, so bots resume after a restart.
 *
 * The runner listens to the storage: after every stored state of a match with bot seats, it queues
 * one step on the match's lock (the same lock socket moves take). A step asks the first active bot
 * seat (in turn after the last one that moved) for a move, decided from the full state through the
 * bot's own `playerView`, and plays it through boardgame.io's master with the seat's credentials,
 * like any client's move; the stored result triggers the next step. Steps yield to the event loop
 * between moves, so bots never starve the sockets. A bot whose move the rules refuse says Done; if
 * even that is refused the seat is left alone until the match changes.
 */
import type { Game, Server, State } from 'boardgame.io';
import { scriptedBot } from '../bots';
import type { MoveAction } from '../protocol/frames';
import { botSeatsSchema, type BackchannelMatchData, type BotSeats } from '../protocol/lobby';
import { seatOf } from './auth';
import type { BotClaims } from './claims';
import type { MatchLocks } from './lock';
import type { ServerLog } from './log';
import type { MatchStore } from './storage';
import type { GuardedSocketIO } from './transport';

/** The bot seats recorded in a match's metadata (re-checked: storage is data, not trusted code). */
export function botSeatsOf(metadata: Server.MatchData): BotSeats {
  const parsed = botSeatsSchema.safeParse((metadata as BackchannelMatchData).bots ?? {});
  return parsed.success ? parsed.data : {};
}

function activeSeats(state: State): string[] {
  const { activePlayers, currentPlayer } = state.ctx;
  return activePlayers ? Object.keys(activePlayers) : [currentPlayer];
}

export interface BotRunnerOptions {
  store: MatchStore;
  transport: GuardedSocketIO;
  locks: MatchLocks;
  game: Game;
  /** Pause before each bot move. */
  delayMs?: number;
  log: ServerLog;
  /** Where several nodes share the database: only the node that claims a match drives its bots. */
  shared?: SharedBots;
}

export interface SharedBots {
  claims: BotClaims;
  /** Calls `onChange` whenever any node changes the match (nothing if this node alone does). */
  watch?: { subscribe(matchID: string, onChange: () => void): void; unsubscribeAll(matchID: string): void };
  /** How often matches nobody drives (their node died) are claimed. */
  claimEveryMs: number;
}

export class BotRunner {
  private readonly scheduled = new Set<string>();
  private readonly lastMover = new Map<string, string>();
  /** `matchID` → `stateID/seat` of a bot seat that could not move in that state. */
  private readonly stuck = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout | NodeJS.Immediate>();
  private unsubscribe?: () => void;
  private stopped = false;
  private readonly opts: Omit<Required<BotRunnerOptions>, 'shared'> & Pick<BotRunnerOptions, 'shared'>;
  /** Matches whose bots this node drives, and matches it is asking for, where nodes share them. */
  private readonly owned = new Set<string>();
  private readonly claiming = new Set<string>();
  private sweeper?: NodeJS.Timeout;

  constructor(opts: BotRunnerOptions) {
    this.opts = { delayMs: 0, ...opts };
  }

  /** Starts listening, and wakes the bots of every unfinished match already stored. */
  async start(): Promise<void> {
    this.unsubscribe = this.opts.store.onStateChange((matchID, _state, metadata) => this.poke(matchID, metadata));
    await this.wakeAll();
    if (this.opts.shared) this.sweeper = setInterval(() => void this.wakeAll(), this.opts.shared.claimEveryMs).unref();
  }

  private async wakeAll(): Promise<void> {
    try {
      for (const { matchID, metadata } of await this.opts.store.list({ where: { isGameover: false } })) this.poke(matchID, metadata);
    } catch (err) {
      this.opts.log.fault('bots', 'to list the matches with bots', err);
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.sweeper);
    this.unsubscribe?.();
    for (const t of this.timers) {
      clearTimeout(t as NodeJS.Timeout);
      clearImmediate(t as NodeJS.Immediate);
    }
    this.timers.clear();
  }

  /** Queues one bot step for the match (its latest metadata given), unless one is already waiting. */
  poke(matchID: string, metadata: Readonly<Server.MatchData>): void {
    if (this.stopped || this.scheduled.has(matchID)) return;
    if (metadata.gameover !== undefined) {
      this.lastMover.delete(matchID);
      this.stuck.delete(matchID);
      return this.disown(matchID);
    }
    if (Object.keys(botSeatsOf(metadata)).length === 0) return;
    if (this.opts.shared && !this.owned.has(matchID)) return this.adopt(matchID, this.opts.shared);
    this.scheduled.add(matchID);
    const run = () => {
      this.timers.delete(timer);
      if (this.stopped) return;
      this.opts.locks
        .run(matchID, () => {
          this.scheduled.delete(matchID);
          return this.step(matchID);
        })
        .catch((err: unknown) => {
          this.scheduled.delete(matchID);
          this.opts.log.fault('bots', `to step match ${matchID}`, err);
        });
    };
    const timer = this.opts.delayMs > 0 ? setTimeout(run, this.opts.delayMs) : setImmediate(run);
    this.timers.add(timer);
  }

  /** Drives the match's bots from now on if no other node does. */
  private adopt(matchID: string, shared: SharedBots): void {
    if (this.claiming.has(matchID)) return;
    this.claiming.add(matchID);
    shared.claims
      .claim(matchID)
      .then(async (mine) => {
        if (!mine || this.stopped) return;
        this.owned.add(matchID);
        shared.watch?.subscribe(matchID, () => void this.wake(matchID));
        return this.wake(matchID);
      })
      .catch((err: unknown) => this.opts.log.fault('bots', `to claim the bots of ${matchID}`, err))
      .finally(() => this.claiming.delete(matchID));
  }

  private disown(matchID: string): void {
    if (!this.owned.delete(matchID)) return;
    this.opts.shared?.watch?.unsubscribeAll(matchID);
    this.opts.shared?.claims.release(matchID).catch((err: unknown) => this.opts.log.fault('bots', `to let go of the bots of ${matchID}`, err));
  }

  /** Pokes the match with its metadata as stored. */
  private async wake(matchID: string): Promise<void> {
    try {
      const current = await this.opts.store.current(matchID);
      if (current) this.poke(matchID, current.metadata);
    } catch (err) {
      this.opts.log.fault('bots', `to read match ${matchID}`, err);
    }
  }

  private async step(matchID: string): Promise<void> {
    if (this.stopped) return;
    const { state, metadata } = (await this.opts.store.current(matchID)) ?? {};
    if (!state || !metadata || state.ctx.gameover !== undefined) {
      this.lastMover.delete(matchID);
      this.stuck.delete(matchID);
      return;
    }
    const bots = botSeatsOf(metadata);
    const active = activeSeats(state)
      .filter((s) => s in bots)
      .sort((a, b) => Number(a) - Number(b));
    if (active.length === 0) return;
    // Take turns: start with the first active bot seat after the one that moved last.
    const last = Number(this.lastMover.get(matchID) ?? -1);
    const start = Math.max(0, active.findIndex((s) => Number(s) > last));
    const order = active.slice(start).concat(active.slice(0, start));
    for (const seat of order) {
      const mark = `${state._stateID}/${seat}`;
      if (this.stuck.get(matchID) === mark) continue;
      const credentials = seatOf(metadata, seat)?.credentials;
      if (!credentials) continue;
      const Bot = scriptedBot(bots[seat as keyof BotSeats]!);
      const bot = new Bot({ enumerate: this.opts.game.ai!.enumerate, seed: `${matchID}/${seat}/${state._stateID}` });
      const { action } = await bot.play(state, seat);
      const payload = (action as { payload: { type: string; args?: unknown[] } }).payload;
      const move = (type: string, args: unknown[]): MoveAction => ({ type: 'MAKE_MOVE', payload: { type, args, playerID: seat, credentials } });
      const outcome = await this.opts.transport.applyMove(matchID, move(payload.type, payload.args ?? []), state._stateID);
      if (outcome === 'advanced') {
        this.lastMover.set(matchID, seat);
        this.stuck.delete(matchID);
        return;
      }
      // Another writer moved first: decide again on what it stored.
      if (outcome === 'conflict') return this.poke(matchID, metadata);
      // The move's name only: its arguments may be the seat's secret (a card, a compliance choice).
      this.opts.log.refused('bots invalid-move', `bot seat ${seat}'s ${payload.type} in match ${matchID}; it says Done.`);
      if (payload.type !== 'done' && (await this.opts.transport.applyMove(matchID, move('done', []), state._stateID)) === 'advanced') {
        this.lastMover.set(matchID, seat);
        return;
      }
      this.stuck.set(matchID, mark);
      this.opts.log.refused('bots stuck', `bot seat ${seat}'s done in match ${matchID}, state ${state._stateID}; it waits for the match to change.`);
    }
  }
}
