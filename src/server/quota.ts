/**
 * How many matches a client may create: `matchesPerHour` in any hour, and of those
 * `botMatchesPerHour` with server-side bot seats, which cost the server a whole game's moves each.
 * Without it one client made 5,000 matches in 22 s and 200 all-bot matches; matches are kept for a
 * week (see `expiry.ts`), so what is created is what the server holds.
 */
import type { ClientAddress } from './address';
import { RateLimiter, type Clock } from './limits';

const HOUR = 3_600_000;

/** A refusal names the limit reached. */
export type CreationVerdict = { ok: true } | { ok: false; retryAfterMs: number; limit: 'matches' | 'bot-matches' };

export class CreationQuota {
  private readonly matches: RateLimiter;
  private readonly botMatches: RateLimiter;

  constructor(limits: { matchesPerHour: number; botMatchesPerHour: number }, now?: Clock) {
    this.matches = new RateLimiter({ max: limits.matchesPerHour, windowMs: HOUR }, now);
    this.botMatches = new RateLimiter({ max: limits.botMatchesPerHour, windowMs: HOUR }, now);
  }

  /** Counts a new match for `client` if both limits allow it; a refused one counts against neither. */
  take(client: ClientAddress, withBots: boolean): CreationVerdict {
    const botWait = withBots ? this.botMatches.wait(client) : 0;
    if (botWait > 0) return { ok: false, retryAfterMs: botWait, limit: 'bot-matches' };
    const verdict = this.matches.take(client);
    if (!verdict.ok) return { ...verdict, limit: 'matches' };
    if (withBots) this.botMatches.take(client);
    return verdict;
  }
}
