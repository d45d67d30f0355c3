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
