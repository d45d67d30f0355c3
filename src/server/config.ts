/**
 * The server's settings, read from the environment once at start. A bad value stops the server
 * with a message naming the variable.
 *
 *   PORT           port for the app, the Lobby API and the sockets (default 8000; 0 lets the OS pick)
 *   HOST           interface to bind (default: all)
 *   STORAGE        `file` (default; `flatfile` is the same) or `memory` (tests; nothing survives a restart)
 *   DATA_DIR       where `file` storage keeps matches (default ./data)
 *   STATIC_DIR     the built client to serve (default ./dist; absent means no static files)
 *   ORIGINS        comma-separated origins allowed to call the Lobby API from another site
 *                  (default: localhost on any port unless NODE_ENV=production)
 *   MAX_PAYLOAD_BYTES  largest socket frame accepted (default 65536)
 *   BOT_DELAY_MS   pause before each server-side bot move, so people can follow (default 0)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type StorageKind = 'file' | 'memory';

export interface ServerConfig {
  port: number;
  host?: string;
  storage: StorageKind;
  dataDir: string;
  staticDir?: string;
  origins: (string | RegExp)[];
  maxPayloadBytes: number;
  botDelayMs: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}.`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const storageRaw = (env.STORAGE ?? 'file').toLowerCase();
  const storage: StorageKind | undefined = storageRaw === 'file' || storageRaw === 'flatfile' ? 'file' : storageRaw === 'memory' ? 'memory' : undefined;
  if (!storage) throw new ConfigError(`STORAGE must be "file" or "memory", not ${JSON.stringify(env.STORAGE)}.`);
  const origins = env.ORIGINS
    ? env.ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)
    : env.NODE_ENV === 'production'
      ? []
      : [LOCALHOST];
  return {
    port: integer(env, 'PORT', 8000, 0, 65535),
    host: env.HOST || undefined,
    storage,
    dataDir: path.resolve(env.DATA_DIR || path.join(process.cwd(), 'data')),
    staticDir: env.STATIC_DIR === '' ? undefined : path.resolve(env.STATIC_DIR ?? path.join(root, 'dist')),
    origins,
    maxPayloadBytes: integer(env, 'MAX_PAYLOAD_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    botDelayMs: integer(env, 'BOT_DELAY_MS', 0, 0, 60_000),
  };
}
