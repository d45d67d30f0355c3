/**
 * Floods over real sockets: a connection's syncs and moves are rate-limited, and one that sends
 * syncs and stops reading is dropped once its unsent frames pass the bound, while the server's
 * memory stays bounded and another match plays on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/protocol/refusals';
import { SOCKET_LIMITS } from '../../src/server/config';
import { GAME, ask, createMatch, rawSocket, startTestServer, storedState, unreadingSocket, waitFor, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A finished match played by server bots: its sync is a whole late-game state and log. */
async function finishedMatch(s: TestServer): Promise<string> {
  const bot = { personality: 'pragmatist', difficulty: 'expert' } as const;
  const { matchID } = await createMatch(s.url, { join: [], bots: { '0': bot, '1': bot, '2': bot } });
  await waitFor(async () => (await s.store.current(matchID))?.state.ctx.gameover !== undefined, 'the bots to finish', 40_000);
  return matchID;
}

const codes = (replies: Reply[]) => replies.map((r) => (r.ok ? 'ok' : r.code));

describe('rate limits per connection', () => {
  it('takes a burst of syncs and of moves, then refuses the rest as rate-limited', async () => {
    server = await startTestServer({ socketLimits: SOCKET_LIMITS });
    const { matchID, seats } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    const n = 100;
    const t0 = performance.now();
    const syncs = codes(await Promise.all(Array.from({ length: n }, () => ask(socket, 'sync', matchID, null))));
    const syncSeconds = (performance.now() - t0) / 1000;
    const { burst, perMinute } = SOCKET_LIMITS.sync;
    const taken = syncs.filter((c) => c === 'ok').length;
    expect(taken).toBeGreaterThanOrEqual(burst);
    expect(taken).toBeLessThanOrEqual(burst + Math.ceil((syncSeconds * perMinute) / 60));
    expect(syncs.filter((c) => c !== 'ok').every((c) => c === 'rate-limited')).toBe(true);

    // Moves the rules refuse: each would cost a re-sync of the whole state.
    const before = await storedState(server, matchID);
    const { credentials } = seats['0'];
    const teleport = { type: 'MAKE_MOVE', payload: { type: 'teleport', args: [], playerID: '0', credentials } };
    const t1 = performance.now();
    const moves = codes(await Promise.all(Array.from({ length: 2 * SOCKET_LIMITS.move.burst }, () => ask(socket, 'update', teleport, before._stateID, matchID, '0'))));
    const moveSeconds = (performance.now() - t1) / 1000;
    const judged = moves.filter((c) => c !== 'rate-limited').length;
    expect(judged).toBeGreaterThanOrEqual(SOCKET_LIMITS.move.burst);
    expect(judged).toBeLessThanOrEqual(SOCKET_LIMITS.move.burst + Math.ceil((moveSeconds * SOCKET_LIMITS.move.perMinute) / 60));
    expect(moves.filter((c) => c !== 'rate-limited').every((c) => c === 'invalid-move' || c === 'not-active')).toBe(true);
    expect(await storedState(server, matchID)).toBe(before);
    socket.close();
  });
});

describe('a connection that stops reading', () => {
  it('is dropped when its unsent frames pass the bound; memory stays bounded and another match moves at once', async () => {
    // The test server's syncs are unlimited, so the backlog bound alone stands between the flood and the heap.
    server = await startTestServer();
    const s = server;
    const late = await finishedMatch(s);
    const { matchID: other, seats } = await createMatch(s.url);
    const sockets = () => s.transport.io!.of(`/${GAME}`).sockets.size;

    // One sync's frame, as a reading client gets it; enough of them to fill the heap unbounded.
    const reader = await rawSocket(s.url);
    const synced = new Promise<number>((resolve) => reader.once('sync', (...args: unknown[]) => resolve(JSON.stringify(args).length)));
    await ask(reader, 'sync', late, null);
    const frame = await synced;
    reader.close();
    await waitFor(() => sockets() === 0, 'the reader to go');
    const floods = Math.ceil((256 * 1024 * 1024) / frame);

    const heap0 = process.memoryUsage().heapUsed;
    let heapPeak = heap0;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
    const flooder = await unreadingSocket(s.url);
    expect(sockets()).toBe(1);
    for (let i = 0; i < floods; i++) flooder.emit('sync', late, null);
    try {
      // Meanwhile a seat of another match moves, and its answer comes back promptly.
      const player = await rawSocket(s.url);
      const state = await storedState(s, other);
      const [seat, stage] = Object.entries(state.ctx.activePlayers ?? {})[0];
      const [type, args] = stage === 'respond' ? ['respond', ['restraint']] : ['done', []];
      const t0 = performance.now();
      const reply = await ask(player, 'update', { type: 'MAKE_MOVE', payload: { type, args, playerID: seat, credentials: seats[seat].credentials } }, state._stateID, other, seat);
      const moveMs = performance.now() - t0;
      expect(reply).toEqual({ ok: true });
      expect((await storedState(s, other))._stateID).toBe(state._stateID + 1);
      expect(moveMs).toBeLessThan(2_000);

      await waitFor(() => s.logs.some((l) => /dropped connection .*queued unsent/.test(l)), 'the flooder to be dropped', 20_000);
      await waitFor(() => sockets() === 1, 'only the player’s socket to be left');
      player.close();
    } finally {
      clearInterval(sampler);
      flooder.close();
    }
    expect(heapPeak - heap0).toBeLessThan(64 * 1024 * 1024);
  });
});
