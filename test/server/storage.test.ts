/**
 * The file storage: what is written survives a reload; what a kill leaves behind (a temporary
 * file, a torn last record) is cleaned up; damage is cut off or skipped with a warning, never a
 * crash; journals are compacted and kept open within a limit.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LogEntry, Server, State } from 'boardgame.io';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import { scriptedBot } from '../../src/bots';
import { Backchannel } from '../../src/game';
import { MatchStore, applies, diff, patch, type StoreOptions } from '../../src/server/storage';
import { tempDir } from './helpers';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function dir(): string {
  const d = tempDir('bc-store-');
  dirs.push(d);
  return d.dir;
}

const metadata = (name = 'backchannel'): Server.MatchData => ({
  gameName: name,
  players: { 0: { id: 0, name: 'Ana', credentials: 'secret' }, 1: { id: 1 } },
  createdAt: 1,
  updatedAt: 1,
});
const state = (id: number, over = false) =>
  ({ G: { n: id, pad: 'x'.repeat(200) }, ctx: { turn: 1, ...(over ? { gameover: { path: 'stalemate' } } : {}) }, plugins: {}, _undo: [], _redo: [], _stateID: id }) as unknown as State;
const entry = (id: number) => ({ _stateID: id, turn: 1, phase: 'p', action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [id], playerID: '0' } } }) as unknown as LogEntry;

async function open(at: string, opts: Omit<StoreOptions, 'dir'> = {}): Promise<MatchStore> {
  const store = new MatchStore({ dir: at, ...opts });
  await store.connect();
  return store;
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('file storage', () => {
  it('keeps matches, states, metadata and the action log across a reload', async () => {
    const at = dir();
    const store = await open(at);
    await store.createMatch('m1', { initialState: state(0), metadata: metadata() });
    await store.setState('m1', state(1), [entry(0)]);
    await store.setState('m1', state(2), [entry(1)]);
    await store.setMetadata('m1', { ...metadata(), updatedAt: 5 });
    await store.createMatch('odd id/with ünicode', { initialState: state(0), metadata: metadata('other') });
    await store.flush(true);

    const again = await open(at);
    const got = await again.fetch('m1', { state: true, metadata: true, log: true, initialState: true });
    expect(got.state).toEqual(state(2));
    expect(got.initialState).toEqual(state(0));
    expect(got.log).toEqual([entry(0), entry(1)]);
    expect(got.metadata.updatedAt).toBe(5);
    expect((await again.listMatches()).sort()).toEqual(['m1', 'odd id/with ünicode']);
    expect(await again.listMatches({ gameName: 'other' })).toEqual(['odd id/with ünicode']);
    expect(await again.listMatches({ where: { updatedAfter: 3 } })).toEqual(['m1']);
    await again.wipe('m1');
    expect(readdirSync(at).filter((f) => f.startsWith('m1'))).toEqual([]);
    expect((await open(at)).has('m1')).toBe(false);
  });

  it('appends one record a change, and coalesces changes made together', async () => {
    const at = dir();
    const store = await open(at);
    await store.createMatch('m', { initialState: state(0), metadata: metadata() });
    await Promise.all([store.setState('m', state(1), [entry(0)]), store.setMetadata('m', { ...metadata(), updatedAt: 9 })]);
    await store.setState('m', state(2), [entry(1)]);
    const file = path.join(at, 'm.jsonl');
    expect(lines(file)).toHaveLength(3);
    const again = await open(at);
    expect((await again.fetch('m', { metadata: true })).metadata.updatedAt).toBe(9);
    expect((await again.fetch('m', { state: true })).state).toEqual(state(2));
  });

  it('recovers from what a kill leaves: a temporary file and a torn last record', async () => {
    const at = dir();
    const store = await open(at);
    await store.createMatch('m1', { initialState: state(0), metadata: metadata() });
    await store.setState('m1', state(1), [entry(0)]);
    await store.flush(true);
    const file = path.join(at, 'm1.jsonl');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(`${file}.${process.pid}.tmp`, '{"k":"fu');
    appendFileSync(file, '0badc0de {"k":"next","state":{"G":');

    const warnings: string[] = [];
    const again = await open(at, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect((await again.fetch('m1', { state: true, log: true })).state).toEqual(state(1));
    expect(readdirSync(at).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    // And goes on appending in the right place.
    await again.setState('m1', state(2), [entry(1)]);
    await again.flush(true);
    expect((await (await open(at)).fetch('m1', { log: true, state: true })).log).toEqual([entry(0), entry(1)]);
  });

  it('cuts a damaged record and what follows, and skips a damaged journal, with a warning', async () => {
    const at = dir();
    const store = await open(at);
    await store.createMatch('good', { initialState: state(0), metadata: metadata() });
    await store.setState('good', state(1), [entry(0)]);
    await store.setState('good', state(2), [entry(1)]);
    await store.createMatch('bad', { initialState: state(0), metadata: metadata() });
    await store.flush(true);
    const good = path.join(at, 'good.jsonl');
    const [first, second, third] = lines(good);
    writeFileSync(good, `${first}\n${second.replace('"_stateID":1', '"_stateID":7')}\n${third}\n`);
    writeFileSync(path.join(at, 'bad.jsonl'), 'not a journal\n');
    writeFileSync(path.join(at, 'notes.txt'), 'hello');
    const warnings: string[] = [];
    const again = await open(at, { warn: (m) => warnings.push(m) });
    expect(await again.listMatches()).toEqual(['good']);
    expect((await again.fetch('good', { state: true })).state).toEqual(state(0));
    expect(warnings).toHaveLength(2);
    expect(existsSync(path.join(at, 'bad.jsonl'))).toBe(true);
  });

  it('compacts a long journal, and a finished match, into one record', async () => {
    const at = dir();
    const store = await open(at, { compactAt: 2000, maxOpenFiles: 2 });
    for (const id of ['a', 'b', 'c']) await store.createMatch(id, { initialState: state(0), metadata: metadata() });
    for (let i = 1; i <= 20; i++) for (const id of ['a', 'b', 'c']) await store.setState(id, state(i), [entry(i - 1)]);
    expect(lines(path.join(at, 'a.jsonl')).length).toBeLessThan(10);
    await store.setState('c', state(21, true), [entry(20)]);
    expect(lines(path.join(at, 'c.jsonl'))).toHaveLength(1);
    await store.flush(true);
    const again = await open(at);
    for (const id of ['a', 'b']) {
      const got = await again.fetch(id, { state: true, log: true });
      expect(got.state).toEqual(state(20));
      expect(got.log.map((e) => e._stateID)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    expect((await again.fetch('c', { state: true })).state.ctx.gameover).toBeDefined();
  });

  it('gives out copies of metadata whose players table has no prototype', async () => {
    const store = new MatchStore();
    await store.createMatch('m', { initialState: state(0), metadata: metadata() });
    const { metadata: copy } = await store.fetch('m', { metadata: true });
    copy.players[0].name = 'Changed';
    expect((copy.players as Record<string, unknown>)['__proto__']).toBeUndefined();
    expect((await store.fetch('m', { metadata: true })).metadata.players[0].name).toBe('Ana');
    expect((await store.fetch('nope', { state: true, metadata: true })).state).toBeUndefined();
  });
});

describe('changes to G', () => {
  it('finds and applies what changed by identity: set, append, delete', () => {
    const a = { log: [{ t: 1 }], seats: { '0': { ap: 2 }, '1': { ap: 3 } }, gone: 1, same: { x: [1] } };
    const b = { log: [...a.log, { t: 2 }], seats: { ...a.seats, '1': { ap: 1 } }, same: a.same, added: [true] };
    const ops = diff(a, b);
    expect(ops).toEqual([
      ['p', ['log'], [{ t: 2 }]],
      ['s', ['seats', '1', 'ap'], 1],
      ['s', ['added'], [true]],
      ['d', ['gone']],
    ]);
    const copy = structuredClone(a);
    expect(applies(copy, ops)).toBe(true);
    expect(patch(copy, ops)).toEqual(b);
    expect(applies({}, ops)).toBe(false);
    expect(applies(copy, [['s', ['__proto__', 'x'], 1]])).toBe(false);
  });

  it('journals a whole bot game as changes, and reloads every state exactly', async () => {
    const at = dir();
    const game = { ...Backchannel, seed: 'journal' };
    const reducer = CreateGameReducer({ game, isClient: false }) as unknown as (s: State, a: unknown) => State;
    let current = InitializeGame({ game, numPlayers: 3 }) as State;
    const store = await open(at, { compactAt: 200_000 });
    await store.createMatch('g', { initialState: current, metadata: metadata() });
    const bot = new (scriptedBot({ personality: 'conciliator', difficulty: 'expert' }))({ enumerate: Backchannel.ai!.enumerate, seed: 'j' });
    let last = '2';
    let checks = 0;
    while (current.ctx.gameover === undefined) {
      const active = Object.keys(current.ctx.activePlayers ?? {}).sort();
      const seat = active.find((s) => s > last) ?? active[0];
      const { action } = await bot.play(current, seat);
      const { deltalog, ...next } = reducer(current, action) as State & { deltalog?: LogEntry[] };
      current = next as State;
      await store.setState('g', current, deltalog);
      last = seat;
      if (current._stateID % 37 === 0 || current.ctx.gameover !== undefined) {
        const reloaded = await open(at);
        expect((await reloaded.fetch('g', { state: true })).state).toEqual(JSON.parse(JSON.stringify(current)));
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(3);
  });
});
