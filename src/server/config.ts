/**
 * The server's settings, read from the environment once at start. A bad value stops the server
 * with a message naming the variable.
 *
 *   PORT           port for the app, the Lobby API and the sockets (default 8000; 0 lets the OS pick)
 *   HOST           interface to bind (default: all)
 *   STORAGE        `sqlite` (default; `file` is the same) or `memory` (tests; nothing survives a restart)
 *   DATA_DIR       where `sqlite` storage keeps its database, `backchannel.sqlite` (default ./data)
 *   DATABASE_URL   a PostgreSQL URL: matches live there instead (several nodes may share it)
 *   REDIS_URL      a Redis URL: nodes tell each other's sockets of every change through it
 *   STATIC_DIR     the built client to serve (default ./dist; absent means no static files)
 *   ORIGINS        comma-separated origins allowed to call the Lobby API from another site
 *                  (default: localhost on any port unless NODE_ENV=production)
 *   MAX_PAYLOAD_BYTES  largest socket frame accepted (default 65536)
 *   BOT_DELAY_MS   pause before each server-side bot move, so people can follow (default 0)
 *   BOT_CLAIM_EVERY_MS  with DATABASE_URL: how often a node takes over the bots of matches whose
 *                  node died (default 5000)
 *
 * Limits on what anonymous clients can make the server keep (`limits`):
 *   MATCHES_PER_HOUR      matches one client address may create in any hour (default 60)
 *   BOT_MATCHES_PER_HOUR  of those, matches with server-side bot seats (default 20)
 *   CHAT_PER_MINUTE       chat lines one client address may send in any minute (default 60)
 *   EXPIRE_AFTER_HOURS    an unfinished match nobody is connected to is deleted this long after
 *                         its last move (default 168, a week); finished matches are kept
 *   SWEEP_EVERY_MINUTES   how often expired matches are looked for, and at start (default 60)
 *   LIST_PAGE_SIZE        most matches `GET /games/backchannel` lists at once (default 100)
 *   LOG_LINES_PER_MINUTE  log lines a minute for each kind of refusal or fault, then a count (default 20)
 *   TRUST_PROXY           `true` behind a reverse proxy: the client is the first X-Forwarded-For address
 * Per socket connection (each sync, and each refused move, sends a whole state back):
 *   SOCKET_SYNCS_PER_MINUTE, SOCKET_SYNC_BURST   syncs taken (default 30 a minute, 10 at once)
 *   SOCKET_MOVES_PER_MINUTE, SOCKET_MOVE_BURST   moves taken (default 600 a minute, 60 at once)
 *   SOCKET_BACKLOG_BYTES, SOCKET_BACKLOG_FRAMES  unsent frames queued before the connection is
 *                  dropped (default 4 MiB, 1000 frames; a late-game state is about 80 KB)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseWith } from '../protocol/problem';
import type { Backlog } from './backlog';
import type { Rate } from './limits';

export type StorageKind = 'sqlite' | 'memory' | 'postgres';

export interface ServerConfig {
  port: number;
  host?: string;
  storage: StorageKind;
  dataDir: string;
  /** With `storage: 'postgres'`. */
  databaseUrl?: string;
  redisUrl?: string;
  staticDir?: string;
  origins: (string | RegExp)[];
  maxPayloadBytes: number;
  botDelayMs: number;
  botClaimEveryMs: number;
  limits: ServerLimits;
  socketLimits: SocketLimits;
}

export interface ServerLimits {
  matchesPerHour: number;
  botMatchesPerHour: number;
  chatPerMinute: number;
  expireAfterMs: number;
  sweepEveryMs: number;
  listPageSize: number;
  logLinesPerMinute: number;
  trustProxy: boolean;
}

/** What one socket connection may send and have queued. */
export interface SocketLimits {
  sync: Rate;
  move: Rate;
  backlog: Backlog;
}

