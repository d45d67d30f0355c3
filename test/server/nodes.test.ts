/**
 * Two server nodes sharing PostgreSQL and Redis (`TEST_DATABASE_URL`, `TEST_REDIS_URL`; CI starts
 * both): seats on different nodes see every move; simultaneous moves through both nodes lose none
 * that was acknowledged; two joins of one seat through the two nodes give one seat; and a node
 * killed with SIGKILL loses nothing acknowledged, while the other takes over its seats and bots.
 */
import type { LogEntry, State } from 'boardgame.io';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedBot } from '../../src/bots';
import { Backchannel } from '../../src/game';
import type { GameState } from '../../src/game/state';
import type { Reply } from '../../src/protocol/refusals';
import { freshPostgres } from './backends';
import {
  ChildServer,
  GAME,
  activeSeats,
  ask,
  createMatch,
  gameClient,
  lobbyOf,
  playAlongside,
  playWithClientBots,
  rawSocket,
  startTestServer,
  waitFor,
  type GameClient,
  type TestServer,
} from './helpers';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

/** A fresh database, dropped after the test. */
async function database(): Promise<string> {
  const db = await freshPostgres(databaseUrl!);
  cleanup.push(() => db.remove());
  return db.url;
}

/** Two nodes in this process on one database and one Redis. */
async function twoNodes(): Promise<[TestServer, TestServer]> {
  const url = await database();
  const nodes: TestServer[] = [];
  for (let i = 0; i < 2; i++) {
    const node = await startTestServer({ storage: 'postgres', databaseUrl: url, redisUrl });
    cleanup.push(() => node.stop());
    nodes.push(node);
  }
  return nodes as [TestServer, TestServer];
}

const snapshot = (c: GameClient) => {
  const s = c.getState()!;
  return { G: s.G, ctx: s.ctx, _stateID: s._stateID };
};

const started = (c: GameClient) => {
  cleanup.push(() => c.stop());
  return c;
};

/**
 * How long the kill test's match may take to finish: two seats played from their clients cross
 * each other and the bot hundreds of times (each crossing refused and resynced), about 30 s alone
 * and more with the suite on two cores.
 */
const LONG = 240_000;

const moves = (log: LogEntry[]) => log.filter((e) => e.action.type === 'MAKE_MOVE');

