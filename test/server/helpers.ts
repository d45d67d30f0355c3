/**
 * Helpers for the server tests: a real server on loopback (in this process, or as a child process
 * that can be killed), boardgame.io clients and raw sockets connected to it, and waiting for a
 * condition instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { LobbyClient } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { io, type Socket } from 'socket.io-client';
import { Backchannel } from '../../src/game';
import type { GameState } from '../../src/game/state';
import { SOCKET_LIMITS, type ServerConfig, type ServerLimits } from '../../src/server/config';
import type { Clock } from '../../src/server/limits';
import { scriptedBot } from '../../src/bots';
import type { BotConfig } from '../../src/bots/config';
import type { BotSeats } from '../../src/protocol/lobby';
import { GAME_NAME } from '../../src/protocol/match';
import { REFUSED_EVENT, type Refusal, type Reply } from '../../src/protocol/refusals';
import { startServer, type RunningServer } from '../../src/server/server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const GAME = GAME_NAME;

export function tempDir(prefix = 'bc-server-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 20_000, every = 5): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

export interface TestServer extends RunningServer {
  logs: string[];
}

/** Limits no test reaches unless it sets one: every test's client is 127.0.0.1. */
const TEST_LIMITS: ServerLimits = {
  matchesPerHour: 100_000,
  botMatchesPerHour: 100_000,
  chatPerMinute: 100_000,
  expireAfterMs: 7 * 24 * 3_600_000,
  sweepEveryMs: 3_600_000,
  listPageSize: 1000,
  logLinesPerMinute: 10_000,
  trustProxy: false,
};

/**
 * Socket rate limits no test reaches unless it sets them (the flood test sets the real ones):
 * scripted bots move as fast as the server answers, and a whole match from one socket would
 * otherwise spend the move budget on a slow machine and be refused at random.
 */
const UNLIMITED = { perMinute: 1_000_000, burst: 1_000_000 };
const TEST_SOCKET_LIMITS = { ...SOCKET_LIMITS, sync: UNLIMITED, move: UNLIMITED };

export type TestConfig = Partial<Omit<ServerConfig, 'limits'>> & { limits?: Partial<ServerLimits> };

/**
 * A server in this process on 127.0.0.1 and a port the OS picks; memory storage unless told.
 * `now` is the clock of its rate limits and expiry.
 */
export async function startTestServer({ limits, ...config }: TestConfig = {}, now?: Clock): Promise<TestServer> {
  const logs: string[] = [];
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      storage: 'memory',
      dataDir: path.join(os.tmpdir(), 'bc-unused'),
      staticDir: undefined,
      origins: [],
      maxPayloadBytes: 64 * 1024,
      botDelayMs: 0,
      botClaimEveryMs: 100,
      socketLimits: TEST_SOCKET_LIMITS,
      ...config,
      limits: { ...TEST_LIMITS, ...limits },
    },
    { log: (m) => logs.push(m), now },
  );
  return Object.assign(server, { logs });
}

/** A line logging a client's refused request: the lobby's or the transport's. */
export const REFUSED_LINE = /^\[(lobby|transport) [^\]]+\] refused /;

/** What the server logged besides client requests it refused: failures, which a test expects none of. */
export const faultsOf = (server: TestServer): string[] => server.logs.filter((l) => !REFUSED_LINE.test(l));

export const lobbyOf = (url: string) => new LobbyClient({ server: url });

export interface Seat {
  playerID: string;
  credentials: string;
}

/** Creates a match and joins the given seats (all three by default). */
export async function createMatch(
  url: string,
  opts: { bots?: BotSeats; join?: string[]; setupData?: object } = {},
): Promise<{ matchID: string; seats: Record<string, Seat> }> {
  const lobby = lobbyOf(url);
  const { matchID } = await lobby.createMatch(GAME, { numPlayers: 3, bots: opts.bots, setupData: opts.setupData });
  const seats: Record<string, Seat> = {};
  for (const playerID of opts.join ?? ['0', '1', '2']) {
    const { playerCredentials } = await lobby.joinMatch(GAME, matchID, { playerID, playerName: `Player ${playerID}` });
    seats[playerID] = { playerID, credentials: playerCredentials };
  }
  return { matchID, seats };
}

const fastReconnect = { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 300 };

