/**
 * The socket transport: boardgame.io's `SocketIO` with its event handling replaced by a guarded
 * one. Every frame is checked (`guard.ts`) and rebuilt from its checked parts, then checked against
 * the match (it exists; the seat exists; the credentials are the seat's; the seat can act; the move
 * is one of the game's) before boardgame.io's `Master` sees it. A refused frame gets a reason
 * (`src/protocol/refusals.ts`: an ack reply, or a `backchannel:refused` event) and the match is untouched.
 *
 * Where boardgame.io 0.50.2's own transport and master fall short, this one:
 * - takes only moves (`MAKE_MOVE`) of the frame's own seat: the stock master dispatches whatever
 *   action it is sent, so a seat could send `UPDATE` with a whole new state, `endGame`, or act as
 *   another seat by naming it in the action;
 * - takes only the game's own move names: boardgame.io finds a move with `in`, so `constructor`
 *   runs `Object` as a move and makes G whatever it returns;
 * - never creates a match on demand when a socket syncs to an unknown id;
 * - runs everything that touches a match (moves, syncs, connection changes, the lobby's writes,
 *   the server-side bots) one at a time on that match's lock, so no write overwrites another;
 * - stores and broadcasts a move only if the match advanced (the stock master stores a refused
 *   move's state, plugin runtime objects and all), and broadcasts it only once stored, so what a
 *   client has seen survives a crash; a refused move's sender alone is re-synced;
 * - filters the `initialState` a sync carries through `playerView` (boardgame.io sends it whole:
 *   every seat's agendas and hand, the decks and the random seed), and names other seats' secret
 *   moves `secret` in the action log (boardgame.io blanks only their arguments);
 * - limits each connection's syncs and moves (`limits.ts`) and what may queue unsent for it
 *   (`backlog.ts`): each sync, and each refused move, sends a whole state back;
 * - refuses a state id ahead of the match's, and takes a replayed move once (`replay.ts`): every
 *   move ignores stale state ids, so the id cannot tell a replay from a new move;
 * - drops a seat's sockets from the seat the moment its credentials change in the store (the seat
 *   left, was taken by someone else, or had its key reset), so they hear none of its secrets after.
 * It uses socket.io 4 (with `maxHttpBufferSize`), attached to the HTTP server boardgame.io's `run`
 * makes, and sends a seat what `filter.ts` lets it see, encoded by `encoder.ts`.
 */
import type { Game, LogEntry, Server as BgioServer, State } from 'boardgame.io';
import { ProcessGameConfig } from 'boardgame.io/internal';
import { Master } from 'boardgame.io/master';
import { SocketIO, type GenericPubSub } from 'boardgame.io/server';
import type http from 'node:http';
import { Server as IOServer, type Socket } from 'socket.io';
import type { MoveAction } from '../protocol/frames';
import { problem, type Problem } from '../protocol/problem';
import { REFUSED_EVENT, refusal, type RefusalCode, type Reply } from '../protocol/refusals';
import { clientAddress, type ClientAddress } from './address';
import { isAuthentic, seatOf } from './auth';
import { boundBacklog, dropConnection } from './backlog';
import type { SocketLimits } from './config';
import { textParser } from './encoder';
import { seatFilter, type Filter } from './filter';
import { parseChat, parseSync, parseUpdate, splitAck } from './guard';
import type { RateLimiter } from './limits';
import { TokenBucket } from './limits';
import type { MatchLocks } from './lock';
import type { ServerLog } from './log';
import { RecentMoves } from './replay';
import type { Current, MatchStore } from './storage';

type MasterTransport = ConstructorParameters<typeof Master>[2];
export type Payload = Parameters<MasterTransport['sendAll']>[0];
type ProcessedGame = ReturnType<typeof ProcessGameConfig>;

interface Client {
  socket: Socket;
  matchID: string;
  /** `null` for a spectator. */
  playerID: string | null;
  credentials?: string;
  game: ProcessedGame;
  filter: Filter;
  /** Broadcasts heard between subscribing and sending the socket its sync, sent after it. */
  held?: Payload[];
}

/**
 * boardgame.io's pub/sub; across nodes (`redis.ts`) also told when a subscription is confirmed
 * and when a lost connection is back.
 */
export type PubSub = GenericPubSub<Payload> & {
  subscribed?(channel: string): Promise<void>;
  onReconnect?(listener: () => void): void;
};

