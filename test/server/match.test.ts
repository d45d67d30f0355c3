/**
 * Whole matches over real sockets on loopback: three seats played by bots on their own clients;
 * three server-side bots watched by a spectator; and a person (a client-side bot) against two
 * server-side bots, all acting at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMatch,
  faultsOf,
  gameClient,
  playAlongside,
  playWithClientBots,
  startTestServer,
  storedState,
  waitFor,
  type GameClient,
  type TestServer,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  // The person below is a bot that tries again the instant a move is refused, hundreds of times a
  // second: the rate a connection's moves are limited to is for people.
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The server logs failures (a bot move the rules refused, a handler that threw): none here. */
afterEach(() => expect(faultsOf(server)).toEqual([]));

const stopAll = (clients: GameClient[]) => clients.forEach((c) => c.stop());

describe('a three-seat match over sockets', () => {
  it('reaches an ending with each seat played by a bot on its own client', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const clients = Object.fromEntries(['0', '1', '2'].map((s) => [s, gameClient(server.url, matchID, s, seats[s].credentials)]));
    try {
      const { moves, state } = await playWithClientBots(clients, { seed: 'three-clients' });
      expect(state.ctx.gameover).toBeDefined();
      expect(moves).toBeGreaterThan(0);
      const stored = await storedState(server, matchID);
      expect(stored._stateID).toBe(state._stateID);
      expect(stored.ctx.gameover).toEqual(state.ctx.gameover);
      const { metadata } = await server.store.fetch(matchID, { metadata: true });
      expect(metadata.gameover).toEqual(stored.ctx.gameover);
    } finally {
      stopAll(Object.values(clients));
    }
  });

  it('plays three server-side bots to an ending that a spectator watches', async () => {
    const { matchID } = await createMatch(server.url, {
      join: [],
      bots: {
        '0': { personality: 'hardliner', difficulty: 'expert' },
        '1': { personality: 'pragmatist', difficulty: 'novice' },
        '2': { personality: 'conciliator', difficulty: 'expert' },
      },
    });
    const spectator = gameClient(server.url, matchID, null);
    try {
      const state = await waitFor(() => {
        const s = spectator.getState();
        return s?.ctx.gameover !== undefined ? s : undefined;
      }, 'the spectator to see the ending', 40_000);
      expect((await storedState(server, matchID))._stateID).toBe(state._stateID);
      // A spectator is sent every seat's secrets as counts only.
      for (const seat of ['0', '1', '2'] as const) expect(state.G.secrets[seat]).toMatchObject({ hidden: true });
    } finally {
      spectator.stop();
    }
  });

  it('lets a person play against two server-side bots, all acting at once', async () => {
    const { matchID, seats } = await createMatch(server.url, {
      join: ['0'],
      bots: { '1': { personality: 'pragmatist', difficulty: 'expert' }, '2': { personality: 'conciliator', difficulty: 'novice' } },
    });
    const me = gameClient(server.url, matchID, '0', seats['0'].credentials);
    try {
      // A whole game: about 2 s alone, but it once took over 50 s with the machine saturated.
      const refusals = await playAlongside(me, '0', { seed: 'person', what: 'the match with two server bots to end' });
      expect((await storedState(server, matchID)).ctx.gameover).toBeDefined();
      // A move that crossed a bot's is judged on the current state: it lands, or is refused as no
      // longer legal, never lost silently and never anything else. A bot's move may also end the
      // match while this seat's move is on its way: that one is refused as game-over, and only
      // the last ones can be.
      const crossed = ['stale-state', 'not-active', 'invalid-move'];
      const ended = refusals.findIndex((r) => r.code === 'game-over');
      const beforeEnd = ended === -1 ? refusals : refusals.slice(0, ended);
      expect(beforeEnd.filter((r) => !crossed.includes(r.code))).toEqual([]);
      expect(refusals.slice(beforeEnd.length).filter((r) => r.code !== 'game-over')).toEqual([]);
    } finally {
      me.stop();
    }
  });
});
