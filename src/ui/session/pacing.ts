/**
 * The bots' pace in a game in this browser. boardgame.io's local master plays a bot 100 ms after
 * every change, so two bots used to play a whole round — rhetoric, leaks, Trust to 0 — before the
 * person had read its incident. Here a bot's move waits until the person has seen the round (said
 * so, or made a move in it), then a short delay, so that each bot move can be followed on screen.
 */
export interface Pacer {
  /** The last round the person has seen; bots wait in any later one. */
  seenRound(): number;
  /** The person has seen `round`: the bots waiting in it may go on. */
  see(round: number): void;
  /** Resolves when a bot may move in `round`: once it is seen, and the delay after that. */
  ready(round: number): Promise<void>;
}

/** `delay`: milliseconds before each bot move, read at each move so a change applies at once. */
export function createPacer(delay: () => number): Pacer {
  let seen = 0;
  let waiting: { round: number; go(): void }[] = [];
  return {
    seenRound: () => seen,
    see(round) {
      if (round <= seen) return;
      seen = round;
      const released = waiting.filter((w) => w.round <= seen);
      waiting = waiting.filter((w) => w.round > seen);
      for (const w of released) w.go();
    },
    async ready(round) {
      if (round > seen) await new Promise<void>((go) => waiting.push({ round, go }));
      const ms = delay();
      if (ms > 0) await new Promise((wake) => setTimeout(wake, ms));
    },
  };
}

/** The paces a player can pick on the start page, in milliseconds before each bot move. */
export const BOT_PACES = [
  { ms: 0, name: 'Instant' },
  { ms: 400, name: 'Quick (0.4 s a move)' },
  { ms: 900, name: 'Steady (0.9 s a move)' },
  { ms: 1800, name: 'Slow (1.8 s a move)' },
] as const;

export const DEFAULT_BOT_DELAY = 900;

/** The player's pick, kept in this browser for the next game. */
const KEY = 'backchannel.botDelay';

export function storedBotDelay(): number {
  try {
    const ms = Number(globalThis.localStorage?.getItem(KEY) ?? NaN);
    return BOT_PACES.some((p) => p.ms === ms) ? ms : DEFAULT_BOT_DELAY;
  } catch {
    return DEFAULT_BOT_DELAY;
  }
}

export function storeBotDelay(ms: number): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(ms));
  } catch {
    // Not kept: the next game starts at the default pace.
  }
}
