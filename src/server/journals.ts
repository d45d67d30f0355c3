/**
 * The one-time import of the journals earlier versions kept in `DATA_DIR` (one `<id>.jsonl` a
 * match), so an upgraded server resumes the matches the old one left. Each line of a journal is
 * `<crc32 in hex> <json>`: the first record holds the whole match, each later one what changed
 * (a new state, or the state without G and the changes to G; new metadata; new log entries). A
 * torn or damaged record ends the journal: what came before it is imported, with a warning for
 * damage (a torn last record is what a kill left, and says nothing).
 *
 * An imported journal is moved into `imported-journals/`, which makes the import run once and
 * keeps the old files until someone deletes them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { LogEntry, State } from 'boardgame.io';
import type { MatchData, WholeMatch } from './repository';
import type { MatchStore } from './storage';

type Key = string | number;
/** A change to G: set a value, append to an array, delete a key. */
type Op = ['s', Key[], unknown] | ['p', Key[], unknown[]] | ['d', Key[]];
type FullRecord = { k: 'full'; v: 1; id: string; metadata: MatchData; state: State; initialState: State; log: LogEntry[] };
type NextRecord = { k: 'next'; state?: State; s?: Omit<State, 'G'>; g?: Op[]; metadata?: MatchData; log?: LogEntry[] };

const JOURNAL = /\.jsonl$/;
const LINE = /^([0-9a-f]{8}) (.*)$/s;
export const IMPORTED = 'imported-journals';

const isObject = (x: unknown): x is Record<Key, unknown> => typeof x === 'object' && x !== null;
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

function decode(line: string): FullRecord | NextRecord | undefined {
  const m = LINE.exec(line);
  if (!m || crc32(m[2]).toString(16).padStart(8, '0') !== m[1]) return undefined;
  try {
    return JSON.parse(m[2]) as FullRecord | NextRecord;
  } catch {
    return undefined;
  }
}

/** Applies the changes to a copy of G, or answers `undefined` if one does not apply (damage). */
function patched(G: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) return undefined;
  let root = structuredClone(G);
  for (const op of ops as Op[]) {
    const [kind, keys] = op;
    if (!Array.isArray(keys) || keys.some((k) => UNSAFE.has(String(k)))) return undefined;
    if (keys.length === 0) {
      if (kind !== 's') return undefined;
      root = op[2];
      continue;
    }
    let parent = root;
    for (const k of keys.slice(0, -1)) parent = isObject(parent) ? parent[k] : undefined;
    if (!isObject(parent)) return undefined;
    const last = keys[keys.length - 1];
    if (kind === 's') parent[last] = op[2];
    else if (kind === 'd') delete parent[last];
    else if (kind === 'p' && Array.isArray(parent[last]) && Array.isArray(op[2])) (parent[last] as unknown[]).push(...op[2]);
    else return undefined;
  }
  return root;
}

/** The match a journal holds, up to its first torn or damaged record; `damaged` if a record before the last line was bad. */
export function readJournal(text: string): { matchID: string; match: WholeMatch; damaged: boolean } | undefined {
  const lines = text.split('\n');
  let match: (WholeMatch & { id: string }) | undefined;
  let read = 0;
  // The last element is what follows the final newline: empty, or a torn record.
  for (const line of lines.slice(0, -1)) {
    const record = decode(line);
    if (!record || (read === 0) !== (record.k === 'full')) break;
    if (record.k === 'full') {
      if (record.v !== 1 || typeof record.id !== 'string') return undefined;
      match = { id: record.id, initialState: record.initialState, state: record.state, metadata: record.metadata, log: [...record.log] };
    } else if (match) {
      let state = record.state ?? match.state;
      if (record.s && record.g) {
        const G = patched(match.state.G, record.g);
        if (G === undefined) break;
        state = { ...record.s, G } as State;
      }
      match.state = state;
      if (record.metadata) match.metadata = record.metadata;
      if (record.log) match.log.push(...record.log);
    }
    read += 1;
  }
  if (!match) return undefined;
  const { id, ...whole } = match;
  return { matchID: id, match: whole, damaged: read < lines.length - 1 };
}

/** Imports every journal in `dir` the store does not hold yet, and moves it aside. */
export async function importJournals(dir: string, store: MatchStore, warn: (message: string) => void): Promise<number> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => JOURNAL.test(n));
  } catch {
    return 0;
  }
  if (names.length === 0) return 0;
  const aside = path.join(dir, IMPORTED);
  await fs.mkdir(aside, { recursive: true });
  let imported = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const read = readJournal(await fs.readFile(file, 'utf8'));
    if (!read) {
      warn(`${name} is not a match journal: left where it is`);
      continue;
    }
    if (read.damaged) warn(`${name}: imported up to a damaged record`);
    if (!(await store.current(read.matchID))) {
      await store.repository.insert(read.matchID, read.match);
      imported += 1;
    }
    await fs.rename(file, path.join(aside, name));
  }
  for (const name of await fs.readdir(dir)) if (name.endsWith('.tmp')) await fs.rm(path.join(dir, name), { force: true });
  return imported;
}
