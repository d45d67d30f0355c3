/**
 * Malformed input: over a thousand socket frames with garbage in every argument position of every
 * event, random frames, oversized frames, and malformed Lobby API requests. The server answers
 * each (or drops the connection, for an oversized frame), never fails inside, stays up, and the
 * match is exactly as it was.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_CODES, REFUSED_EVENT, type Refusal, type Reply } from '../../src/protocol/refusals';
import { GAME, ask, createMatch, faultsOf, rawSocket, startTestServer, type Seat, type TestServer } from './helpers';

let server: TestServer;
let matchID: string;
let seats: Record<string, Seat>;

beforeAll(async () => {
  // The test server's socket limits are out of reach: each garbage frame meets the checks it aims at.
  server = await startTestServer();
  ({ matchID, seats } = await createMatch(server.url));
});
afterAll(async () => {
  await server?.stop();
});

/** What a match is, apart from who is connected and when it last changed. */
async function matchSnapshot() {
  const { state, metadata, log, initialState } = await server.store.fetch(matchID, { state: true, metadata: true, log: true, initialState: true });
  const players = Object.values(metadata.players).map(({ id, name, credentials, data }) => ({ id, name, credentials, data }));
  return { state, initialState, log, players, gameover: metadata.gameover, setupData: metadata.setupData };
}

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deep = (n: number): unknown => (n === 0 ? 'bottom' : { d: deep(n - 1) });
const GARBAGE: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  '',
  ' ',
  '0',
  '3',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  '\u0000\u0001',
  '💥',
  [],
  [null],
  [[[[[]]]]],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { type: 'MAKE_MOVE' },
  { length: 1e9 },
  deep(60),
  new Array(5000).fill(0),
  Buffer.from('binary'),
  new Uint8Array([1, 2, 3]),
];

/** Replaces the value at `path` (indexes and keys) in a copy of `args`. */
function replaced(args: unknown[], path: (number | string)[], value: unknown): unknown[] {
  const copy = structuredClone(args) as unknown[];
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.5) return GARBAGE[Math.floor(rand() * GARBAGE.length)];
  if (r < 0.75) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(rand() * 4) }, () => [['type', 'payload', 'args', 'playerID', 'credentials', 'id', 'sender', 'x'][Math.floor(rand() * 8)], randomValue(rand, depth + 1)]),
  );
}

function expectWellFormed(reply: Reply, what: string) {
  expect(typeof reply.ok, what).toBe('boolean');
  if (!reply.ok) {
    expect(REFUSAL_CODES, what).toContain(reply.code);
    expect(reply.code, `${what}: ${reply.error}`).not.toBe('internal');
  }
}

describe('malformed socket frames', () => {
  it('answers over a thousand garbage frames, and the match is unchanged', async () => {
    const before = await matchSnapshot();
    const socket = await rawSocket(server.url);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));
    const { credentials } = seats['0'];
    // Each template is a frame the server refuses or accepts harmlessly: the move is not legal.
    const templates: Record<string, { args: unknown[]; paths: (number | string)[][] }> = {
      update: {
        args: [{ type: 'MAKE_MOVE', payload: { type: 'accept', args: [999_999], playerID: '0', credentials } }, before.state._stateID, matchID, '0'],
        paths: [[0], [1], [2], [3], [0, 'type'], [0, 'payload'], [0, 'payload', 'type'], [0, 'payload', 'args'], [0, 'payload', 'playerID'], [0, 'payload', 'credentials']],
      },
      sync: { args: [matchID, '1', seats['1'].credentials, 3], paths: [[0], [1], [2], [3]] },
      chat: {
        args: [matchID, { id: 'm', sender: '0', payload: 'hello' }, credentials],
        paths: [[0], [1], [2], [1, 'id'], [1, 'sender'], [1, 'payload']],
      },
    };
    let frames = 0;
    const send = async (event: string, args: unknown[]) => {
      const reply = await ask(socket, event, ...args);
      expectWellFormed(reply, `${event} ${JSON.stringify(args).slice(0, 200)}`);
      if (event === 'update') expect(reply.ok, `update ${JSON.stringify(args).slice(0, 200)}`).toBe(false);
      frames += 1;
    };
    for (const [event, { args, paths }] of Object.entries(templates)) {
      for (const path of paths) for (const value of GARBAGE) await send(event, replaced(args, path, value));
      for (let n = 0; n <= 6; n++) await send(event, [...args, ...GARBAGE].slice(0, n));
    }
    // Random frames, including events the server does not take.
    const rand = prng(20260501);
    const events = ['update', 'sync', 'chat', 'disconnect-me', 'patch', 'matchData', '__proto__'];
    while (frames < 1100) {
      const event = events[Math.floor(rand() * events.length)];
      const args = Array.from({ length: Math.floor(rand() * 6) }, () => randomValue(rand));
      await send(event, args);
    }
    // Frames without an acknowledgement are answered with a refusal event.
    const refusals: Refusal[] = [];
    socket.on(REFUSED_EVENT, (r: Refusal) => refusals.push(r));
    for (const value of GARBAGE.slice(0, 20)) socket.emit('update', value, value, value);
    expect(await ask(socket, 'sync', 'flush', null)).toMatchObject({ code: 'unknown-match' });
    expect(refusals.length).toBe(20);
    expect(refusals.every((r) => r.code === 'malformed')).toBe(true);

    expect(frames).toBeGreaterThanOrEqual(1000);
    expect(disconnected).toBe(false);
    expect(await matchSnapshot()).toEqual(before);
    expect(faultsOf(server)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    socket.close();
  });

  it('drops a connection that sends an oversized frame, and keeps serving', async () => {
    const before = await matchSnapshot();
    const socket: Socket = await rawSocket(server.url);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    socket.emit('chat', matchID, { id: 'big', sender: '0', payload: 'x'.repeat(200_000) }, seats['0'].credentials);
    expect(await closed).toBeTruthy();
    const again = await rawSocket(server.url);
    expect(await ask(again, 'sync', matchID, null)).toEqual({ ok: true });
    again.close();
    expect(await matchSnapshot()).toEqual(before);
  });
});

