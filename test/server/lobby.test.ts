/**
 * The Lobby API (through boardgame.io's own `LobbyClient`) and authentication over sockets: every
 * seat of every match needs its credentials, for moves, syncs and chat.
 */
import { LobbyClientError } from 'boardgame.io/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MAX_LENGTH, REFUSED_EVENT, type Refusal } from '../../src/server/protocol';
import { GAME, ask, createMatch, lobbyOf, rawSocket, startTestServer, storedState, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(server.logs).toEqual([]);
  await server?.stop();
});

/** The HTTP status of a refused lobby call. */
async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (err) {
    if (err instanceof LobbyClientError) return Number(/HTTP status (\d+)/.exec(err.message)?.[1]);
    throw err;
  }
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
    expect(await status(lobby.joinMatch(GAME, matchID, { playerID: '0', playerName: 'Eve' }))).toBe(409);
    expect(await status(lobby.joinMatch(GAME, matchID, { playerID: '7', playerName: 'Eve' }))).toBe(404);
    expect(await status(lobby.getMatch(GAME, 'no-such-match'))).toBe(404);
    expect(await status(lobby.joinMatch(GAME, 'no-such-match', { playerName: 'Eve' }))).toBe(404);
    // Wrong credentials.
    expect(await status(lobby.leaveMatch(GAME, matchID, { playerID: '0', credentials: 'guess' }))).toBe(403);
    expect(await status(lobby.updatePlayer(GAME, matchID, { playerID: '0', credentials: 'guess', newName: 'Eve' }))).toBe(403);
    expect((await lobby.getMatch(GAME, matchID)).players[0].name).toBe('Ana');
    // A full match.
    await lobby.joinMatch(GAME, matchID, { playerName: 'Bo' });
    await lobby.joinMatch(GAME, matchID, { playerName: 'Cy' });
    expect(await status(lobby.joinMatch(GAME, matchID, { playerName: 'Di' }))).toBe(409);
    // Bad create requests: the engine's own message for setupData.
    expect(await status(lobby.createMatch(GAME, { numPlayers: 2 }))).toBe(400);
    expect(await status(lobby.createMatch(GAME, { numPlayers: 3, setupData: { scenario: 'nope' } }))).toBe(400);
    expect(await status(lobby.createMatch('chess', { numPlayers: 2 }))).toBe(404);
    expect(playerCredentials).toBeTruthy();
  });

  it('seats server-side bots that nobody can join or leave', async () => {
    const lobby = lobbyOf(server.url);
    const bots = { '1': { personality: 'hardliner', difficulty: 'novice' }, '2': { personality: 'conciliator', difficulty: 'expert' } };
    const { matchID } = await lobby.createMatch(GAME, { numPlayers: 3, bots });
    const match = await lobby.getMatch(GAME, matchID);
    expect(match.players.map((p) => p.name)).toEqual([undefined, 'Hardliner bot (Novice)', 'Conciliator bot (Expert)']);
    expect((match as unknown as { bots: unknown }).bots).toEqual(bots);
    expect(await status(lobby.joinMatch(GAME, matchID, { playerID: '1', playerName: 'Eve' }))).toBe(409);
    expect(await status(lobby.leaveMatch(GAME, matchID, { playerID: '1', credentials: 'guess' }))).toBe(403);
    expect((await lobby.joinMatch(GAME, matchID, { playerName: 'Ana' })).playerID).toBe('0');
    for (const bad of [
      { '3': { personality: 'hardliner', difficulty: 'novice' } },
      { '1': { personality: 'warmonger', difficulty: 'novice' } },
      { '1': { personality: 'hardliner', difficulty: 'novice', extra: 1 } },
      { '1': 'hardliner' },
      ['hardliner'],
    ])
      expect(await status(lobby.createMatch(GAME, { numPlayers: 3, bots: bad }))).toBe(400);
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
    // Seats act at once, so a move sent against an older state is judged on the current one: the
    // same move again is no longer legal, and nothing changes.
    const again = await ask(socket, 'update', move(legal, legalArgs, me, credentials), id, matchID, me);
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
    expect(server.store.has('invented-id')).toBe(false);
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