export type GameClient = ReturnType<typeof Client<GameState>>;

/** A boardgame.io client for a seat (or a spectator with `playerID` null), started. */
export function gameClient(url: string, matchID: string, playerID: string | null, credentials?: string): GameClient {
  const client = Client<GameState>({
    game: Backchannel,
    numPlayers: 3,
    matchID,
    playerID: playerID ?? undefined,
    credentials,
    debug: false,
    multiplayer: SocketIO({ server: url, socketOpts: fastReconnect }),
  });
  client.start();
  return client;
}

/** The socket under a boardgame.io client (to watch raw frames). */
export const socketOf = (client: GameClient): Socket => (client as unknown as { transport: { socket: Socket } }).transport.socket;

/** A raw socket.io connection to the game's namespace, connected. */
export async function rawSocket(url: string): Promise<Socket> {
  const socket = io(`${url}/${GAME}`, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A client WebSocket text frame; masked with a zero key, which leaves the payload as it is. */
function wsFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  if (n >= 65536) throw new Error('frame too long for this client');
  const head = n < 126 ? Buffer.from([0x81, 0x80 | n]) : Buffer.from([0x81, 0x80 | 126, n >> 8, n & 0xff]);
  return Buffer.concat([head, Buffer.alloc(4), payload]);
}

export interface UnreadingSocket {
  /** Sends a socket.io event without an acknowledgement. */
  emit(event: string, ...args: unknown[]): void;
  close(): void;
}

/**
 * A socket.io client that sends and never reads: socket.io's protocol over a WebSocket spoken by
 * hand on a TCP socket, which stops reading once its namespace is connected, so whatever the
 * server sends it piles up on the server's side.
 */
export async function unreadingSocket(url: string): Promise<UnreadingSocket> {
  const { hostname, port } = new URL(url);
  const tcp = net.connect({ host: hostname, port: Number(port) });
  const nsp = `/${GAME}`;
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    let upgraded = false;
    const onData = (d: Buffer) => {
      seen += d.toString('latin1');
      if (!upgraded && seen.includes('\r\n\r\n')) {
        if (!seen.startsWith('HTTP/1.1 101')) return reject(new Error(`no upgrade: ${seen.slice(0, 200)}`));
        upgraded = true;
        tcp.write(wsFrame(`40${nsp},`));
      }
      // The namespace's connect packet: `40/backchannel,{"sid":…}`.
      if (upgraded && seen.includes(`40${nsp},{`)) {
        tcp.off('data', onData);
        tcp.pause();
        resolve();
      }
    };
    tcp.on('data', onData);
    tcp.once('error', reject);
    tcp.once('connect', () =>
      tcp.write(
        `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
  });
  tcp.on('error', () => undefined);
  return {
    emit: (event, ...args) => void tcp.write(wsFrame(`42${nsp},${JSON.stringify([event, ...args])}`)),
    close: () => void tcp.destroy(),
  };
}

/** Emits with an acknowledgement; the server answers every frame it takes in. */
export async function ask(socket: Socket, event: string, ...args: unknown[]): Promise<Reply> {
  return (await socket.timeout(10_000).emitWithAck(event, ...args)) as Reply;
}

/** The full stored state of a match. */
export async function storedState(server: RunningServer, matchID: string): Promise<State<GameState>> {
  const { state } = await server.store.fetch(matchID, { state: true });
  return state as State<GameState>;
}

/** The server as a child process (`node --import tsx src/server/main.ts`), for kill tests. */
export class ChildServer {
  private child?: ChildProcess;
  output = '';
  url = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(port = 0): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), STATIC_DIR: '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${this.output}`))));
    const listening = waitFor(() => /listening on (http:\/\/\S+)/.exec(this.output)?.[1], `the server to listen:\n${this.output}`, 30_000);
    this.url = await Promise.race([listening, exited]);
    exited.catch(() => undefined);
    return this.url;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** SIGKILL, and wait until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await gone;
  }
}

export function activeSeats(state: { ctx: { activePlayers: Record<string, string> | null; currentPlayer: string } }): string[] {
  return state.ctx.activePlayers ? Object.keys(state.ctx.activePlayers).sort() : [state.ctx.currentPlayer];
}

