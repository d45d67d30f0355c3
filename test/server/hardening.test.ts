/**
 * What anonymous clients could make the server keep or write, over real HTTP and sockets on
 * loopback: matches created without end (5,000 in 22 s; 200 all-bot matches), chat floods, matches
 * kept for ever, a listing of every match at once, and a log line (or a stack trace) for every
 * refused request, a secret move's arguments included. Windows and expiry run on an injected clock
 * the tests move; nothing sleeps.
 */
import { LobbyClient } from 'boardgame.io/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchPage } from '../../src/protocol/lobby';
import { readConfig } from '../../src/server/config';
import { RateLimiter } from '../../src/server/limits';
import { GAME, REFUSED_LINE, ask, createMatch, faultsOf, rawSocket, startTestServer, tempDir, waitFor, type TestConfig, type TestServer } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A clock the test moves. */
function clock() {
  const c = { t: Date.now(), now: () => c.t, advance: (ms: number) => void (c.t += ms) };
  return c;
}

const running: TestServer[] = [];
async function start(config: TestConfig, now?: () => number): Promise<TestServer> {
  const server = await startTestServer(config, now);
  running.push(server);
  return server;
}
afterEach(async () => {
  for (const server of running.splice(0)) {
    expect(faultsOf(server)).toEqual([]);
    await server.stop();
  }
});

const bot = { personality: 'pragmatist', difficulty: 'novice' } as const;

