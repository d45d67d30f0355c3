/**
 * Replayed moves. Every Backchannel move ignores stale state ids (the seats act at once), so the
 * state id alone cannot tell a second copy of a frame from a new move: a double click, or a
 * flaky network sending a frame twice, would play it twice. boardgame.io's client sends a move as
 * `(action, stateID, matchID, playerID)` and bumps its own state id only for moves it can run
 * itself, so two sends of one secret move (`client: false`) look the same. A seat's move is taken
 * as a replay when the seat already played the same move with the same arguments against the same
 * state id within the last `REPLAY_WINDOW_MS`.
 */
import { createHash } from 'node:crypto';
import type { UpdateFrame } from '../protocol/frames';

/** Long enough for any resend or double click; short enough to keep the memory small. */
export const REPLAY_WINDOW_MS = 60_000;
/** A hard cap on remembered moves, whatever the rate. */
const MAX_REMEMBERED = 100_000;

const keyOf = ({ matchID, playerID, stateID, action }: UpdateFrame) =>
  `${matchID}/${playerID}/${stateID}/${action.payload.type}/${createHash('sha256').update(JSON.stringify(action.payload.args)).digest('base64url')}`;

export class RecentMoves {
  /** Key → when it was played; a Map keeps insertion order, so the oldest come first. */
  private readonly played = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  isReplay(frame: UpdateFrame): boolean {
    const at = this.played.get(keyOf(frame));
    return at !== undefined && this.now() - at < REPLAY_WINDOW_MS;
  }

  /** Notes a move the match took. */
  remember(frame: UpdateFrame): void {
    const t = this.now();
    for (const [key, at] of this.played) {
      if (t - at < REPLAY_WINDOW_MS && this.played.size < MAX_REMEMBERED) break;
      this.played.delete(key);
    }
    this.played.set(keyOf(frame), t);
  }
}