/**
 * Plays with scripted bots on the seats' own clients: each decides from its client's state (what
 * the server sent that seat) and moves through the client, one seat at a time in turn, waiting
 * for every client to hear the server's answer. Stops at the end, or after `moves` moves.
 */
export async function playWithClientBots(
  clients: Record<string, GameClient>,
  opts: { moves?: number; config?: BotConfig; seed?: string; timeout?: number } = {},
): Promise<{ moves: number; state: State<GameState> }> {
  const seats = Object.keys(clients).sort();
  const heard: Record<string, number> = {};
  const refusals: Refusal[] = [];
  for (const seat of seats) {
    const socket = socketOf(clients[seat]);
    const note = (_m: string, s: { _stateID: number } | { state: { _stateID: number } }) =>
      (heard[seat] = '_stateID' in s ? s._stateID : s.state._stateID);
    socket.on('update', note);
    socket.on('sync', note);
    socket.on(REFUSED_EVENT, (r: Refusal) => refusals.push(r));
    const now = clients[seat].getState();
    if (now) heard[seat] = now._stateID;
  }
  const config = opts.config ?? { personality: 'pragmatist', difficulty: 'expert' };
  const bots = Object.fromEntries(seats.map((s) => [s, new (scriptedBot(config))({ enumerate: Backchannel.ai!.enumerate, seed: `${opts.seed ?? 'client'}/${s}` })]));
  const settled = (after: number) => () => {
    if (refusals.length) throw new Error(`the server refused a bot's move: ${JSON.stringify(refusals)}`);
    const ids = seats.map((s) => clients[s].getState()?._stateID);
    return ids.every((id, i) => id !== undefined && id > after && id === heard[seats[i]] && id === ids[0]) ? { id: ids[0]! } : undefined;
  };
  let { id: stateID } = await waitFor(settled(-1), 'every client to sync', opts.timeout);
  let last = seats[seats.length - 1];
  let moves = 0;
  for (;;) {
    const state = clients[seats[0]].getState()! as unknown as State<GameState>;
    if (state.ctx.gameover !== undefined || (opts.moves !== undefined && moves >= opts.moves)) return { moves, state };
    const active = activeSeats(state).filter((s) => seats.includes(s));
    if (active.length === 0) throw new Error(`nobody can move at state ${stateID}`);
    const seat = active.find((s) => Number(s) > Number(last)) ?? active[0];
    const mine = clients[seat].getState()! as unknown as State<GameState>;
    const { action } = await bots[seat].play(mine, seat);
    const { type, args } = (action as { payload: { type: string; args: unknown[] } }).payload;
    clients[seat].moves[type](...(args ?? []));
    ({ id: stateID } = await waitFor(settled(stateID), `the server's answer to seat ${seat}'s ${type}`, opts.timeout));
    last = seat;
    moves += 1;
  }
}

/**
 * Plays one seat from its client with a scripted bot while others (server bots, other seats) move
 * too: whenever the seat may act and its state, or a refusal, is new since its last try. Resolves
 * with the refusals it got once `done` holds for the client's state, or the match has ended.
 */
export async function playAlongside(
  client: GameClient,
  seat: string,
  opts: { done?: (state: State<GameState>) => boolean; seed?: string; timeout?: number; what?: string } = {},
): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  socketOf(client).on(REFUSED_EVENT, (r: Refusal) => refusals.push(r));
  const bot = new (scriptedBot({ personality: 'pragmatist', difficulty: 'expert' }))({ enumerate: Backchannel.ai!.enumerate, seed: opts.seed ?? seat });
  let tried = -1;
  let seenRefusals = 0;
  await waitFor(
    async () => {
      const state = client.getState() as unknown as State<GameState> | null;
      if (!state) return false;
      if (state.ctx.gameover !== undefined || opts.done?.(state)) return true;
      if (!activeSeats(state).includes(seat) || (state._stateID === tried && refusals.length === seenRefusals)) return false;
      tried = state._stateID;
      seenRefusals = refusals.length;
      const { action } = await bot.play(state, seat);
      const { type, args } = (action as { payload: { type: string; args: unknown[] } }).payload;
      client.moves[type](...(args ?? []));
      return false;
    },
    opts.what ?? `seat ${seat} to play on`,
    opts.timeout ?? 100_000,
  );
  return refusals;
}