export const SOCKET_LIMITS: SocketLimits = {
  sync: { perMinute: 30, burst: 10 },
  move: { perMinute: 600, burst: 60 },
  backlog: { maxBytes: 4 * 1024 * 1024, maxFrames: 1000 },
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export class ConfigError extends Error {}

/** An unset or empty variable is absent. */
const absent = (raw: string | undefined): raw is undefined | '' => raw === undefined || raw === '';

const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .refine((raw) => absent(raw) || (Number.isInteger(Number(raw)) && Number(raw) >= min && Number(raw) <= max), {
      error: (issue) => `must be a whole number from ${min} to ${max}, not ${JSON.stringify(issue.input)}`,
    })
    .transform((raw) => (absent(raw) ? fallback : Number(raw)));

const ENV = z.object({
  PORT: wholeNumber(8000, 0, 65535),
  HOST: z.string().optional(),
  STORAGE: z
    .string()
    .optional()
    .transform((raw) => (raw || 'sqlite').toLowerCase())
    .pipe(z.enum(['sqlite', 'file', 'flatfile', 'memory'], { error: (issue) => `must be "sqlite" or "memory", not ${JSON.stringify(issue.input)}` }))
    .transform((kind): StorageKind => (kind === 'memory' ? 'memory' : 'sqlite')),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((raw) => absent(raw) || /^postgres(ql)?:\/\//.test(raw), { error: 'must be a postgres:// URL' }),
  REDIS_URL: z
    .string()
    .optional()
    .refine((raw) => absent(raw) || /^rediss?:\/\//.test(raw), { error: 'must be a redis:// URL' }),
  STATIC_DIR: z.string().optional(),
  ORIGINS: z.string().optional(),
  MAX_PAYLOAD_BYTES: wholeNumber(64 * 1024, 1024, 16 * 1024 * 1024),
  BOT_DELAY_MS: wholeNumber(0, 0, 60_000),
  BOT_CLAIM_EVERY_MS: wholeNumber(5000, 10, 3_600_000),
  SOCKET_SYNCS_PER_MINUTE: wholeNumber(SOCKET_LIMITS.sync.perMinute, 1, 1_000_000),
  SOCKET_SYNC_BURST: wholeNumber(SOCKET_LIMITS.sync.burst, 1, 1_000_000),
  SOCKET_MOVES_PER_MINUTE: wholeNumber(SOCKET_LIMITS.move.perMinute, 1, 1_000_000),
  SOCKET_MOVE_BURST: wholeNumber(SOCKET_LIMITS.move.burst, 1, 1_000_000),
  SOCKET_BACKLOG_BYTES: wholeNumber(SOCKET_LIMITS.backlog.maxBytes, 64 * 1024, 1024 * 1024 * 1024),
  SOCKET_BACKLOG_FRAMES: wholeNumber(SOCKET_LIMITS.backlog.maxFrames, 16, 1_000_000),
  NODE_ENV: z.string().optional(),
  MATCHES_PER_HOUR: wholeNumber(60, 1, 100_000),
  BOT_MATCHES_PER_HOUR: wholeNumber(20, 1, 100_000),
  CHAT_PER_MINUTE: wholeNumber(60, 1, 100_000),
  EXPIRE_AFTER_HOURS: wholeNumber(7 * 24, 1, 100 * 365 * 24),
  SWEEP_EVERY_MINUTES: wholeNumber(60, 1, 24 * 60),
  LIST_PAGE_SIZE: wholeNumber(100, 1, 1000),
  LOG_LINES_PER_MINUTE: wholeNumber(20, 0, 10_000),
  TRUST_PROXY: z
    .string()
    .optional()
    .pipe(z.enum(['', 'true', 'false'], { error: (issue) => `must be "true" or "false", not ${JSON.stringify(issue.input)}` }).optional())
    .transform((raw) => raw === 'true'),
});

const HOUR = 3_600_000;
const MINUTE = 60_000;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = parseWith(ENV, env);
  if (!parsed.ok) throw new ConfigError(parsed.problem.message);
  const { PORT, HOST, STORAGE, DATA_DIR, DATABASE_URL, REDIS_URL, STATIC_DIR, ORIGINS, MAX_PAYLOAD_BYTES, BOT_DELAY_MS, NODE_ENV } = parsed.value;
  const { MATCHES_PER_HOUR, BOT_MATCHES_PER_HOUR, CHAT_PER_MINUTE, EXPIRE_AFTER_HOURS, SWEEP_EVERY_MINUTES, LIST_PAGE_SIZE, LOG_LINES_PER_MINUTE, TRUST_PROXY } = parsed.value;
  const { SOCKET_SYNCS_PER_MINUTE, SOCKET_SYNC_BURST, SOCKET_MOVES_PER_MINUTE, SOCKET_MOVE_BURST, SOCKET_BACKLOG_BYTES, SOCKET_BACKLOG_FRAMES } = parsed.value;
  const origins = ORIGINS
    ? ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)
    : NODE_ENV === 'production'
      ? []
      : [LOCALHOST];
  return {
    port: PORT,
    host: HOST || undefined,
    storage: DATABASE_URL ? 'postgres' : STORAGE,
    dataDir: path.resolve(DATA_DIR || path.join(process.cwd(), 'data')),
    databaseUrl: DATABASE_URL || undefined,
    redisUrl: REDIS_URL || undefined,
    staticDir: STATIC_DIR === '' ? undefined : path.resolve(STATIC_DIR ?? path.join(root, 'dist')),
    origins,
    maxPayloadBytes: MAX_PAYLOAD_BYTES,
    botDelayMs: BOT_DELAY_MS,
    botClaimEveryMs: parsed.value.BOT_CLAIM_EVERY_MS,
    limits: {
      matchesPerHour: MATCHES_PER_HOUR,
      botMatchesPerHour: BOT_MATCHES_PER_HOUR,
      chatPerMinute: CHAT_PER_MINUTE,
      expireAfterMs: EXPIRE_AFTER_HOURS * HOUR,
      sweepEveryMs: SWEEP_EVERY_MINUTES * MINUTE,
      listPageSize: LIST_PAGE_SIZE,
      logLinesPerMinute: LOG_LINES_PER_MINUTE,
      trustProxy: TRUST_PROXY,
    },
    socketLimits: {
      sync: { perMinute: SOCKET_SYNCS_PER_MINUTE, burst: SOCKET_SYNC_BURST },
      move: { perMinute: SOCKET_MOVES_PER_MINUTE, burst: SOCKET_MOVE_BURST },
      backlog: { maxBytes: SOCKET_BACKLOG_BYTES, maxFrames: SOCKET_BACKLOG_FRAMES },
    },
  };
}
