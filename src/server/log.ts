/**
 * The server's log. A refused request is one line (what was refused, from whom, and the problem's
 * code and sentence: never the request's arguments, which may be a seat's secret move), and a
 * fault is one line with its stack. Both are limited per kind — a kind is a source and a code, such
 * as `transport update invalid-move` — to `perMinute` lines a minute; what is held back is counted
 * and reported in one summary line, so a flood of a thousand clients writes a few dozen lines.
 */
import { RateLimiter, type Clock } from './limits';

export interface ServerLog {
  /** A refused request of a kind; `line` says what and from whom. */
  refused(kind: string, line: string): void;
  /** A real fault: the server failed, not the client. */
  fault(kind: string, line: string, err: unknown): void;
  /** A line about the server itself (not limited: the server writes these, not clients). */
  note(line: string): void;
  /** Writes the summaries due, and stops the timer that writes them. */
  close(): void;
}

export interface LogOptions {
  write: (line: string) => void;
  /** Lines a minute for each kind (0: none, only the summaries). */
  perMinute: number;
  now?: Clock;
}

const MINUTE = 60_000;

export function createLog({ write, perMinute, now = Date.now }: LogOptions): ServerLog {
  const limiter = new RateLimiter({ max: perMinute, windowMs: MINUTE }, now);
  /** Lines held back per kind since the kind's last summary, and what happened (`refused`, `failed`). */
  const held = new Map<string, { verb: string; count: number }>();
  const summarise = (kind: string) => {
    const { verb, count } = held.get(kind) ?? { count: 0 };
    if (!count) return;
    held.delete(kind);
    write(`[${kind}] ${verb} ${count} more time${count === 1 ? '' : 's'} in the last minute, not shown`);
  };
  const limited = (kind: string, verb: string, line: () => string) => {
    if (perMinute > 0 && limiter.take(kind).ok) {
      summarise(kind);
      write(`[${kind}] ${verb} ${line()}`);
    } else {
      held.set(kind, { verb, count: (held.get(kind)?.count ?? 0) + 1 });
    }
  };
  const flush = () => {
    for (const kind of held.keys()) if (perMinute === 0 || limiter.wait(kind) === 0) summarise(kind);
  };
  // A flood that stops is still counted once a minute has passed; unref'd, it holds no process open.
  const timer = setInterval(flush, MINUTE).unref();
  return {
    refused: (kind, line) => limited(kind, 'refused', () => line),
    fault: (kind, line, err) => limited(kind, 'failed', () => `${line}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    note: write,
    close: () => {
      clearInterval(timer);
      for (const kind of held.keys()) summarise(kind);
    },
  };
}
