/**
 * Rate limits. `RateLimiter`, keyed by a client: at most `max` events in any `windowMs` (a sliding
 * window, so there is no burst of twice the limit across a window's edge). Each key keeps the
 * times of its last `max` events, so memory is bounded by the keys seen in the last window; keys
 * idle for a whole window are dropped. The clock is injected, so tests move time instead of
 * waiting. `TokenBucket`, one per connection: a burst at once, then a steady rate.
 */

export type Clock = () => number;

export interface Limit {
  max: number;
  windowMs: number;
}

/** `retryAfterMs`: how long until the key may act again. */
export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  /** Per key, the times of its recent events, oldest first. */
  private readonly hits = new Map<string, number[]>();
  private prunedAt: number;

  constructor(
    readonly limit: Limit,
    private readonly now: Clock = Date.now,
  ) {
    this.prunedAt = now();
  }

  /** Counts one event for `key` if the limit allows it. */
  take(key: string): Verdict {
    const now = this.now();
    this.prune(now);
    const times = this.recent(key, now);
    const wait = this.waitIn(times, now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    times.push(now);
    this.hits.set(key, times);
    return { ok: true };
  }

  /** How long until `key` may act (0: now), without counting anything. */
  wait(key: string): number {
    const now = this.now();
    return this.waitIn(this.recent(key, now), now);
  }

  /** The key's events within the window ending `now`; older ones are forgotten. */
  private recent(key: string, now: number): number[] {
    const since = now - this.limit.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length > 0) this.hits.set(key, times);
    else this.hits.delete(key);
    return times;
  }

  /** Until the oldest of the last `max` events leaves the window, if there are `max` of them. */
  private waitIn(times: number[], now: number): number {
    if (times.length < this.limit.max) return 0;
    return times[times.length - this.limit.max] + this.limit.windowMs - now;
  }

  /** How many keys are tracked (for tests of the memory bound). */
  get size(): number {
    return this.hits.size;
  }

  /** Once a window, forgets keys with no event in the last window. */
  private prune(now: number): void {
    if (now - this.prunedAt < this.limit.windowMs) return;
    this.prunedAt = now;
    for (const [key, times] of this.hits) if (times[times.length - 1] <= now - this.limit.windowMs) this.hits.delete(key);
  }
}

/**
 * A token bucket: a connection may send `burst` frames of a kind at once, then `perMinute` a
 * minute on average. The socket transport keeps one per connection for syncs and one for moves,
 * because each costs a full state to send back (a refused move re-syncs its sender).
 */
export interface Rate {
  perMinute: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst;
    this.at = now();
  }

  /** Takes one token if there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.at) * this.rate.perMinute) / 60_000);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
