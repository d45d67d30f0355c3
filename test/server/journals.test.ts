/**
 * The one-time import of the journals older versions kept in `DATA_DIR`: every match resumes as
 * the journal left it (a torn last record, what a kill left, is dropped without a word; damage
 * ends the import of that journal with a warning), the journals are moved aside, and a second
 * start imports nothing.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { LogEntry, Server, State } from 'boardgame.io';
import { afterEach, describe, expect, it } from 'vitest';
import { createStorage } from '../../src/server/databases';
import { IMPORTED } from '../../src/server/journals';
import type { MatchStore } from '../../src/server/storage';
import { tempDir } from './helpers';

const metadata = (updatedAt = 1): Server.MatchData => ({ gameName: 'backchannel', players: { 0: { id: 0, name: 'Ana', credentials: 'k' } }, createdAt: 1, updatedAt });
const state = (id: number, G: object = { n: id, log: [0] }) => ({ G, ctx: { turn: 1 }, plugins: {}, _undo: [], _redo: [], _stateID: id }) as unknown as State;
const entry = (id: number) => ({ _stateID: id, turn: 1, phase: 'p', action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [id], playerID: '0' } } }) as unknown as LogEntry;

/** A journal line as the old storage wrote it. */
const line = (record: object) => {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
};
const full = (id: string) => line({ k: 'full', v: 1, id, metadata: metadata(), state: state(0), initialState: state(0), log: [] });
/** State 2 without G: a record that carries G as its changes. */
const withoutG = { ...state(2), G: undefined };

const dirs: { remove: () => void }[] = [];
const stores: MatchStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

async function start(dir: string, warnings: string[]): Promise<MatchStore> {
  const store = createStorage({ storage: 'sqlite', dataDir: dir }, (m) => warnings.push(m));
  stores.push(store);
  await store.connect();
  return store;
}

describe('import of old journals', () => {
  it('imports every match once, as its journal left it, and moves the journals aside', async () => {
    const data = tempDir('bc-import-');
    dirs.push(data);
    const { dir } = data;
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      full('a') +
        line({ k: 'next', state: state(1), log: [entry(0)] }) +
        line({ k: 'next', s: withoutG, g: [['p', ['log'], [1]], ['s', ['n'], 2]], metadata: metadata(7), log: [entry(1)] }) +
        '0badc0de {"k":"next","state":{"G":',
    );
    writeFileSync(path.join(dir, 'b.jsonl'), full('odd id') + line({ k: 'next', state: state(1) }).replace('"_stateID":1', '"_stateID":7') + line({ k: 'next', state: state(2) }));
    writeFileSync(path.join(dir, 'c.jsonl'), 'not a journal\n');
    writeFileSync(path.join(dir, 'a.jsonl.123.tmp'), '{"k":"fu');
    const warnings: string[] = [];
    const store = await start(dir, warnings);

    const a = await store.fetch('a', { state: true, metadata: true, log: true, initialState: true });
    expect(a.state).toEqual(state(2, { n: 2, log: [0, 1] }));
    expect(a.metadata.updatedAt).toBe(7);
    expect(a.log).toEqual([entry(0), entry(1)]);
    expect(a.initialState).toEqual(state(0));
    expect((await store.current('odd id'))!.state._stateID).toBe(0);
    expect(warnings.sort()).toEqual(['b.jsonl: imported up to a damaged record', 'c.jsonl is not a match journal: left where it is', `imported 2 matches from the journals in ${dir}`]);
    expect(readdirSync(path.join(dir, IMPORTED)).sort()).toEqual(['a.jsonl', 'b.jsonl']);
    expect(existsSync(path.join(dir, 'a.jsonl.123.tmp'))).toBe(false);

    // The matches go on from there, and a restart imports nothing again.
    expect(await store.commit('a', 2, { state: state(3), log: [entry(2)] })).toBe('committed');
    await store.close();
    stores.splice(0);
    mkdirSync(path.join(dir, 'unrelated'));
    const again: string[] = [];
    const restarted = await start(dir, again);
    expect(again).toEqual(['c.jsonl is not a match journal: left where it is']);
    expect((await restarted.fetch('a', { log: true })).log).toHaveLength(3);
  });
});
