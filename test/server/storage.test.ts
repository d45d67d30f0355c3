/**
 * The storage, on every database in `backends.ts`: what is committed survives a reopening; a
 * move commits only on the state id it was computed from (compare-and-set); a write that fails
 * partway (as on a full disk) rejects, leaves memory and the database as they were, and loses
 * nothing committed before it.
 */
import type { LogEntry, Server, State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedBot } from '../../src/bots';
import { Backchannel } from '../../src/game';
import { MatchStore } from '../../src/server/storage';
import { BACKENDS, type TestDatabase } from './backends';

const metadata = (name = 'backchannel', updatedAt = 1): Server.MatchData => ({
  gameName: name,
  players: { 0: { id: 0, name: 'Ana', credentials: 'secret' }, 1: { id: 1 } },
  createdAt: 1,
  updatedAt,
});
const state = (id: number, over = false) =>
  ({ G: { n: id, pad: 'x'.repeat(200) }, ctx: { turn: 1, ...(over ? { gameover: { path: 'stalemate' } } : {}) }, plugins: {}, _undo: [], _redo: [], _stateID: id }) as unknown as State;
const entry = (id: number) => ({ _stateID: id, turn: 1, phase: 'p', action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [id], playerID: '0' } } }) as unknown as LogEntry;

describe.each(BACKENDS)('storage on $name', (backend) => {
  const opened: MatchStore[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await Promise.all(databases.splice(0).map((d) => d.remove()));
  });

  async function database(): Promise<TestDatabase> {
    const db = await backend.create();
    databases.push(db);
    return db;
  }

  /** A store on its own connection to `db`. */
  async function open(db: TestDatabase): Promise<MatchStore> {
    const store = new MatchStore(db.repository());
    opened.push(store);
    await store.connect();
    return store;
  }

  it('keeps matches, states, metadata and the action log across a reopening', async () => {
    const db = await database();
    const store = await open(db);
    await store.createMatch('m1', { initialState: state(0), metadata: metadata() });
    expect(await store.commit('m1', 0, { state: state(1), log: [entry(0)] })).toBe('committed');
    expect(await store.commit('m1', 1, { state: state(2), log: [entry(1)], metadata: metadata('backchannel', 5) })).toBe('committed');
    await store.createMatch('odd id/with ünicode', { initialState: state(0), metadata: metadata('other') });
    await store.createMatch('over', { initialState: state(3, true), metadata: { ...metadata(), gameover: { path: 'stalemate' } } });

    const again = await open(db);
    const got = await again.fetch('m1', { state: true, metadata: true, log: true, initialState: true });
    expect(got.state).toEqual(state(2));
    expect(got.initialState).toEqual(state(0));
    expect(got.log).toEqual([entry(0), entry(1)]);
    expect(got.metadata.updatedAt).toBe(5);
    expect((await again.listMatches()).sort()).toEqual(['m1', 'odd id/with ünicode', 'over']);
    expect(await again.listMatches({ gameName: 'other' })).toEqual(['odd id/with ünicode']);
    expect(await again.listMatches({ where: { updatedAfter: 3 } })).toEqual(['m1']);
    expect(await again.listMatches({ where: { isGameover: true } })).toEqual(['over']);
    expect((await again.listMatches({ where: { isGameover: false, updatedBefore: 3 } })).sort()).toEqual(['odd id/with ünicode']);
    await again.wipe('m1');
    expect(await again.current('m1')).toBeUndefined();
    expect(await (await open(db)).fetch('m1', { state: true, log: true })).toEqual({ state: undefined, log: undefined });
    await expect(again.createMatch('over', { initialState: state(0), metadata: metadata() })).rejects.toThrow();
  });

  it('commits a move only on the state id it was computed from, and says when another writer came first', async () => {
    const db = await database();
    const node1 = await open(db);
    const node2 = await open(db);
    await node1.createMatch('m', { initialState: state(0), metadata: metadata() });
    // Both read state 0 (and cache it, where caching is allowed); node 1 commits first.
    expect((await node1.current('m'))!.state._stateID).toBe(0);
    expect((await node2.current('m'))!.state._stateID).toBe(0);
    expect(await node1.commit('m', 0, { state: state(1), log: [entry(0)] })).toBe('committed');
    expect(await node2.commit('m', 0, { state: { ...state(1), G: { n: 'lost' } } as unknown as State, log: [entry(0)], metadata: metadata('x') })).toBe('conflict');
    // The loser sees the winner's state, and its own write left nothing behind.
    expect((await node2.current('m'))!.state).toEqual(state(1));
    const all = await node2.fetch('m', { log: true, metadata: true });
    expect(all.log).toEqual([entry(0)]);
    expect(all.metadata.gameName).toBe('backchannel');
    expect(await node2.commit('m', 1, { state: state(2), log: [entry(1)] })).toBe('committed');
    expect(await node2.commit('nope', 0, { state: state(1) })).toBe('missing');
  });

  it('refuses a write that fails partway, leaving memory and the database as they were', async () => {
    const db = await database();
    const store = await open(db);
    const heard: number[] = [];
    store.onStateChange((_id, s) => heard.push(s._stateID));
    await store.createMatch('m', { initialState: state(0), metadata: metadata() });
    expect(await store.commit('m', 0, { state: state(1), log: [entry(0)] })).toBe('committed');

    await db.breakWrites();
    await expect(store.commit('m', 1, { state: state(2), log: [entry(1)], metadata: metadata('backchannel', 9) })).rejects.toThrow(/disk is full/);
    await expect(store.setState('m', state(2), [entry(1)])).rejects.toThrow(/disk is full/);
    expect(heard).toEqual([0, 1]);
    for (const s of [store, await open(db)]) {
      const got = await s.fetch('m', { state: true, log: true, metadata: true });
      expect(got.state).toEqual(state(1));
      expect(got.log).toEqual([entry(0)]);
      expect(got.metadata.updatedAt).toBe(1);
    }

    await db.mendWrites();
    expect(await store.commit('m', 1, { state: state(2), log: [entry(1)] })).toBe('committed');
    expect((await (await open(db)).fetch('m', { log: true })).log).toEqual([entry(0), entry(1)]);
  });

  it('gives out copies of metadata whose players table has no prototype', async () => {
    const store = await open(await database());
    await store.createMatch('m', { initialState: state(0), metadata: metadata() });
    const { metadata: copy } = await store.fetch('m', { metadata: true });
    copy.players[0].name = 'Changed';
    expect((copy.players as Record<string, unknown>)['__proto__']).toBeUndefined();
    expect((await store.fetch('m', { metadata: true })).metadata.players[0].name).toBe('Ana');
    expect((await store.fetch('nope', { state: true, metadata: true })).state).toBeUndefined();
  });

  it('stores every state of a whole bot game exactly', async () => {
    const db = await database();
    const game = { ...Backchannel, seed: 'storage' };
    const reducer = CreateGameReducer({ game, isClient: false }) as unknown as (s: State, a: unknown) => State;
    let current = InitializeGame({ game, numPlayers: 3 }) as State;
    const store = await open(db);
    await store.createMatch('g', { initialState: current, metadata: metadata() });
    const bot = new (scriptedBot({ personality: 'conciliator', difficulty: 'expert' }))({ enumerate: Backchannel.ai!.enumerate, seed: 'j' });
    let last = '2';
    let checks = 0;
    while (current.ctx.gameover === undefined) {
      const active = Object.keys(current.ctx.activePlayers ?? {}).sort();
      const seat = active.find((s) => s > last) ?? active[0];
      const { action } = await bot.play(current, seat);
      const before = current._stateID;
      const { deltalog, ...next } = reducer(current, action) as State & { deltalog?: LogEntry[] };
      current = next as State;
      expect(await store.commit('g', before, { state: current, log: deltalog })).toBe('committed');
      last = seat;
      if (current._stateID % 37 === 0 || current.ctx.gameover !== undefined) {
        expect((await (await open(db)).fetch('g', { state: true })).state).toEqual(JSON.parse(JSON.stringify(current)));
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(3);
  });
});
