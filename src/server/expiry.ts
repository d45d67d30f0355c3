/**
 * Expiry of abandoned matches. An unfinished match that nobody (no seat, no spectator) has a socket
 * on is deleted once `expireAfterMs` has passed since its last move (boardgame.io's
 * `metadata.updatedAt`, stamped on every move; creation counts as the first). Finished matches are
 * kept for the debrief. The sweep runs at start and every `everyMs`; its timer is unref'd, so it
 * never holds the process open. Each deletion runs on the match's lock and checks again there, so
 * a move or a sync that came first keeps the match.
 */
import type { Clock } from './limits';
import type { MatchLocks } from './lock';
import type { ServerLog } from './log';
import type { MatchStore } from './storage';

export interface ExpiryOptions {
  store: MatchStore;
  locks: MatchLocks;
  /** Whether anyone has a socket on the match. */
  watched: (matchID: string) => boolean;
  expireAfterMs: number;
  everyMs: number;
  log: ServerLog;
  now?: Clock;
}

export class ExpirySweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<string[]>;
  private readonly now: Clock;

  constructor(private readonly opts: ExpiryOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Sweeps now, then every `everyMs`. */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.sweep(), this.opts.everyMs).unref();
    await this.sweep();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Deletes every expired match; resolves with their ids. A sweep under way is joined, not doubled. */
  sweep(): Promise<string[]> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async expired(matchID: string): Promise<boolean> {
    const stored = await this.opts.store.current(matchID);
    if (!stored || stored.state.ctx.gameover !== undefined || stored.metadata.gameover !== undefined) return false;
    return this.now() - stored.metadata.updatedAt >= this.opts.expireAfterMs && !this.opts.watched(matchID);
  }

  private async run(): Promise<string[]> {
    const { store, locks, log } = this.opts;
    const gone: string[] = [];
    for (const matchID of await store.listMatches({ where: { isGameover: false } })) {
      if (!(await this.expired(matchID))) continue;
      try {
        const wiped = await locks.run(matchID, async () => {
          if (!(await this.expired(matchID))) return false;
          await store.wipe(matchID);
          return true;
        });
        if (wiped) gone.push(matchID);
      } catch (err) {
        log.fault('expiry', `to delete match ${matchID}`, err);
      }
    }
    if (gone.length) log.note(`[expiry] deleted ${gone.length} unfinished match${gone.length === 1 ? '' : 'es'} nobody had touched for ${Math.round(this.opts.expireAfterMs / 3_600_000)} hours`);
    return gone;
  }
}
