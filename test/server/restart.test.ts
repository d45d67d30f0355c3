/**
 * A server killed with SIGKILL mid-match and started again resumes every match exactly where it
 * was, and its clients reconnect by themselves. The server runs as a child process with file
 * storage in a temporary directory.
 */
import type { LogEntry, State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameState } from '../../src/game/state';
import { createStorage } from '../../src/server/databases';
import { ChildServer, createMatch, gameClient, playWithClientBots, socketOf, tempDir, waitFor, type GameClient } from './helpers';

const data = tempDir('bc-restart-');
let server: ChildServer;
beforeAll(() => {
  server = new ChildServer({ STORAGE: 'sqlite', DATA_DIR: data.dir });
});
afterAll(async () => {
  await server?.kill();
  data.remove();
});

const snapshot = (c: GameClient) => {
  const s = c.getState()!;
  return { G: s.G, ctx: s.ctx, _stateID: s._stateID };
};

/** Resolves on the client's next sync from the server (as after a reconnection). */
const nextSync = (c: GameClient) => new Promise<void>((resolve) => socketOf(c).once('sync', () => resolve()));

describe('kill and restart', () => {
  it('resumes a match exactly where it was, and its clients reconnect', async () => {
    const url = await server.start();
    // A match can end in its first rounds: take one that is still going after 30 moves.
    let clients: Record<string, GameClient> = {};
    for (let attempt = 0; ; attempt++) {
      const { matchID, seats } = await createMatch(url);
      clients = Object.fromEntries(['0', '1', '2'].map((s) => [s, gameClient(url, matchID, s, seats[s].credentials)]));
      const first = await playWithClientBots(clients, { moves: 30, seed: `restart-${attempt}` });
      if (first.state.ctx.gameover === undefined) break;
      Object.values(clients).forEach((c) => c.stop());
      expect(attempt, 'matches that ended within 30 moves').toBeLessThan(5);
    }
    try {
      const before = Object.fromEntries(Object.entries(clients).map(([s, c]) => [s, snapshot(c)]));
      const logBefore = clients['0'].getState()!.log.length;

      await server.kill('SIGKILL');
      await waitFor(() => Object.values(clients).every((c) => !c.getState()!.isConnected), 'the clients to notice');
      const resynced = Object.values(clients).map(nextSync);
      await server.start(server.port);
      await Promise.all(resynced);
      await waitFor(() => Object.values(clients).every((c) => c.getState()!.isConnected), 'the clients to reconnect');

      for (const [s, c] of Object.entries(clients)) expect(snapshot(c), `seat ${s}`).toEqual(before[s]);
      expect(clients['0'].getState()!.log.length).toBe(logBefore);

      // And the match goes on to its end.
      const rest = await playWithClientBots(clients, { seed: 'restart-2' });
      expect(rest.state.ctx.gameover).toBeDefined();
    } finally {
      Object.values(clients).forEach((c) => c.stop());
    }
  });

  it('resumes server-side bots killed in full flight, losing nothing any client saw', async () => {
    const url = server.url ? server.url : await server.start();
    const bots = {
      '0': { personality: 'pragmatist', difficulty: 'expert' },
      '1': { personality: 'hardliner', difficulty: 'expert' },
      '2': { personality: 'conciliator', difficulty: 'novice' },
    } as const;
    // Kill while the bots are writing as fast as they can, in a match that has not ended yet.
    let matchID: string;
    let spectator: GameClient;
    let seen = 0;
    for (let attempt = 0; ; attempt++) {
      ({ matchID } = await createMatch(url, { join: [], bots }));
      const watcher = gameClient(url, matchID, null);
      spectator = watcher;
      seen = 0;
      watcher.subscribe((s) => {
        if (s) seen = Math.max(seen, s._stateID);
      });
      // On a loaded machine (the whole suite on two cores) thirty bot moves took over 20 s once.
      const over = await waitFor(() => (seen >= 30 ? 'going' : watcher.getState()?.ctx.gameover !== undefined ? 'over' : undefined), 'the bots to get going', 60_000);
      if (over === 'going') break;
      watcher.stop();
      expect(attempt, 'matches that ended within 30 moves').toBeLessThan(5);
    }
    try {
      await server.kill('SIGKILL');
      const lastSeen = seen;
      const resynced = nextSync(spectator);
      await server.start(server.port);
      await resynced;
      const resumed = spectator.getState()!;
      // A state is broadcast only once stored: the server restarts at or past what the spectator saw.
      expect(resumed._stateID).toBeGreaterThanOrEqual(lastSeen);
      const end = await waitFor(() => {
        const s = spectator.getState();
        return s?.ctx.gameover !== undefined ? s : undefined;
      }, 'the bots to finish after the restart');
      expect(end.ctx.gameover).toBeDefined();
    } finally {
      spectator.stop();
    }
    // On disk: the action log has one entry for every move, none lost or doubled by the kill.
    await server.kill('SIGTERM');
    const store = createStorage({ storage: 'sqlite', dataDir: data.dir }, () => undefined);
    await store.connect();
    const { state, log } = (await store.fetch(matchID, { state: true, log: true })) as { state: State<GameState>; log: LogEntry[] };
    expect(state.ctx.gameover).toBeDefined();
    await store.close();
    const moves = log.filter((e) => e.action.type === 'MAKE_MOVE').map((e) => e._stateID);
    expect(moves).toEqual(Array.from({ length: state._stateID }, (_, i) => i));
  });
});
