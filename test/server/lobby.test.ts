/**
 * The Lobby API (through boardgame.io's own `LobbyClient`) and authentication over sockets: every
 * seat of every match needs its credentials, for moves, syncs and chat.
 */
import { LobbyClientError } from 'boardgame.io/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MAX_LENGTH } from '../../src/protocol/chat';
import { REFUSED_EVENT, type Refusal } from '../../src/protocol/refusals';
import { GAME, ask, createMatch, faultsOf, lobbyOf, rawSocket, startTestServer, storedState, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(faultsOf(server)).toEqual([]);
  await server?.stop();
});

/** The HTTP status and the problem's code of a lobby call (`ok` when it succeeded). */
async function outcome(call: Promise<unknown>): Promise<{ status: number; code?: string }> {
  try {
    await call;
    return { status: 200, code: 'ok' };
  } catch (err) {
    if (!(err instanceof LobbyClientError)) throw err;
    return { status: Number(/HTTP status (\d+)/.exec(err.message)?.[1]), code: (err.details as { code?: string }).code };
  }
}

/** A raw POST to the Lobby API, for what `LobbyClient` cannot send. */
async function post(path: string, body: unknown): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json()) as { code?: string };
  return { status: res.status, code: res.ok ? 'ok' : answer.code };
}

const move = (type: string, args: unknown[], playerID: string, credentials?: string) => ({
  type: 'MAKE_MOVE',
  payload: { type, args, playerID, credentials },
});

