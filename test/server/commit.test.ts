/**
 * How a move is committed over real sockets: only on the state id it was computed from, so a move
 * that another writer (another node) beat is run again on what that writer stored; and a move
 * whose write fails is refused with the truth, changes nothing, and reaches no other seat.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LogEntry, State } from 'boardgame.io';
import { CreateGameReducer } from 'boardgame.io/internal';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { Backchannel } from '../../src/game';
import type { GameState } from '../../src/game/state';
import { SQLITE_FILE } from '../../src/server/databases';
import { SqliteRepository } from '../../src/server/sqlite';
import { MatchStore } from '../../src/server/storage';
import { ask, createMatch, rawSocket, startTestServer, storedState, tempDir, waitFor, type Seat, type TestServer } from './helpers';

type Move = { move: string; args: unknown[] };
const enumerate = (state: State, seat: string) => Backchannel.ai!.enumerate(state.G, state.ctx, seat) as Move[];
const frame = (seat: Seat, { move, args }: Move, stateID: number, matchID: string) =>
  [{ type: 'MAKE_MOVE', payload: { type: move, args, playerID: seat.playerID, credentials: seat.credentials } }, stateID, matchID, seat.playerID] as const;
const reduce = CreateGameReducer({ game: Backchannel, isClient: false }) as unknown as (s: State, a: unknown) => State & { deltalog?: LogEntry[] };
/** boardgame.io's reducer, on a copy: it changes the state's `ctx` in place. */
const reducer = (s: State, a: unknown) => reduce(structuredClone(s), a);

/**
 * A move of one seat, and a move another seat can still make after it, from the state it had
 * before (every move ignores stale state ids); the match's setup is random.
 */
function twoMoves(state: State): { outside: { seat: string; move: Move }; mine: { seat: string; move: Move } } {
  const active = Object.keys(state.ctx.activePlayers ?? {});
  for (const a of active)
    for (const move of enumerate(state, a)) {
      const next = reducer(state, { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args, playerID: a } });
      for (const b of active.filter((s) => s !== a && s in (next.ctx.activePlayers ?? {}))) {
        const after = enumerate(next, b)[0];
        if (after) return { outside: { seat: a, move }, mine: { seat: b, move: after } };
      }
    }
  throw new Error('no two seats can move one after the other');
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function setUp(): Promise<{ server: TestServer; file: string; matchID: string; seats: Record<string, Seat>; socket: Socket }> {
  const data = tempDir('bc-commit-');
  cleanup.push(() => data.remove());
  const server = await startTestServer({ storage: 'sqlite', dataDir: data.dir });
  cleanup.push(() => server.stop());
  const { matchID, seats } = await createMatch(server.url);
  const socket = await rawSocket(server.url);
  cleanup.push(() => socket.close());
  // A round may open with one seat answering an incident: play on until the seats negotiate at once.
  for (let state = await storedState(server, matchID); Object.keys(state.ctx.activePlayers ?? {}).length < 2; state = await storedState(server, matchID)) {
    const seat = Object.keys(state.ctx.activePlayers ?? {})[0];
    expect(await ask(socket, 'update', ...frame(seats[seat], enumerate(state, seat)[0], state._stateID, matchID))).toEqual({ ok: true });
  }
  return { server, file: path.join(data.dir, SQLITE_FILE), matchID, seats, socket };
}

/** Every update a seat's socket hears, as state ids. */
async function listen(server: TestServer, matchID: string, seat: Seat): Promise<number[]> {
  const socket = await rawSocket(server.url);
  cleanup.push(() => socket.close());
  const heard: number[] = [];
  socket.on('update', (_m: string, s: { _stateID: number }) => heard.push(s._stateID));
  expect(await ask(socket, 'sync', matchID, seat.playerID, seat.credentials, 3)).toEqual({ ok: true });
  return heard;
}

describe('committing moves', () => {
  it('runs a move again on what another writer stored first, and keeps both', async () => {
    const { server, file, matchID, seats, socket } = await setUp();
    const heard = await listen(server, matchID, seats['2']);
    const before = await storedState(server, matchID);
    // Another node commits seat 0's move behind this server's back.
    const other = new MatchStore(new SqliteRepository(file));
    cleanup.push(() => other.close());
    await other.connect();
    const { outside, mine } = twoMoves(before);
    const { deltalog, ...next } = reducer(before, { type: 'MAKE_MOVE', payload: { type: outside.move.move, args: outside.move.args, playerID: outside.seat } });
    expect(await other.commit(matchID, before._stateID, { state: next as State, log: deltalog })).toBe('committed');

    // Another seat moves from the state it last heard of, which this server still holds too.
    expect(await ask(socket, 'update', ...frame(seats[mine.seat], mine.move, before._stateID, matchID))).toEqual({ ok: true });
    const after = await storedState(server, matchID);
    expect(after._stateID).toBe(next._stateID + 1);
    const { log } = await server.store.fetch(matchID, { log: true });
    expect(log.filter((e) => e.action.type === 'MAKE_MOVE' && e._stateID >= before._stateID).map((e) => [e._stateID, e.action.payload.playerID])).toEqual([
      [before._stateID, outside.seat],
      [before._stateID + 1, mine.seat],
    ]);
    await waitFor(() => heard.includes(after._stateID), 'the other seat to hear the move');
  });

  it('refuses a move whose write fails, says so, changes nothing and sends nothing; then takes it', async () => {
    const { server, file, matchID, seats, socket } = await setUp();
    const before = await storedState(server, matchID);
    const { outside: mover } = twoMoves(before);
    const heard = await listen(server, matchID, seats[['0', '1', '2'].find((s) => s !== mover.seat)!]);
    const move = frame(seats[mover.seat], mover.move, before._stateID, matchID);
    const admin = new Database(file);
    cleanup.push(() => admin.close());
    admin.exec(`CREATE TRIGGER full BEFORE INSERT ON log BEGIN SELECT RAISE(ABORT, 'disk is full (simulated)'); END`);

    const syncs: State<GameState>[] = [];
    socket.on('sync', (_m: string, s: { state: State<GameState> }) => syncs.push(s.state));
    const reply = await ask(socket, 'update', ...move);
    expect(reply).toMatchObject({ ok: false, code: 'internal', error: expect.stringMatching(/could not save this move, so it was not played/) });
    // The mover is shown the state the match is really in.
    await waitFor(() => syncs.length === 1, 'the resync');
    expect(syncs[0]._stateID).toBe(before._stateID);
    expect(await storedState(server, matchID)).toEqual(before);
    expect(server.logs.some((l) => l.includes('disk is full (simulated)'))).toBe(true);

    admin.exec('DROP TRIGGER full');
    expect(await ask(socket, 'update', ...move)).toEqual({ ok: true });
    expect((await storedState(server, matchID))._stateID).toBe(before._stateID + 1);
    await waitFor(() => heard.length > 0, 'the other seat to hear the move');
    // Nothing of the refused attempt reached it: the first update it heard is the move taken.
    expect(heard).toEqual([before._stateID + 1]);
  });
});