describe.skipIf(!databaseUrl || !redisUrl)('two nodes on PostgreSQL and Redis', () => {
  it('shows every move to seats on either node, and a fresh client on either sees the same', async () => {
    const [a, b] = await twoNodes();
    const { matchID, seats } = await createMatch(a.url);
    const node = (s: string) => (s === '1' ? b : a);
    const clients = Object.fromEntries(['0', '1', '2'].map((s) => [s, started(gameClient(node(s).url, matchID, s, seats[s].credentials))]));
    // Each move waits until every client, on either node, has heard the server's answer.
    const { state } = await playWithClientBots(clients, { moves: 40, seed: 'nodes' });
    for (const server of [a, b]) {
      const fresh = started(gameClient(server.url, matchID, null));
      await waitFor(() => fresh.getState()?._stateID === state._stateID, 'a fresh spectator to sync');
      const watcher = clients['0'].getState()!;
      expect(fresh.getState()!.ctx).toEqual(watcher.ctx);
    }
    expect(snapshot(clients['1'])._stateID).toBe(snapshot(clients['0'])._stateID);
  });

  it('applies simultaneous moves sent through both nodes, and loses none it acknowledged', async () => {
    const [a, b] = await twoNodes();
    const { matchID, seats } = await createMatch(a.url);
    const sockets: Record<string, Socket> = {};
    for (const s of ['0', '1', '2']) {
      sockets[s] = await rawSocket((s === '1' ? b : a).url);
      cleanup.push(() => sockets[s].close());
    }
    const bots = Object.fromEntries(['0', '1', '2'].map((s) => [s, new (scriptedBot({ personality: 'pragmatist', difficulty: 'expert' }))({ enumerate: Backchannel.ai!.enumerate, seed: `sim/${s}` })]));
    let acknowledged = 0;
    for (let round = 0; round < 20; round++) {
      const { state } = (await a.store.fetch(matchID, { state: true })) as { state: State<GameState> };
      if (state.ctx.gameover !== undefined) break;
      const active = activeSeats(state);
      // Every active seat moves at once, from the same state, half of them through the other node.
      const replies: Reply[] = await Promise.all(
        active.map(async (s) => {
          const { action } = await bots[s].play(state, s);
          const { type, args } = (action as { payload: { type: string; args?: unknown[] } }).payload;
          const frame = { type: 'MAKE_MOVE', payload: { type, args: args ?? [], playerID: s, credentials: seats[s].credentials } };
          return ask(sockets[s], 'update', frame, state._stateID, matchID, s);
        }),
      );
      for (const r of replies) if (!r.ok) expect(['invalid-move', 'not-active', 'stale-state', 'game-over']).toContain(r.code);
      acknowledged += replies.filter((r) => r.ok).length;
    }
    const { log, state } = (await b.store.fetch(matchID, { log: true, state: true })) as { log: LogEntry[]; state: State };
    expect(moves(log)).toHaveLength(acknowledged);
    expect(acknowledged).toBeGreaterThanOrEqual(20);
    expect(state._stateID).toBeGreaterThanOrEqual(acknowledged);
  });

  it('gives a seat joined through both nodes at once to exactly one', async () => {
    const [a, b] = await twoNodes();
    const { matchID } = await createMatch(a.url, { join: [] });
    const tries = await Promise.allSettled([a, b, a, b].map((n, i) => lobbyOf(n.url).joinMatch(GAME, matchID, { playerID: '1', playerName: `Player ${i}` })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    const { metadata } = await b.store.fetch(matchID, { metadata: true });
    const winner = tries.findIndex((t) => t.status === 'fulfilled');
    expect(metadata.players[1].name).toBe(`Player ${winner}`);
  });

  it('loses nothing acknowledged when a node is killed; its seats go on through the other, and its bots too', async () => {
    const url = await database();
    // Socket limits out of reach, as for the servers in this process: each seat moves as fast as it is answered.
    const env = { DATABASE_URL: url, REDIS_URL: redisUrl!, BOT_CLAIM_EVERY_MS: '100', SOCKET_MOVE_BURST: '1000000', SOCKET_MOVES_PER_MINUTE: '1000000' };
    const [a, b] = [new ChildServer(env), new ChildServer(env)];
    cleanup.push(() => a.kill(), () => b.kill());
    const [urlA, urlB] = [await a.start(), await b.start()];
    // Created through B, whose bots B drives until it dies; seat 0 plays through A, seat 1 through B.
    const { matchID, seats } = await createMatch(urlB, { join: ['0', '1'], bots: { 2: { personality: 'conciliator', difficulty: 'novice' } } });
    const onA = started(gameClient(urlA, matchID, '0', seats['0'].credentials));
    const onB = gameClient(urlB, matchID, '1', seats['1'].credentials);
    const going = (s: State) => s._stateID >= 15;
    await Promise.all([playAlongside(onA, '0', { done: going, seed: 'a', timeout: LONG }), playAlongside(onB, '1', { done: going, seed: 'b', timeout: LONG })]);
    // What either seat has been shown was acknowledged: stored before it was sent.
    const acknowledged = Math.max(onA.getState()!._stateID, onB.getState()!._stateID);

    await b.kill('SIGKILL');
    onB.stop();
    // Seat 1 comes back through A, as a proxy would send it.
    const again = started(gameClient(urlA, matchID, '1', seats['1'].credentials));
    await waitFor(() => (again.getState()?._stateID ?? -1) >= acknowledged, 'seat 1 to resync through A, at or past what it saw');
    const ends = await Promise.all([playAlongside(onA, '0', { seed: 'a2', timeout: LONG }), playAlongside(again, '1', { seed: 'b2', timeout: LONG })]);
    expect(onA.getState()!.ctx.gameover).toBeDefined();
    // Moves that crossed another's are judged on the new state; a client that ran a refused move
    // ahead on its own copy may send the next from a state the match never reached (`malformed`,
    // and resynced). Nothing else.
    const crossed = ['stale-state', 'not-active', 'invalid-move', 'malformed', 'game-over'];
    expect(ends.flat().filter((r) => !crossed.includes(r.code))).toEqual([]);

    await a.kill('SIGTERM');
    const check = await startTestServer({ storage: 'postgres', databaseUrl: url });
    cleanup.push(() => check.stop());
    const { log, state } = (await check.store.fetch(matchID, { log: true, state: true })) as { log: LogEntry[]; state: State };
    // One log entry for every move, none lost or doubled, and the bot seat moved after the kill.
    expect(moves(log).map((e) => e._stateID)).toEqual(Array.from({ length: state._stateID }, (_, i) => i));
    expect(moves(log).some((e) => e._stateID > acknowledged && e.action.payload.playerID === '2')).toBe(true);
  }, 2 * LONG);
});