export interface TransportOptions {
  store: MatchStore;
  /** The lock the lobby and the server bots also take. */
  locks: MatchLocks;
  maxPayloadBytes: number;
  /** Chat lines per client address. */
  chatLimit: RateLimiter;
  /** Whether the client is the first `X-Forwarded-For` address (behind a reverse proxy). */
  trustProxy: boolean;
  log: ServerLog;
  limits: SocketLimits;
  /** In memory unless given: one node. */
  pubSub?: PubSub;
}

/** What one connection may still send. */
interface Budget {
  sync: TokenBucket;
  move: TokenBucket;
}

const KNOWN_EVENTS = new Set(['update', 'sync', 'chat']);

/** What playing a move came to: stored and sent, refused by the rules, or beaten by another writer. */
export type MoveOutcome = 'advanced' | 'refused' | 'conflict';

/** How often a move is run again after another writer committed first, before it is refused. */
const COMMIT_TRIES = 3;

class Refused extends Error {
  constructor(readonly problem: Problem<RefusalCode>) {
    super(problem.message);
  }
}
const refuse = (code: RefusalCode, message: string): never => {
  throw new Refused(problem(code, message));
};

export class GuardedSocketIO extends SocketIO {
  io?: IOServer;
  private readonly store: MatchStore;
  private readonly maxPayloadBytes: number;
  private origins: (string | RegExp)[] = [];
  private readonly log: ServerLog;
  private readonly chatLimit: RateLimiter;
  private readonly trustProxy: boolean;
  private readonly games = new Map<string, { game: ProcessedGame; filter: Filter }>();
  private readonly clients = new Map<string, Client>();
  private readonly rooms = new Map<string, Set<string>>();
  private readonly locks: MatchLocks;
  private readonly limits: SocketLimits;
  private readonly recent = new RecentMoves();

  private readonly subscribed: (channel: string) => Promise<void>;

  constructor(opts: TransportOptions) {
    super(opts.pubSub ? { pubSub: opts.pubSub } : {});
    this.subscribed = (c) => opts.pubSub?.subscribed?.(c) ?? Promise.resolve();
    opts.pubSub?.onReconnect?.(() => this.resyncAll());
    this.store = opts.store;
    this.locks = opts.locks;
    this.maxPayloadBytes = opts.maxPayloadBytes;
    this.log = opts.log;
    this.chatLimit = opts.chatLimit;
    this.trustProxy = opts.trustProxy;
    this.limits = opts.limits;
    this.store.onMetadataChange((matchID, metadata) => {
      this.revokeStale(matchID, metadata);
      // Other nodes' sockets on the match check their credentials again too.
      if (opts.pubSub) this.pubSub.publish(channel(matchID), { type: METADATA_CHANGED, args: [matchID] } as unknown as Payload);
    });
  }

  /**
   * Called by boardgame.io's `Server` with the app and its games. Unlike the stock transport, it
   * does not wrap `app.listen` to make the HTTP server: `attach` takes the server `run` made.
   */
  init(_app: BgioServer.App, games: Game[], origins: NonNullable<Parameters<SocketIO['init']>[2]> = []): void {
    for (const g of games) {
      const game = ProcessGameConfig(g);
      this.games.set(game.name!, { game, filter: seatFilter(game) });
    }
    this.origins = origins as (string | RegExp)[];
  }

  /** Serves the games' sockets on `server`: call it as soon as boardgame.io's `run` has listened. */
  attach(server: http.Server): void {
    const io = new IOServer(server, {
      maxHttpBufferSize: this.maxPayloadBytes,
      pingTimeout: 20_000,
      pingInterval: 10_000,
      serveClient: false,
      parser: textParser,
      cors: { origin: this.origins },
    });
    this.io = io;
    for (const [name, { game, filter }] of this.games) {
      io.of(`/${name}`).on('connection', (socket) => this.connect(socket, game, filter));
    }
  }