describe('the lobby', () => {
  it('lists the game at GET /games (boardgame.io 0.50.2 answers 404 to everything with koa-compose 4.2)', async () => {
    const res = await fetch(`${server.url}/games`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(['backchannel']);
    expect(await lobbyOf(server.url).listGames()).toEqual([GAME]);
  });

  it('creates, lists, joins and leaves matches', async () => {
    const lobby = lobbyOf(server.url);
    const { matchID } = await lobby.createMatch(GAME, { numPlayers: 3, setupData: { flavour: 'eu' } });
    const listed = await lobby.listMatches(GAME);
    expect(listed.matches.map((m) => m.matchID)).toContain(matchID);
    const joined = await lobby.joinMatch(GAME, matchID, { playerName: 'Ana' });
    expect(joined.playerID).toBe('0');
    const second = await lobby.joinMatch(GAME, matchID, { playerID: '2', playerName: 'Bo' });
    const match = await lobby.getMatch(GAME, matchID);
    expect(match.players.map((p) => p.name)).toEqual(['Ana', undefined, 'Bo']);
    expect(JSON.stringify(match)).not.toContain(joined.playerCredentials);
    expect((await storedState(server, matchID)).G.flavour).toBe('eu');
    await lobby.leaveMatch(GAME, matchID, { playerID: '2', credentials: second.playerCredentials });
    expect((await lobby.getMatch(GAME, matchID)).players[2].name).toBeUndefined();
    await lobby.updatePlayer(GAME, matchID, { playerID: '0', credentials: joined.playerCredentials, newName: 'Ana B.' });
    expect((await lobby.getMatch(GAME, matchID)).players[0].name).toBe('Ana B.');
  });

  it('refuses what it should, with the right status', async () => {
    const lobby = lobbyOf(server.url);
    const { matchID } = await lobby.createMatch(GAME, { numPlayers: 3 });
    const { playerCredentials } = await lobby.joinMatch(GAME, matchID, { playerID: '0', playerName: 'Ana' });
    // A taken seat, a seat that does not exist, an unknown match.
    expect(await outcome(lobby.joinMatch(GAME, matchID, { playerID: '0', playerName: 'Eve' }))).toEqual({ status: 409, code: 'seat-taken' });
    expect(await outcome(lobby.joinMatch(GAME, matchID, { playerID: '7', playerName: 'Eve' }))).toEqual({ status: 404, code: 'unknown-seat' });
    expect(await outcome(lobby.getMatch(GAME, 'no-such-match'))).toEqual({ status: 404, code: 'unknown-match' });
    expect(await outcome(lobby.joinMatch(GAME, 'no-such-match', { playerName: 'Eve' }))).toEqual({ status: 404, code: 'unknown-match' });
    // Wrong credentials.
    expect(await outcome(lobby.leaveMatch(GAME, matchID, { playerID: '0', credentials: 'guess' }))).toEqual({ status: 403, code: 'unauthorized' });
    expect(await outcome(lobby.updatePlayer(GAME, matchID, { playerID: '0', credentials: 'guess', newName: 'Eve' }))).toEqual({ status: 403, code: 'unauthorized' });
    expect((await lobby.getMatch(GAME, matchID)).players[0].name).toBe('Ana');
    // A full match.
    await lobby.joinMatch(GAME, matchID, { playerName: 'Bo' });
    await lobby.joinMatch(GAME, matchID, { playerName: 'Cy' });
    expect(await outcome(lobby.joinMatch(GAME, matchID, { playerName: 'Di' }))).toEqual({ status: 409, code: 'seat-taken' });
    // Bad create requests: a seat count other than three, a scenario the rules do not know, another game.
    expect(await outcome(lobby.createMatch(GAME, { numPlayers: 2 }))).toEqual({ status: 400, code: 'malformed' });
    expect(await outcome(lobby.createMatch(GAME, { numPlayers: 3, setupData: { scenario: 'nope' } }))).toEqual({ status: 400, code: 'invalid-setup' });
    expect(await outcome(lobby.createMatch('chess', { numPlayers: 2 }))).toEqual({ status: 404, code: 'not-found' });
    expect(playerCredentials).toBeTruthy();
  });

  it('seats server-side bots that nobody can join or leave', async () => {
    const lobby = lobbyOf(server.url);
    const bots = { '1': { personality: 'hardliner', difficulty: 'novice' }, '2': { personality: 'conciliator', difficulty: 'expert' } };
    const { matchID } = await lobby.createMatch(GAME, { numPlayers: 3, bots });
    const match = await lobby.getMatch(GAME, matchID);
    expect(match.players.map((p) => p.name)).toEqual([undefined, 'Hardliner bot (Novice)', 'Conciliator bot (Expert)']);
    expect((match as unknown as { bots: unknown }).bots).toEqual(bots);
    expect(await outcome(lobby.joinMatch(GAME, matchID, { playerID: '1', playerName: 'Eve' }))).toEqual({ status: 409, code: 'seat-taken' });
    expect(await outcome(lobby.leaveMatch(GAME, matchID, { playerID: '1', credentials: 'guess' }))).toEqual({ status: 403, code: 'unauthorized' });
    expect((await lobby.joinMatch(GAME, matchID, { playerName: 'Ana' })).playerID).toBe('0');
    for (const bad of [
      { '3': { personality: 'hardliner', difficulty: 'novice' } },
      { '1': { personality: 'warmonger', difficulty: 'novice' } },
      { '1': { personality: 'hardliner', difficulty: 'novice', extra: 1 } },
      { '1': 'hardliner' },
      ['hardliner'],
    ])
      expect(await outcome(lobby.createMatch(GAME, { numPlayers: 3, bots: bad }))).toEqual({ status: 400, code: 'malformed' });
  });
});

describe('the lobby guard', () => {
  it('checks a route however its path is spelled, as boardgame.io’s router finds it in any case', async () => {
    const { matchID } = await createMatch(server.url, { join: [] });
    const join = (games: string, action = 'join') => `/${games}/${GAME}/${matchID}/${action}`;
    const proto = Object.prototype as unknown as Record<string, unknown>;
    // Each went around the guard, which compared "games" case-sensitively, to boardgame.io's join.
    expect(await post(join('GAMES'), { playerID: '__proto__', playerName: 'Eve' })).toEqual({ status: 400, code: 'malformed' });
    expect(proto.name).toBeUndefined();
    expect(await post(join('GAMES'), { playerID: 0, playerName: 'Eve' })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(join('Games'), { playerID: '1', playerName: { first: 'Eve' } })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(join('gAmes'), { playerID: '1', playerName: 'E'.repeat(65) })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(join('GAMES'), { playerID: '1', playerName: 'Eve', data: 'x'.repeat(2049) })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(join('GAMES', 'rename'), { playerID: '1', credentials: 'guess', newName: { x: 1 } })).toEqual({ status: 400, code: 'malformed' });
    expect((await lobbyOf(server.url).getMatch(GAME, matchID)).players.map((p) => p.name)).toEqual([undefined, undefined, undefined]);
    // A legitimate join is taken in any case too, checked: the route is the same route.
    expect(await post(join('GAMES', 'JOIN'), { playerID: '2', playerName: 'Cy' })).toEqual({ status: 200, code: 'ok' });
    expect(await post(`${join('games')}/`, { playerID: '1', playerName: 'Bo' })).toEqual({ status: 200, code: 'ok' });
    expect((await lobbyOf(server.url).getMatch(GAME, matchID)).players.map((p) => p.name)).toEqual([undefined, 'Bo', 'Cy']);
  });

  it('takes three seats and nothing else wherever a seat count appears, playAgain included', async () => {
    const { matchID, seats } = await createMatch(server.url, { join: ['0'] });
    const { credentials } = seats['0'];
    const playAgain = `/games/${GAME}/${matchID}/playAgain`;
    // boardgame.io builds a match of any size it is sent: 10,000,000 seats froze the server for minutes.
    expect(await post(playAgain, { playerID: '0', credentials, numPlayers: 4 })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(playAgain, { playerID: '0', credentials, numPlayers: 10_000_000 })).toEqual({ status: 400, code: 'malformed' });
    expect((await server.store.fetch(matchID, { metadata: true })).metadata.nextMatchID).toBeUndefined();
    expect(await post(`/games/${GAME}/create`, { numPlayers: 4 })).toEqual({ status: 400, code: 'malformed' });
    const again = await lobbyOf(server.url).playAgain(GAME, matchID, { playerID: '0', credentials, numPlayers: 3 });
    expect(Object.keys((await server.store.fetch(again.nextMatchID, { metadata: true })).metadata.players)).toEqual(['0', '1', '2']);
  });

  it('refuses fields a route does not take, and queries it does not know', async () => {
    const { matchID } = await createMatch(server.url, { join: [] });
    // boardgame.io ignored them, and the guard dropped them without a word.
    expect(await post(`/games/${GAME}/${matchID}/join`, { playerID: '0', playerName: 'Ana', isAdmin: true })).toEqual({ status: 400, code: 'malformed' });
    expect(await post(`/games/${GAME}/create`, { numPlayers: 3, setupData: { scenario: 'talks-resume', seed: 'fixed' } })).toEqual({ status: 400, code: 'malformed' });
    const listed = await fetch(`${server.url}/games/${GAME}?isGameover=maybe`);
    expect([listed.status, ((await listed.json()) as { code: string }).code]).toEqual([400, 'malformed']);
    expect((await lobbyOf(server.url).getMatch(GAME, matchID)).players[0].name).toBeUndefined();
  });
});

describe('authentication over sockets', () => {
  it('refuses moves without the seat’s credentials, and changes nothing', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const before = await storedState(server, matchID);
    const socket = await rawSocket(server.url);
    // A seat that can act now, and a move it may make (answering the incident, or saying Done).
    const [me, stage] = Object.entries(before.ctx.activePlayers ?? {})[0];
    const [legal, legalArgs] = stage === 'respond' ? ['respond', ['restraint']] : ['done', []];
    const other = ['0', '1', '2'].find((s) => s !== me)!;
    const { credentials } = seats[me];
    const id = before._stateID;
    const refused = async (args: unknown[], code: string) => expect(await ask(socket, 'update', ...args)).toMatchObject({ ok: false, code });
    await refused([move(legal, legalArgs, me), id, matchID, me], 'unauthorized');
    await refused([move(legal, legalArgs, me, 'guess'), id, matchID, me], 'unauthorized');
    await refused([move(legal, legalArgs, me, seats[other].credentials), id, matchID, me], 'unauthorized');
    // One seat's credentials, acting as another: the action's seat must be the frame's.
    await refused([move(legal, legalArgs, other, credentials), id, matchID, me], 'malformed');
    // Events and state replacements are not moves.
    await refused([{ type: 'GAME_EVENT', payload: { type: 'endGame', args: [], playerID: me, credentials } }, id, matchID, me], 'malformed');
    await refused([{ type: 'UPDATE', state: { G: {}, ctx: {} }, payload: { playerID: me, credentials } }, id, matchID, me], 'malformed');
    await refused([{ type: 'RESET', state: {}, payload: { playerID: me, credentials } }, id, matchID, me], 'malformed');
    await refused([move(legal, legalArgs, me, credentials), id, 'no-such-match', me], 'unknown-match');
    await refused([move(legal, legalArgs, '5', credentials), id, matchID, '5'], 'unknown-seat');
    await refused([move('teleport', [], me, credentials), id, matchID, me], 'invalid-move');
    // boardgame.io finds moves with `in`: these would run Object.prototype's functions as moves.
    for (const inherited of ['constructor', 'toString', 'valueOf', 'hasOwnProperty'])
      await refused([move(inherited, [], me, credentials), id, matchID, me], 'invalid-move');
    expect(await storedState(server, matchID)).toBe(before);
    // With its credentials, the seat moves.
    expect(await ask(socket, 'update', move(legal, legalArgs, me, credentials), id, matchID, me)).toEqual({ ok: true });
    const after = await storedState(server, matchID);
    expect(after._stateID).toBe(id + 1);
    // The same frame again is a replay: answered as taken, and nothing changes.
    expect(await ask(socket, 'update', move(legal, legalArgs, me, credentials), id, matchID, me)).toEqual({ ok: true });
    expect(await storedState(server, matchID)).toBe(after);
    // The same move on the current state is judged on it: no longer legal, and nothing changes.
    const again = await ask(socket, 'update', move(legal, legalArgs, me, credentials), id + 1, matchID, me);
    expect(again).toMatchObject({ ok: false });
    expect(['invalid-move', 'not-active']).toContain((again as { code: string }).code);
    expect(await storedState(server, matchID)).toBe(after);
    socket.close();
  });

  it('refuses every seat of a match nobody has joined (boardgame.io lets anyone act there)', async () => {
    const { matchID } = await createMatch(server.url, { join: [] });
    const socket = await rawSocket(server.url);
    expect(await ask(socket, 'sync', matchID, '0', undefined, 3)).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await ask(socket, 'update', move('done', [], '0'), 0, matchID, '0')).toMatchObject({ ok: false, code: 'unauthorized' });
    // Watching needs no seat.
    expect(await ask(socket, 'sync', matchID, null, undefined, 3)).toEqual({ ok: true });
    expect((await storedState(server, matchID))._stateID).toBe(0);
    socket.close();
  });

  it('does not create a match when a socket syncs to an unknown one', async () => {
    const socket = await rawSocket(server.url);
    expect(await ask(socket, 'sync', 'invented-id', null, undefined, 3)).toMatchObject({ ok: false, code: 'unknown-match' });
    expect(await ask(socket, 'sync', 'invented-id', '0', 'x', 3)).toMatchObject({ ok: false, code: 'unknown-match' });
    expect(await server.store.current('invented-id')).toBeUndefined();
    socket.close();
  });

  it('re-syncs a seat whose move was refused, and tells it why when it sent no ack', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    expect(await ask(socket, 'sync', matchID, '0', seats['0'].credentials, 3)).toEqual({ ok: true });
    const syncs: number[] = [];
    const refusals: Refusal[] = [];
    socket.on('sync', (_m: string, info: { state: { _stateID: number } }) => syncs.push(info.state._stateID));
    socket.on(REFUSED_EVENT, (r: Refusal) => refusals.push(r));
    socket.emit('update', move('act', ['no-such-action'], '0', seats['0'].credentials), 0, matchID, '0');
    await waitFor(() => refusals.length && syncs.length, 'a refusal and a sync');
    // Refused by the rules, or because seat 0 must wait for another seat's answer to the incident.
    expect(refusals).toMatchObject([{ ok: false, event: 'update' }]);
    expect(['invalid-move', 'not-active']).toContain(refusals[0].code);
    expect(syncs).toEqual([0]);
    socket.close();
  });

  it('delivers chat from a seat with its credentials, and refuses the rest', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const alice = await rawSocket(server.url);
    const bob = await rawSocket(server.url);
    expect(await ask(alice, 'sync', matchID, '0', seats['0'].credentials, 3)).toEqual({ ok: true });
    expect(await ask(bob, 'sync', matchID, '1', seats['1'].credentials, 3)).toEqual({ ok: true });
    const heard: unknown[] = [];
    bob.on('chat', (_m: string, message: unknown) => heard.push(message));
    const message = { id: 'm1', sender: '0', payload: 'Shall we talk?' };
    expect(await ask(alice, 'chat', matchID, message, seats['0'].credentials)).toEqual({ ok: true });
    await waitFor(() => heard.length, 'the chat message');
    expect(heard).toEqual([message]);
    expect(await ask(alice, 'chat', matchID, { ...message, payload: 'x'.repeat(CHAT_MAX_LENGTH + 1) }, seats['0'].credentials)).toMatchObject({ code: 'too-long' });
    expect(await ask(alice, 'chat', matchID, { ...message, sender: '1' }, seats['0'].credentials)).toMatchObject({ code: 'unauthorized' });
    expect(await ask(alice, 'chat', matchID, { ...message, payload: { html: '<b>' } }, seats['0'].credentials)).toMatchObject({ code: 'malformed' });
    alice.close();
    bob.close();
  });
});
