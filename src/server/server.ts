/**
 * The Backchannel server: one Node process, one port, serving the built client, boardgame.io's
 * Lobby API and its socket transport, with storage on disk and bot seats played on the server.
 * `main.ts` starts it from the environment; tests start it with a config of their own.
 */
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Server } from 'boardgame.io/server';
import { Backchannel } from '../game';
import { authenticateCredentials, newCredentials } from './auth';
import { BotRunner } from './bots';
import { PostgresBotClaims } from './claims';
import type { ServerConfig } from './config';
import { ExpirySweeper } from './expiry';
import { RateLimiter, type Clock } from './limits';
import { addListRoute } from './listing';
import { addCreateRoute, lobbyGuard, newMatchID } from './lobby';
import { MatchLocks } from './lock';
import { createLog } from './log';
import { CreationQuota } from './quota';
import { serveStatic } from './static';
import { createStorage } from './databases';
import type { MatchStore } from './storage';
import { RedisPubSub } from './redis';
import { channel, GuardedSocketIO, type Payload } from './transport';

export interface RunningServer {
  /** `http://host:port` as bound. */
  url: string;
  port: number;
  store: MatchStore;
  transport: GuardedSocketIO;
  bots: BotRunner;
  expiry: ExpirySweeper;
  /** Stops the bots, closes every socket and the HTTP server, and waits for pending writes. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (message: string) => void;
  /** The clock of the rate limits and of expiry (tests move it instead of waiting). */
  now?: Clock;
}

/**
 * boardgame.io's `run` hands its `port` as it is to Node's `server.listen`, which also takes
 * `{ port, host }`; only its type says number. That binds `HOST` without replacing `app.listen`.
 */
function listenOn(port: number, host: string | undefined): number {
  return (host === undefined ? port : { port, host }) as unknown as number;
}

export async function startServer(config: ServerConfig, opts: StartOptions = {}): Promise<RunningServer> {
  const { limits } = config;
  const log = createLog({ write: opts.log ?? ((m: string) => console.error(m)), perMinute: limits.logLinesPerMinute, now: opts.now });
  const games = [Backchannel];
  const store = createStorage(config, (m) => log.note(`[storage] ${m}`));
  const locks = new MatchLocks(store.repository.withMatchLock?.bind(store.repository));
  const pubSub = config.redisUrl ? new RedisPubSub<Payload>(config.redisUrl, (m) => log.note(`[redis] ${m}`)) : undefined;
  await pubSub?.connect();
  const chatLimit = new RateLimiter({ max: limits.chatPerMinute, windowMs: 60_000 }, opts.now);
  const transport = new GuardedSocketIO({
    store,
    locks,
    maxPayloadBytes: config.maxPayloadBytes,
    chatLimit,
    trustProxy: limits.trustProxy,
    limits: config.socketLimits,
    log,
    pubSub,
  });
  const server = Server({
    games,
    db: store,
    transport,
    origins: config.origins,
    uuid: newMatchID,
    authenticateCredentials,
    generateCredentials: newCredentials,
  });

  if (config.staticDir) {
    if (!existsSync(path.join(config.staticDir, 'index.html'))) log.note(`No built client in ${config.staticDir}: run "npm run build" to serve the game's pages.`);
    server.app.use(serveStatic(config.staticDir));
  }
  server.app.proxy = limits.trustProxy;
  const quota = new CreationQuota(limits, opts.now);
  server.app.use(lobbyGuard({ games, store, locks, quota, log, trustProxy: limits.trustProxy }));
  addCreateRoute(server.router, games, store);
  addListRoute(server.router, store, limits.listPageSize);

  // Where nodes share PostgreSQL, one of them drives each match's bots, told of every change by Redis.
  const claims = config.databaseUrl ? new PostgresBotClaims(config.databaseUrl) : undefined;
  const watcher = claims && config.redisUrl ? new RedisPubSub<Payload>(config.redisUrl, (m) => log.note(`[redis] ${m}`)) : undefined;
  await watcher?.connect();
  const bots = new BotRunner({
    store,
    transport,
    locks,
    game: Backchannel,
    delayMs: config.botDelayMs,
    log,
    shared: claims && {
      claims,
      watch: watcher && {
        subscribe: (matchID, onChange) => watcher.subscribe(channel(matchID), onChange),
        unsubscribeAll: (matchID) => watcher.unsubscribeAll(channel(matchID)),
      },
      claimEveryMs: config.botClaimEveryMs,
    },
  });
  const expiry = new ExpirySweeper({
    store,
    locks,
    watched: (matchID) => transport.hasClients(matchID),
    expireAfterMs: limits.expireAfterMs,
    everyMs: limits.sweepEveryMs,
    log,
    now: opts.now,
  });
  const { appServer } = await server.run({ port: listenOn(config.port, config.host) });
  transport.attach(appServer);
  // Before the bots wake: an expired match is not worth a move.
  await expiry.start();
  await bots.start();

  const address = appServer.address() as AddressInfo;
  const host = config.host ?? 'localhost';
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    store,
    transport,
    bots,
    expiry,
    stop: () =>
      (stopping ??= (async () => {
        bots.stop();
        expiry.stop();
        // Drop keep-alive and polling connections at once: waiting for browsers to hang up
        // could hold a SIGTERM for minutes.
        const closing = transport.close();
        appServer.closeAllConnections?.();
        await closing;
        await new Promise<void>((resolve) => {
          appServer.close(() => resolve());
          appServer.closeAllConnections?.();
        });
        await locks.settled();
        await store.close();
        await Promise.all([pubSub?.close(), watcher?.close(), claims?.close()]);
        log.close();
      })()),
  };
}