  /** Closes every socket; the HTTP server is closed by boardgame.io's `kill` or by the caller. */
  async close(): Promise<void> {
    if (!this.io) return;
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io!.close(() => resolve()));
  }

  /** Whether anyone, a seat or a spectator, has a socket on the match. */
  hasClients(matchID: string): boolean {
    return (this.rooms.get(matchID)?.size ?? 0) > 0;
  }

  private connect(socket: Socket, game: ProcessedGame, filter: Filter): void {
    const address = clientAddress(socket.request, this.trustProxy);
    boundBacklog(socket, this.limits.backlog, ({ bytes, frames }) => {
      this.log.note(`[transport] dropped connection ${socket.id}: ${frames} frames (${bytes} bytes) queued unsent`);
      dropConnection(socket);
    });
    const budget: Budget = { sync: new TokenBucket(this.limits.sync), move: new TokenBucket(this.limits.move) };
    const on = (event: string, handler: (args: unknown[]) => Promise<void>) => {
      socket.on(event, (...raw: unknown[]) => {
        const { args, ack } = splitAck(raw);
        const reply = (r: Reply) => {
          if (ack) ack(r);
          else if (!r.ok) socket.emit(REFUSED_EVENT, r);
        };
        handler(args).then(
          () => reply({ ok: true }),
          (err: unknown) => {
            if (err instanceof Refused) {
              // The problem's sentence, never the frame's arguments: a move's may be a seat's secret.
              this.log.refused(`transport ${event} ${err.problem.code}`, `${event} from ${address}: ${err.problem.message}`);
              return reply(refusal(event, err.problem));
            }
            this.log.fault(`transport ${event}`, 'to handle it', err);
            reply(refusal(event, problem('internal', 'The server failed to handle this; nothing was changed.')));
          },
        );
      });
    };

    on('update', (args) => this.onUpdate(socket, game, filter, budget, args));
    on('sync', (args) => this.onSync(socket, game, filter, budget, args));
    on('chat', (args) => this.onChat(game, address, args));
    socket.onAny((event: unknown, ...raw: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      const { ack } = splitAck(raw);
      const r = refusal(String(event), problem('unknown-event', `The server takes update, sync and chat, not ${JSON.stringify(event)}.`));
      if (ack) ack(r);
      else socket.emit(REFUSED_EVENT, r);
    });
    socket.on('disconnect', () => this.onDisconnect(socket));
  }

  private async onUpdate(socket: Socket, game: ProcessedGame, filter: Filter, budget: Budget, args: unknown[]): Promise<void> {
    const parsed = parseUpdate(args);
    if (!parsed.ok) throw new Refused(parsed.problem);
    const frame = parsed.value;
    const { action, stateID, matchID, playerID } = frame;
    if (!budget.move.take()) return refuse('rate-limited', 'Too many moves from this connection; wait a moment.');
    await this.locks.run(matchID, async () => {
      const credentials = action.payload.credentials;
      const resync = () => this.resync(socket, game, filter, matchID, playerID, credentials);
      // Another node may commit first: then the move is judged and run again on what it committed.
      for (let tries = 1; ; tries++) {
        const stored = await this.store.current(matchID);
        if (!stored || stored.metadata.gameName !== game.name) return refuse('unknown-match', `There is no match ${matchID}.`);
        const { state, metadata } = stored;
        if (!seatOf(metadata, playerID)) return refuse('unknown-seat', `Match ${matchID} has no seat ${playerID}.`);
        if (!isAuthentic(metadata, playerID, credentials)) return refuse('unauthorized', `Wrong or missing credentials for seat ${playerID}.`);
        // boardgame.io's client runs a move ahead on its own copy, so after a refused move it may
        // send the next one from a state the match never reached: it gets the current one.
        if (stateID > state._stateID) {
          await resync();
          return refuse('malformed', `update: stateID ${stateID} is ahead of the match (${state._stateID}).`);
        }
        // Taken already: answered as taken, so a double click or a resent frame changes nothing.
        if (this.recent.isReplay(frame)) return;
        if (state.ctx.gameover !== undefined) return refuse('game-over', 'The match is over.');
        if (!game.flow.isPlayerActive(state.G, state.ctx, playerID)) {
          await resync();
          return refuse('not-active', `Seat ${playerID} cannot act now.`);
        }
        // Only the game's own moves: boardgame.io looks a name up with `in`, so "constructor" or
        // "toString" would run Object.prototype's function as a move and replace G with its result.
        const move = isMoveName(game, action.payload.type) ? game.flow.getMove(state.ctx, action.payload.type, playerID) : null;
        if (!move) {
          await resync();
          return refuse('invalid-move', `There is no move "${action.payload.type}" for seat ${playerID} now.`);
        }
        const ignoreStale = typeof move === 'object' && move.ignoreStaleStateID === true;
        if (stateID !== state._stateID && !ignoreStale) {
          await resync();
          return refuse('stale-state', 'The match moved on before this move arrived; here is the current state.');
        }
        let outcome: MoveOutcome;
        try {
          outcome = await this.playMove(matchID, stored, action, stateID);
        } catch (err) {
          this.log.fault('transport storage', `to store a move of ${matchID}`, err);
          await resync();
          return refuse('internal', 'The server could not save this move, so it was not played; here is the current state.');
        }
        if (outcome === 'advanced') return this.recent.remember(frame);
        if (outcome === 'refused') {
          await resync();
          return refuse('invalid-move', `The rules refused "${action.payload.type}" now.`);
        }
        if (tries >= COMMIT_TRIES) {
          await resync();
          return refuse('stale-state', 'The match kept changing while this move was being saved, so it was not played; here is the current state.');
        }
      }
    });
  }

  /**
   * Plays an authenticated move through boardgame.io's master and broadcasts it once stored.
   * Call it on the match's lock. The caller retries a `conflict`: another writer moved first.
   */
  async applyMove(matchID: string, action: MoveAction, stateID: number): Promise<MoveOutcome> {
    const stored = await this.store.current(matchID);
    return stored ? this.playMove(matchID, stored, action, stateID) : 'refused';
  }

  /**
   * Runs the move on `stored` and commits the result only if the match is still there (its state
   * id unchanged): state, log entries and metadata together. Rejects, having changed and sent
   * nothing, when the database fails.
   */
  private async playMove(matchID: string, stored: Current, action: MoveAction, stateID: number): Promise<MoveOutcome> {
    const entry = this.games.get(stored.metadata.gameName);
    if (!entry || !isMoveName(entry.game, action.payload.type)) return 'refused';
    const before = stored.state;
    // The master's writes and broadcasts are held back, and kept only if the match advanced:
    // boardgame.io stores even a refused move's state (with its plugins' runtime objects in it).
    // It reads what the caller checked, so what it computes is committed against that state id.
    const pending: Payload[] = [];
    const held: { state?: [State, LogEntry[] | undefined]; metadata?: BgioServer.MatchData } = {};
    // boardgame.io's flow counts the mover's moves in `ctx` in place: it gets copies of the parts
    // it may change (G it changes through immer), so a move that is refused or fails to commit
    // leaves the stored state as it was.
    const working = { ...before, ctx: structuredClone(before.ctx), plugins: structuredClone(before.plugins) };
    const storage = {
      type: () => this.store.type(),
      fetch: async (_id: string, opts: { state?: boolean; metadata?: boolean }) => ({
        state: opts.state ? working : undefined,
        metadata: opts.metadata ? { ...stored.metadata } : undefined,
      }),
      setState: async (_id: string, state: State, deltalog?: LogEntry[]) => void (held.state = [state, deltalog]),
      setMetadata: async (_id: string, metadata: BgioServer.MatchData) => void (held.metadata = metadata),
    };
    const master = new Master(entry.game, storage as unknown as MatchStore, { send: () => undefined, sendAll: (p) => void pending.push(p) });
    await master.onUpdate(action as unknown as Parameters<Master['onUpdate']>[0], stateID, matchID, action.payload.playerID);
    if (!held.state || held.state[0]._stateID <= before._stateID) return 'refused';
    const [state, log] = held.state;
    const result = await this.store.commit(matchID, before._stateID, { state, log, metadata: held.metadata });
    if (result === 'missing') return 'refused';
    if (result === 'conflict') return 'conflict';
    for (const p of pending) this.pubSub.publish(channel(matchID), p);
    return 'advanced';
  }

  private async resync(socket: Socket, game: ProcessedGame, filter: Filter, matchID: string, playerID: string | null, credentials?: string) {
    const master = new Master(game, this.store, this.masterTransport(socket, filter, matchID));
    await master.onSync(matchID, playerID, credentials);
  }

  /** The master's view of the transport for one socket: `send` to it, `sendAll` to the match. */
  private masterTransport(socket: Socket, filter: Filter, matchID: string): MasterTransport {
    return {
      send: ({ playerID, ...data }) => {
        const out = filter(playerID, data);
        socket.emit(out.type, ...out.args);
      },
      sendAll: (payload) => this.pubSub.publish(channel(matchID), payload),
    };
  }

  private async onSync(socket: Socket, game: ProcessedGame, filter: Filter, budget: Budget, args: unknown[]): Promise<void> {
    const parsed = parseSync(args);
    if (!parsed.ok) throw new Refused(parsed.problem);
    const { matchID, playerID, credentials } = parsed.value;
    if (!budget.sync.take()) return refuse('rate-limited', 'Too many syncs from this connection; wait a moment.');
    await this.locks.run(matchID, async () => {
      // A connection dropped while its syncs waited for the lock gets no work done for it.
      if (socket.disconnected) return;
      const metadata = (await this.store.current(matchID))?.metadata;
      if (!metadata || metadata.gameName !== game.name) return refuse('unknown-match', `There is no match ${matchID}.`);
      if (playerID !== null) {
        if (!seatOf(metadata, playerID)) return refuse('unknown-seat', `Match ${matchID} has no seat ${playerID}.`);
        if (!isAuthentic(metadata, playerID, credentials)) return refuse('unauthorized', `Wrong or missing credentials for seat ${playerID}.`);
      }
      this.unregister(socket.id);
      // Subscribed before the state is read, so a change another node makes meanwhile is not
      // missed; what is heard before the sync is sent waits, and goes if it is newer.
      const client: Client = { socket, matchID, playerID, credentials, game, filter, held: [] };
      this.register(client);
      await this.subscribed(channel(matchID));
      const transport = this.masterTransport(socket, filter, matchID);
      let synced = -1;
      const master = new Master(game, this.store, {
        ...transport,
        send: (data) => {
          if (data.type === 'sync') synced = data.args[1].state._stateID;
          transport.send(data);
        },
      });
      let result: Awaited<ReturnType<Master['onSync']>>;
      try {
        result = await master.onSync(matchID, playerID, credentials);
      } catch (err) {
        // Not left registered with its broadcasts held for a sync that never went.
        this.unregister(socket.id, false);
        throw err;
      }
      if (result && result.error) {
        this.unregister(socket.id, false);
        return refuse('unauthorized', result.error);
      }
      const held = client.held ?? [];
      client.held = undefined;
      for (const payload of held) if (stateIDOf(payload) > synced) this.send([client], payload);
      if (playerID !== null) await master.onConnectionChange(matchID, playerID, credentials, true);
    });
  }

  private async onChat(game: ProcessedGame, address: ClientAddress, args: unknown[]): Promise<void> {
    const limited = this.chatLimit.take(address);
    if (!limited.ok) return refuse('rate-limited', `Too many chat lines from this address; wait ${Math.ceil(limited.retryAfterMs / 1000)} s.`);
    const parsed = parseChat(args);
    if (!parsed.ok) throw new Refused(parsed.problem);
    const { matchID, message, credentials } = parsed.value;
    const metadata = (await this.store.current(matchID))?.metadata;
    if (!metadata || metadata.gameName !== game.name) return refuse('unknown-match', `There is no match ${matchID}.`);
    if (!seatOf(metadata, message.sender)) return refuse('unknown-seat', `Match ${matchID} has no seat ${message.sender}.`);
    if (!isAuthentic(metadata, message.sender, credentials)) return refuse('unauthorized', `Wrong or missing credentials for seat ${message.sender}.`);
    this.pubSub.publish(channel(matchID), { type: 'chat', args: [matchID, message] });
  }

  private onDisconnect(socket: Socket): void {
    const client = this.unregister(socket.id);
    if (!client) return;
    this.connectionLost(client);
  }

  /** Marks a seat disconnected when its last socket has gone (a team may share a seat). */
  private connectionLost(client: Client): void {
    const { matchID, playerID, credentials, game } = client;
    if (playerID === null || this.seatConnected(matchID, playerID)) return;
    this.locks.run(matchID, async () => {
      if (this.seatConnected(matchID, playerID) || !(await this.store.current(matchID))) return;
      const master = new Master(game, this.store, { send: () => undefined, sendAll: (p) => this.pubSub.publish(channel(matchID), p) });
      await master.onConnectionChange(matchID, playerID, credentials, false);
    }).catch((err: unknown) => this.log.fault('transport disconnect', `to mark ${matchID}/${playerID} disconnected`, err));
  }

  /**
   * Drops from their seats the sockets registered under credentials the seat no longer has, and
   * tells them why. The store calls it on every metadata change, so whatever changes credentials
   * (the lobby's leave and join, a key reset) needs no call of its own.
   */
  private revokeStale(matchID: string, metadata: Readonly<BgioServer.MatchData>): void {
    for (const id of [...(this.rooms.get(matchID) ?? [])]) {
      const client = this.clients.get(id);
      if (!client || client.playerID === null || isAuthentic(metadata, client.playerID, client.credentials)) continue;
      this.unregister(id);
      const why = problem('unauthorized', `Seat ${client.playerID}'s credentials have changed: this connection no longer plays it.`);
      client.socket.emit(REFUSED_EVENT, refusal('sync', why));
    }
  }

  /** Revokes what another node's metadata change took away. */
  private async recheck(matchID: string): Promise<void> {
    const metadata = (
      await this.store.current(matchID).catch((err: unknown) => void this.log.fault('transport metadata', `to recheck the seats of ${matchID}`, err))
    )?.metadata;
    if (metadata) this.revokeStale(matchID, metadata);
  }

  private seatConnected(matchID: string, playerID: string): boolean {
    for (const id of this.rooms.get(matchID) ?? []) if (this.clients.get(id)?.playerID === playerID) return true;
    return false;
  }

  private register(client: Client): void {
    const { matchID, socket } = client;
    let room = this.rooms.get(matchID);
    if (!room) {
      room = new Set();
      this.rooms.set(matchID, room);
      this.pubSub.subscribe(channel(matchID), (payload) => this.broadcast(matchID, payload));
    }
    room.add(socket.id);
    this.clients.set(socket.id, client);
  }

  /** Takes the socket out of its match; `lost`: and marks its seat disconnected if it was its last. */
  private unregister(socketID: string, lost = true): Client | undefined {
    const client = this.clients.get(socketID);
    if (!client) return undefined;
    this.clients.delete(socketID);
    const room = this.rooms.get(client.matchID);
    room?.delete(socketID);
    if (room && room.size === 0) {
      this.rooms.delete(client.matchID);
      this.pubSub.unsubscribeAll(channel(client.matchID));
    }
    // A socket that re-syncs (as another seat, or to another match) leaves its old seat.
    if (lost && client.socket.connected) this.connectionLost(client);
    return client;
  }

  /** Sends a master broadcast to every socket of the match, filtered and encoded once per seat. */
  private broadcast(matchID: string, payload: Payload): void {
    const room = this.rooms.get(matchID);
    if (!room) return;
    if ((payload.type as string) === METADATA_CHANGED) return void this.recheck(matchID);
    const seats = new Map<string | null, Client[]>();
    for (const id of room) {
      const client = this.clients.get(id);
      if (client?.held) client.held.push(payload);
      else if (client) seats.set(client.playerID, [...(seats.get(client.playerID) ?? []), client]);
    }
    for (const clients of seats.values()) this.send(clients, payload);
  }

  /** Sends a broadcast to sockets of one seat, filtered and encoded once. */
  private send(clients: Client[], payload: Payload): void {
    const view = clients[0].filter(clients[0].playerID, payload);
    if (clients.length === 1) clients[0].socket.emit(view.type, ...view.args);
    else clients[0].socket.nsp.to(clients.map((c) => c.socket.id)).emit(view.type, ...view.args);
  }

  /** After the pub/sub was cut off, what was published meanwhile is lost: every socket is sent the state again. */
  private resyncAll(): void {
    for (const { socket, game, filter, matchID, playerID, credentials } of [...this.clients.values()]) {
      this.locks
        .run(matchID, () => this.resync(socket, game, filter, matchID, playerID, credentials))
        .catch((err: unknown) => this.log.fault('transport resync', `to resync ${matchID} after the pub/sub came back`, err));
    }
  }
}

/** boardgame.io's pub/sub channel of a match. */
export const channel = (matchID: string) => `MATCH-${matchID}`;

/** What a node publishes when it changed a match's metadata: the others' sockets are not sent it. */
const METADATA_CHANGED = 'backchannel:metadata';

/** The state id a broadcast carries; anything else (a chat line) counts as newer than every state. */
function stateIDOf(payload: Payload): number {
  if (payload.type === 'update') return payload.args[1]._stateID;
  if (payload.type === 'patch') return payload.args[3]._stateID;
  return Infinity;
}

const isMoveName = (game: ProcessedGame, name: string) => game.moveNames.includes(name);