describe('malformed Lobby API requests', () => {
  it('answers each with a client error, never a server error, and changes nothing', async () => {
    const before = await matchSnapshot();
    const json = 'application/json';
    type Req = { method?: string; path: string; body?: string | Buffer; type?: string; headers?: Record<string, string> };
    const requests: Req[] = [];
    const bodies = [
      'not json',
      '{',
      '[]',
      '"string"',
      'null',
      '123',
      '{"playerID":"__proto__","playerName":"x"}',
      '{"playerID":"constructor","playerName":"x"}',
      '{"playerID":"toString","playerName":"x"}',
      '{"playerID":["0"],"playerName":"x"}',
      '{"playerID":0,"playerName":"x"}',
      '{"playerName":{"first":"x"}}',
      '{"playerName":""}',
      `{"playerName":"${'x'.repeat(200)}"}`,
      `{"playerName":"x","data":"${'y'.repeat(5000)}"}`,
      '{"playerName":"x","data":{"__proto__":{"polluted":true}}}',
      '{"playerID":"0","credentials":{"$ne":null}}',
      '{"playerID":"0","credentials":"guess","newName":{"x":1}}',
      '{"numPlayers":"three"}',
      '{"numPlayers":1e9}',
      '{"setupData":"x"}',
      '{"setupData":{"scenario":{"$gt":""}}}',
      '{"bots":{"__proto__":{"personality":"hardliner","difficulty":"expert"}}}',
      '{"bots":{"0":{"personality":"hardliner","difficulty":"expert","constructor":1}}}',
      '{"unlisted":"yes"}',
    ];
    const routes = [`/games/${GAME}/create`, ...['join', 'leave', 'update', 'rename', 'playAgain'].map((r) => `/games/${GAME}/${matchID}/${r}`)];
    for (const path of routes) for (const body of bodies) requests.push({ method: 'POST', path, body, type: json });
    for (const path of routes) {
      requests.push({ method: 'POST', path, body: 'playerName=x', type: 'application/x-www-form-urlencoded' });
      requests.push({ method: 'POST', path, body: '{"playerName":"x"}', type: 'text/plain' });
      requests.push({ method: 'POST', path, body: Buffer.alloc(100_000, 0x7b), type: json });
      requests.push({ method: 'POST', path, body: '\u001f\u008b garbage', type: json, headers: { 'Content-Encoding': 'gzip' } });
      requests.push({ method: 'PUT', path, body: '{}', type: json });
      requests.push({ method: 'DELETE', path });
    }
    for (const path of [
      `/games/${GAME}?isGameover=maybe&updatedBefore=soon&updatedAfter=-1`,
      `/games/${GAME}/${'x'.repeat(5000)}`,
      '/games/%E0%A4%A',
      `/games/${GAME}/%E0%A4%A/join`,
      '/games/__proto__/create',
      `/games/${GAME}/__proto__/join`,
      '/games/../../../../etc/passwd',
      `/games/${GAME}/create/extra`,
    ]) {
      requests.push({ method: 'GET', path });
      requests.push({ method: 'POST', path, body: '{"playerName":"x"}', type: json });
    }

    const statuses: number[] = [];
    for (const r of requests) {
      const res = await fetch(`${server.url}${r.path}`, {
        method: r.method ?? 'GET',
        body: r.body as BodyInit | undefined,
        headers: { ...(r.type ? { 'Content-Type': r.type } : {}), ...r.headers },
      });
      await res.arrayBuffer();
      expect(res.status, `${r.method} ${r.path.slice(0, 80)} ${String(r.body).slice(0, 80)}`).toBeLessThan(500);
      statuses.push(res.status);
    }
    expect(requests.length).toBeGreaterThan(200);
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(requests.length * 0.9);
    expect((await fetch(`${server.url}/games`)).status).toBe(200);
    const proto = Object.prototype as unknown as Record<string, unknown>;
    for (const key of ['name', 'credentials', 'data', 'polluted', 'playerName']) expect(proto[key], key).toBeUndefined();
    const after = await matchSnapshot();
    expect(after).toEqual(before);
    expect(faultsOf(server)).toEqual([]);
  });
});