/** A raw `POST /games/backchannel/create`: status, problem code and `Retry-After`. */
async function create(url: string, body: object = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/games/${GAME}/create`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ numPlayers: 3, ...body }) });
  const answer = (await res.json()) as { matchID?: string; code?: string; error?: string };
  return { status: res.status, code: answer.code, error: answer.error, retryAfter: res.headers.get('Retry-After') };
}

describe('the settings', () => {
  it('default to a week of expiry, pages of 100 and limits per hour and minute, and refuse nonsense', () => {
    expect(readConfig({}).limits).toEqual({
      matchesPerHour: 60,
      botMatchesPerHour: 20,
      chatPerMinute: 60,
      expireAfterMs: 7 * DAY,
      sweepEveryMs: HOUR,
      listPageSize: 100,
      logLinesPerMinute: 20,
      trustProxy: false,
    });
    expect(readConfig({ EXPIRE_AFTER_HOURS: '1', TRUST_PROXY: 'true' }).limits).toMatchObject({ expireAfterMs: HOUR, trustProxy: true });
    expect(() => readConfig({ MATCHES_PER_HOUR: '0' })).toThrow(/MATCHES_PER_HOUR/);
    expect(() => readConfig({ LIST_PAGE_SIZE: 'all' })).toThrow(/LIST_PAGE_SIZE/);
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describe('the rate limiter', () => {
  it('allows max events in any window, says when the next is allowed, and forgets idle keys', () => {
    const c = clock();
    const limiter = new RateLimiter({ max: 3, windowMs: 1000 }, c.now);
    for (const dt of [0, 100, 100]) {
      c.advance(dt);
      expect(limiter.take('a')).toEqual({ ok: true });
    }
    // The first event (at 0) leaves the window at 1000: 800 ms from now.
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 800 });
    expect(limiter.take('b')).toEqual({ ok: true });
    c.advance(800);
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toMatchObject({ ok: false });
    c.advance(2000);
    limiter.take('c');
    expect(limiter.size).toBe(1);
  });
});

describe('creating matches', () => {
  it('refuses a client past its matches and bot matches an hour, with 429, a Problem and Retry-After', async () => {
    const c = clock();
    const server = await start({ limits: { matchesPerHour: 5, botMatchesPerHour: 2 } }, c.now);
    const bots = { bots: { 0: bot, 1: bot, 2: bot } };
    expect((await create(server.url, bots)).status).toBe(200);
    expect((await create(server.url, bots)).status).toBe(200);
    const botRefusal = await create(server.url, bots);
    expect(botRefusal).toMatchObject({ status: 429, code: 'rate-limited', retryAfter: '3600' });
    expect(botRefusal.error).toMatch(/with bots/);
    // The refused bot match did not count: three plain matches make the five.
    c.advance(10 * 60_000);
    for (let i = 0; i < 3; i++) expect((await create(server.url)).status).toBe(200);
    const refusal = await create(server.url);
    expect(refusal).toMatchObject({ status: 429, code: 'rate-limited', retryAfter: String(50 * 60) });
    // boardgame.io's own LobbyClient sees the refusal too.
    await expect(new LobbyClient({ server: server.url }).createMatch(GAME, { numPlayers: 3 })).rejects.toThrow(/429/);
    expect(await server.store.listMatches()).toHaveLength(5);
    // The window slides: the first two (bot) matches leave it after an hour.
    c.advance(50 * 60_000);
    expect((await create(server.url, bots)).status).toBe(200);
    expect((await create(server.url)).status).toBe(200);
    expect((await create(server.url)).status).toBe(429);
  });

  it('counts playAgain, which makes a match, against the same limit', async () => {
    const server = await start({ limits: { matchesPerHour: 2 } });
    const { matchID, seats } = await createMatch(server.url, { join: ['0'] });
    const playAgain = () =>
      fetch(`${server.url}/games/${GAME}/${matchID}/playAgain`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ playerID: '0', credentials: seats['0'].credentials }),
      });
    expect((await playAgain()).status).toBe(200);
    // Asked again, playAgain answers with the same match and makes none.
    expect((await playAgain()).status).toBe(200);
    expect((await create(server.url)).status).toBe(429);
  });

  it('keys clients by X-Forwarded-For only behind a trusted proxy', async () => {
    const trusting = await start({ limits: { matchesPerHour: 1, trustProxy: true } });
    expect((await create(trusting.url, {}, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(200);
    expect((await create(trusting.url, {}, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(200);
    expect((await create(trusting.url, {}, { 'X-Forwarded-For': '203.0.113.1, 10.0.0.1' })).status).toBe(429);
    const direct = await start({ limits: { matchesPerHour: 1 } });
    expect((await create(direct.url, {}, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(200);
    expect((await create(direct.url, {}, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(429);
  });
});

describe('chat', () => {
  it('refuses a flood of lines from one address, and takes lines again a minute later', async () => {
    const c = clock();
    const server = await start({ limits: { chatPerMinute: 10 } }, c.now);
    const { matchID, seats } = await createMatch(server.url);
    const alice = await rawSocket(server.url);
    const bob = await rawSocket(server.url);
    expect(await ask(bob, 'sync', matchID, '1', seats['1'].credentials, 3)).toEqual({ ok: true });
    const heard: unknown[] = [];
    bob.on('chat', (_m: string, message: unknown) => heard.push(message));
    const say = (n: number) => ask(alice, 'chat', matchID, { id: `m${n}`, sender: '0', payload: `line ${n}` }, seats['0'].credentials);
    const replies = await Promise.all(Array.from({ length: 200 }, (_, n) => say(n)));
    expect(replies.filter((r) => r.ok)).toHaveLength(10);
    expect(replies.filter((r) => !r.ok && r.code === 'rate-limited')).toHaveLength(190);
    await waitFor(() => heard.length >= 10, 'the ten lines');
    c.advance(60_000);
    expect(await say(200)).toEqual({ ok: true });
    await waitFor(() => heard.length === 11, 'the line after a minute');
    alice.close();
    bob.close();
  });
});

describe('expiry', () => {
  const week = 7 * DAY;

  it('deletes unfinished matches nobody is connected to, and keeps finished and watched ones', async () => {
    const c = clock();
    const data = tempDir('bc-expiry-');
    try {
      const server = await start({ storage: 'sqlite', dataDir: data.dir, limits: { expireAfterMs: week } }, c.now);
      const abandoned = await createMatch(server.url);
      const watched = await createMatch(server.url, { join: [] });
      const finished = await createMatch(server.url, { bots: { 0: bot, 1: bot, 2: bot }, join: [] });
      await waitFor(async () => (await server.store.current(finished.matchID))?.metadata.gameover, 'the bot match to end');
      const spectator = await rawSocket(server.url);
      expect(await ask(spectator, 'sync', watched.matchID, null, undefined, 3)).toEqual({ ok: true });

      c.advance(week - 60_000);
      expect(await server.expiry.sweep()).toEqual([]);
      c.advance(DAY);
      expect(await server.expiry.sweep()).toEqual([abandoned.matchID]);
      expect(await server.store.current(abandoned.matchID)).toBeUndefined();
      expect((await fetch(`${server.url}/games/${GAME}/${abandoned.matchID}`)).status).toBe(404);
      expect(await server.store.current(finished.matchID)).toBeDefined();
      expect(await server.store.current(watched.matchID)).toBeDefined();

      // Once nobody watches, the watched match goes too, on the next sweep.
      spectator.close();
      await waitFor(() => !server.transport.hasClients(watched.matchID), 'the spectator to leave');
      expect(await server.expiry.sweep()).toEqual([watched.matchID]);
      expect(server.logs.some((l) => l.startsWith('[expiry] deleted 1 unfinished match '))).toBe(true);
    } finally {
      await Promise.all(running.splice(0).map((s) => s.stop()));
      data.remove();
    }
  });

  it('sweeps at start, and then on its own every sweepEveryMs', async () => {
    const c = clock();
    const data = tempDir('bc-expiry-');
    try {
      const first = await start({ storage: 'sqlite', dataDir: data.dir }, c.now);
      const old = await createMatch(first.url, { join: [] });
      await first.stop();
      c.advance(8 * DAY);
      const second = await start({ storage: 'sqlite', dataDir: data.dir, limits: { sweepEveryMs: 20 } }, c.now);
      expect(await second.store.current(old.matchID)).toBeUndefined();
      const fresh = await createMatch(second.url, { join: [] });
      c.advance(8 * DAY);
      await waitFor(async () => !(await second.store.current(fresh.matchID)), 'the periodic sweep');
    } finally {
      await Promise.all(running.splice(0).map((s) => s.stop()));
      data.remove();
    }
  });
});

describe('the match list', () => {
  it('answers pages of at most listPageSize matches, newest first, with a cursor to the next', async () => {
    const c = clock();
    const server = await start({ limits: { listPageSize: 3 } }, c.now);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createMatch(server.url, { join: [] })).matchID);
    await create(server.url, { unlisted: true });
    const page = async (cursor?: string) => {
      const res = await fetch(`${server.url}/games/${GAME}${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`);
      expect(res.status).toBe(200);
      return (await res.json()) as MatchPage;
    };
    const pages: MatchPage[] = [await page()];
    while (pages.at(-1)!.nextCursor !== undefined && pages.length < 10) pages.push(await page(pages.at(-1)!.nextCursor));
    expect(pages.map((p) => p.matches.length)).toEqual([3, 3, 1]);
    const listed = pages.flatMap((p) => p.matches);
    expect(new Set(listed.map((m) => m.matchID))).toEqual(new Set(created));
    const times = listed.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(JSON.stringify(listed)).not.toMatch(/credentials/);
    // boardgame.io's LobbyClient gets the first page.
    expect((await new LobbyClient({ server: server.url }).listMatches(GAME)).matches).toHaveLength(3);
    const bad = await fetch(`${server.url}/games/${GAME}?cursor=${encodeURIComponent('{"$gt":0}')}`);
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([400, 'malformed']);
  });
});

describe('the log', () => {
  it('writes one line per refused request up to the limit, then a count; never a move’s arguments', async () => {
    const c = clock();
    // 300 moves from one socket: the test server's socket limits let them all through to be judged.
    const server = await start({ limits: { logLinesPerMinute: 5 } }, c.now);
    const { matchID } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    const secret = 'initiative-card-only-iran-holds';
    const move = { type: 'MAKE_MOVE', payload: { type: 'playCard', args: [secret], playerID: '1', credentials: 'guess' } };
    const replies = await Promise.all(Array.from({ length: 300 }, () => ask(socket, 'update', move, 0, matchID, '1')));
    expect(replies.every((r) => !r.ok && r.code === 'unauthorized')).toBe(true);
    const refused = () => server.logs.filter((l) => l.startsWith('[transport update unauthorized]'));
    expect(refused()).toHaveLength(5);
    expect(refused()[0]).toMatch(REFUSED_LINE);
    expect(refused()[0]).toMatch(/from 127\.0\.0\.1: Wrong or missing credentials for seat 1\.$/);
    // A minute on, the next refusal is logged after a count of those held back.
    c.advance(60_000);
    await ask(socket, 'update', move, 0, matchID, '1');
    expect(refused().slice(5)).toEqual(['[transport update unauthorized] refused 295 more times in the last minute, not shown', expect.stringMatching(/refused update/)]);
    // Lobby refusals too, one line each, never a stack trace.
    for (let i = 0; i < 20; i++) await create(server.url, { numPlayers: 4 });
    expect(server.logs.filter((l) => l.startsWith('[lobby malformed]'))).toHaveLength(5);
    expect(server.logs.join('\n')).not.toContain(secret);
    expect(server.logs.join('\n')).not.toMatch(/\n\s+at /);
    socket.close();
  });
});
