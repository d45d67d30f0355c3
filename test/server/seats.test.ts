/**
 * A socket holds a seat only while the seat's credentials are the ones it synced with: when the
 * seat is left and taken by someone else, or its credentials change in the store any other way (a
 * key reset), every socket registered under the old ones is dropped from the seat at once, told
 * why, and hears nothing of its successor's.
 */
import type { State } from 'boardgame.io';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameState } from '../../src/game/state';
import { REFUSED_EVENT } from '../../src/protocol/refusals';
import { GAME, ask, createMatch, lobbyOf, rawSocket, startTestServer, storedState, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

type Heard = { event: string; args: unknown[] }[];

function listen(socket: Socket): Heard {
  const heard: Heard = [];
  socket.onAny((event: string, ...args: unknown[]) => heard.push({ event, args }));
  return heard;
}

/** Resolves once `socket` has received everything the server sent it so far: the answer comes after. */
async function drained(socket: Socket): Promise<void> {
  expect(await ask(socket, 'sync', 'no-such-match', null)).toMatchObject({ code: 'unknown-match' });
}

const revoked = (heard: Heard) => heard.some(({ event, args }) => event === REFUSED_EVENT && (args[0] as { event: string; code: string }).event === 'sync' && (args[0] as { code: string }).code === 'unauthorized');

/** The first active seat of `keys` (seat → credentials) answers the incident (or says Done), from `socket`. */
async function move(socket: Socket, matchID: string, keys: Record<string, string>): Promise<number> {
  const state = await storedState(server, matchID);
  const [seat, stage] = Object.entries(state.ctx.activePlayers ?? {}).find(([s]) => s in keys)!;
  const credentials = keys[seat];
  const [type, args] = stage === 'respond' ? ['respond', ['restraint']] : ['done', []];
  expect(await ask(socket, 'update', { type: 'MAKE_MOVE', payload: { type, args, playerID: seat, credentials } }, state._stateID, matchID, seat)).toEqual({ ok: true });
  return state._stateID + 1;
}

const heardState = (heard: Heard, stateID: number) => heard.some(({ event, args }) => event === 'update' && (args[1] as State)._stateID === stateID);

describe('a seat’s sockets follow its credentials', () => {
  it('drops a socket from a seat its player left, and it hears nothing of the next player’s', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const old = await rawSocket(server.url);
    const heardOld = listen(old);
    expect(await ask(old, 'sync', matchID, '0', seats['0'].credentials, 3)).toEqual({ ok: true });
    // It played seat 0: its sync carried the seat's own secrets.
    const sync = heardOld.find((h) => h.event === 'sync')!.args[1] as { state: State<GameState> };
    expect(Array.isArray(sync.state.G.secrets['0'].agendas)).toBe(true);

    const lobby = lobbyOf(server.url);
    await lobby.leaveMatch(GAME, matchID, { playerID: '0', credentials: seats['0'].credentials });
    await waitFor(() => revoked(heardOld), 'the old socket to be told it lost the seat', 5_000);
    const mark = heardOld.length;

    const { playerCredentials } = await lobby.joinMatch(GAME, matchID, { playerID: '0', playerName: 'Successor' });
    const next = await rawSocket(server.url);
    const heardNext = listen(next);
    expect(await ask(next, 'sync', matchID, '0', playerCredentials, 3)).toEqual({ ok: true });
    const stateID = await move(next, matchID, { '0': playerCredentials, '1': seats['1'].credentials, '2': seats['2'].credentials });
    await waitFor(() => heardState(heardNext, stateID), 'the successor to hear its move');
    await drained(old);
    expect(heardOld.slice(mark)).toEqual([]);
    // And the old credentials no longer sync.
    expect(await ask(old, 'sync', matchID, '0', seats['0'].credentials, 3)).toMatchObject({ ok: false, code: 'unauthorized' });
    [old, next].forEach((s) => s.close());
  });

  it('drops every socket of a seat whose credentials change in the store, as a key reset would', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const team = await Promise.all([rawSocket(server.url), rawSocket(server.url)]);
    const heardTeam = team.map(listen);
    for (const s of team) expect(await ask(s, 'sync', matchID, '1', seats['1'].credentials, 3)).toEqual({ ok: true });
    const watcher = await rawSocket(server.url);
    const heardWatcher = listen(watcher);
    expect(await ask(watcher, 'sync', matchID, null)).toEqual({ ok: true });

    const { metadata } = await server.store.fetch(matchID, { metadata: true });
    const reset = 'a-new-key-for-seat-1';
    metadata.players[1].credentials = reset;
    await server.store.setMetadata(matchID, metadata);
    await waitFor(() => heardTeam.every(revoked), 'both sockets to be told they lost the seat', 5_000);
    const marks = heardTeam.map((h) => h.length);

    const stateID = await move(watcher, matchID, { '0': seats['0'].credentials, '1': reset, '2': seats['2'].credentials });
    await waitFor(() => heardState(heardWatcher, stateID), 'a spectator to hear the move');
    for (const [i, s] of team.entries()) {
      await drained(s);
      expect(heardTeam[i].slice(marks[i])).toEqual([]);
    }
    [...team, watcher].forEach((s) => s.close());
  });
});
