/**
 * Match storage: boardgame.io's storage API over an in-memory table, written through to disk.
 *
 * Why not boardgame.io's `FlatFile`: it rests on node-persist, which batches writes on a one-second
 * timer (a SIGKILL loses the last second of moves), overwrites files in place (a kill mid-write
 * leaves a torn file, and a torn file makes node-persist throw from an fs callback, which takes the
 * process down), rewrites the whole action log on every move, and is a process-wide singleton.
 *
 * Here each match is one journal file in `dir`, `<id>.jsonl`: one record a line, each line
 * `<crc32 in hex> <json>`. The first record holds the whole match (initial state, metadata, state,
 * action log); each later one what changed (the new state, the new metadata, the new log entries).
 * A change is appended with one write on a file descriptor kept open, and resolves once written,
 * so a move boardgame.io has stored (and this server has broadcast) survives a kill of the process.
 * On load, a torn or damaged tail is cut off at the last whole record. When a journal grows past
 * `compactAt`, or its match ends, it is rewritten as a single record (a temporary file, renamed
 * over it). Replacing a file by renaming costs ~1.5 ms on ext4; appending costs ~0.05 ms.
 * Without `dir` the store is memory only.
 */
import { closeSync, openSync, writeSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';

type MatchData = Server.MatchData;

type Path = (string | number)[];
/** A change to G: set a value, append to an array, delete a key. */
type Op = ['s', Path, unknown] | ['p', Path, unknown[]] | ['d', Path];
type FullRecord = { k: 'full'; v: 1; id: string; metadata: MatchData; state: State; initialState: State; log: LogEntry[] };
/** `state` whole, or the state without G (`s`) and the changes to G since the last record (`g`). */
type NextRecord = { k: 'next'; state?: State; s?: Omit<State, 'G'>; g?: Op[]; metadata?: MatchData; log?: LogEntry[] };

interface Entry {
  id: string;
  metadata: MatchData;
  state: State;
  initialState: State;
  log: LogEntry[];
  /** Bumped on every change; `flushed` is the last version on disk. */
  version: number;
  flushed: number;
  /** Writes of this match, one after another. */
  chain: Promise<void>;
  /** What the journal already holds. */
  written: { state?: State; metadata?: MatchData; log: number };
  /** Bytes in the journal; -1 when it must be (re)written whole. */
  size: number;
  fd?: number;
}

export type StateListener = (matchID: string, state: State) => void;
export type MetadataListener = (matchID: string, metadata: Readonly<MatchData>) => void;

export interface StoreOptions {
  /** Directory for the journals; memory only when absent. */
  dir?: string;
  /** Rewrite a journal as one record past this many bytes (default 1 MiB). */
  compactAt?: number;
  /** Most journals kept open at once (default 256). */
  maxOpenFiles?: number;
  /** Where problems are reported (a damaged journal, a failed write). */
  warn?: (message: string) => void;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A file-name stem for a match id: the id itself when it is plain, its hex otherwise. */
const stem = (id: string) => (SAFE_ID.test(id) ? id : `=${Buffer.from(id, 'utf8').toString('hex')}`);
const JOURNAL = /^([A-Za-z0-9_=-]+)\.jsonl$/;
const LINE = /^([0-9a-f]{8}) (.*)$/s;

function encode(record: FullRecord | NextRecord): string {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function decode(line: string): FullRecord | NextRecord | undefined {
  const m = LINE.exec(line);
  if (!m || crc32(m[2]).toString(16).padStart(8, '0') !== m[1]) return undefined;
  try {
    return JSON.parse(m[2]) as FullRecord | NextRecord;
  } catch {
    return undefined;
  }
}

const isObject = (x: unknown): x is Record<string | number, unknown> => typeof x === 'object' && x !== null;
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The changes from `a` to `b`, found by identity: boardgame.io builds each G with immer, which
 * keeps every part a move did not touch, so only changed paths are walked, and an array that only
 * grew (the game's log) is an append. Values are compared as JSON sees them.
 */
export function diff(a: unknown, b: unknown, path: Path = [], ops: Op[] = [], depth = 0): Op[] {
  if (a === b) return ops;
  if (depth >= 8 || !isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    ops.push(['s', path, b]);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
    if (i === a.length) {
      if (b.length > a.length) ops.push(['p', path, b.slice(a.length)]);
    } else if (b.length === a.length) {
      for (let j = i; j < b.length; j++) diff(a[j], b[j], [...path, j], ops, depth + 1);
    } else {
      ops.push(['s', path, b]);
    }
  } else {
    for (const k of Object.keys(b)) {
      if (b[k] === undefined) {
        if (has(a, k) && a[k] !== undefined) ops.push(['d', [...path, k]]);
      } else {
        diff(a[k], b[k], [...path, k], ops, depth + 1);
      }
    }
    for (const k of Object.keys(a)) if (!has(b, k) && a[k] !== undefined) ops.push(['d', [...path, k]]);
  }
  return ops;
}

/** The object holding the last key of `path`, if the change can apply there. */
function parentOf(root: unknown, op: Op): Record<string | number, unknown> | undefined {
  const [kind, path] = op;
  if (!Array.isArray(path) || path.length === 0 || path.some((k) => UNSAFE.has(String(k)))) return undefined;
  let node = root;
  for (const k of path.slice(0, -1)) node = isObject(node) ? node[k] : undefined;
  if (!isObject(node)) return undefined;
  if (kind === 'p' && (!Array.isArray(node[path[path.length - 1]]) || !Array.isArray(op[2]))) return undefined;
  return kind === 's' || kind === 'p' || kind === 'd' ? node : undefined;
}

/** Whether every change applies to `root` (checked without changing it). */
export function applies(root: unknown, ops: unknown): ops is Op[] {
  return Array.isArray(ops) && ops.every((op) => Array.isArray(op) && (op[1]?.length === 0 ? op[0] === 's' : parentOf(root, op as Op) !== undefined));
}

/** Applies `ops` to `root` (changing it) and returns the result; check with `applies` first. */
export function patch(root: unknown, ops: Op[]): unknown {
  for (const op of ops) {
    const [kind, path] = op;
    if (path.length === 0) {
      root = op[2];
      continue;
    }
    const parent = parentOf(root, op)!;
    const last = path[path.length - 1];
    if (kind === 's') parent[last] = op[2];
    else if (kind === 'd') delete parent[last];
    else (parent[last] as unknown[]).push(...op[2]);
  }
  return root;
}

/**
 * A copy of match metadata that callers may change as boardgame.io does (a field, a player's
 * field); deeper values are shared. Its `players` table has no prototype, so a seat id such as
 * `__proto__` names no seat (boardgame.io's lobby indexes `players` with the id it is sent).
 */
function cloneMetadata(m: MatchData): MatchData {
  const players = Object.create(null) as MatchData['players'];
  for (const [k, p] of Object.entries(m.players)) players[k as unknown as number] = { ...p };
  return { ...m, players };
}

export class MatchStore extends Async {
  private readonly matches = new Map<string, Entry>();
  private readonly listeners = new Set<StateListener>();
  private readonly metadataListeners = new Set<MetadataListener>();
  /** Open journals, least recently used first. */
  private readonly open = new Map<string, Entry>();
  private readonly dir?: string;
  private readonly compactAt: number;
  private readonly maxOpenFiles: number;
  private readonly warn: (message: string) => void;

  constructor(opts: StoreOptions = {}) {
    super();
    this.dir = opts.dir;
    this.compactAt = opts.compactAt ?? 1024 * 1024;
    this.maxOpenFiles = opts.maxOpenFiles ?? 256;
    this.warn = opts.warn ?? ((m) => console.warn(`[storage] ${m}`));
  }

  /** Loads every match on disk. */
  async connect(): Promise<void> {
    if (!this.dir) return;
    await fs.mkdir(this.dir, { recursive: true });
    for (const name of await fs.readdir(this.dir)) {
      if (name.endsWith('.tmp')) {
        await fs.rm(path.join(this.dir, name), { force: true });
        continue;
      }
      const m = JOURNAL.exec(name);
      if (!m) continue;
      try {
        await this.load(path.join(this.dir, name), m[1]);
      } catch (err) {
        this.warn(`skipped ${name}: ${(err as Error).message}`);
      }
    }
  }

  private file(id: string): string {
    return path.join(this.dir!, `${stem(id)}.jsonl`);
  }

  private async load(file: string, fileStem: string): Promise<void> {
    const text = await fs.readFile(file, 'utf8');
    const lines = text.split('\n');
    let entry: Entry | undefined;
    let bytes = 0;
    let records = 0;
    // The last element is what follows the final newline: empty, or a torn record.
    for (const line of lines.slice(0, -1)) {
      const record = decode(line);
      if (!record || (records === 0) !== (record.k === 'full')) break;
      // A change that does not apply is damage too: stop before it, with what came before intact.
      if (record.k === 'next' && record.g !== undefined && entry && !applies(entry.state.G, record.g)) break;
      if (record.k === 'full') {
        if (record.v !== 1 || typeof record.id !== 'string' || stem(record.id) !== fileStem) throw new Error('not a match journal');
        entry = {
          id: record.id,
          metadata: record.metadata,
          state: record.state,
          initialState: record.initialState,
          log: record.log,
          version: 0,
          flushed: 0,
          chain: Promise.resolve(),
          written: { log: record.log.length },
          size: 0,
        };
      } else if (entry) {
        if (record.state) entry.state = record.state;
        if (record.s && record.g) {
          const G = patch(entry.state.G, record.g);
          entry.state = { ...record.s, G } as State;
        }
        if (record.metadata) entry.metadata = record.metadata;
        if (record.log) entry.log.push(...record.log);
      }
      records += 1;
      bytes += Buffer.byteLength(line, 'utf8') + 1;
    }
    if (!entry) throw new Error('no whole first record');
    const total = Buffer.byteLength(text, 'utf8');
    if (bytes < total) {
      // A write the kill interrupted (or damage): keep the whole records only.
      // A torn last record is what a kill leaves; a bad record before the last line is damage.
      if (records < lines.length - 1) this.warn(`${path.basename(file)}: dropped a damaged record and what followed it`);
      await fs.truncate(file, bytes);
    }
    entry.written = { state: entry.state, metadata: entry.metadata, log: entry.log.length };
    entry.size = bytes;
    this.matches.set(entry.id, entry);
  }

  /** Writes the match's changes once every earlier write has finished. */
  private persist(e: Entry): Promise<void> {
    if (!this.dir) return Promise.resolve();
    const target = ++e.version;
    const run = e.chain.then(() => (e.flushed >= target ? undefined : this.write(e)));
    e.chain = run.catch(() => undefined);
    return run;
  }

  private async write(e: Entry): Promise<void> {
    const version = e.version;
    try {
      const ended = e.state.ctx?.gameover !== undefined && e.written.state?.ctx?.gameover === undefined;
      if (e.size < 0 || e.size > this.compactAt || ended) {
        await this.compact(e);
        if (ended) this.close(e);
      } else {
        const { state, metadata } = e;
        const logLength = e.log.length;
        const record: NextRecord = { k: 'next' };
        const before = e.written.state;
        if (state !== before) {
          if (before && isObject(before.G) && isObject(state.G)) {
            // The state but G is small; G goes as its changes.
            const { G, ...rest } = state;
            record.s = rest;
            record.g = diff(before.G, G);
          } else {
            record.state = state;
          }
        }
        if (metadata !== e.written.metadata) record.metadata = metadata;
        if (logLength > e.written.log) record.log = e.log.slice(e.written.log, logLength);
        if (record.state || record.metadata || record.log) {
          const line = encode(record);
          writeSync(this.fd(e), line);
          e.size += Buffer.byteLength(line, 'utf8');
          e.written = { state, metadata, log: logLength };
        }
      }
      e.flushed = Math.max(e.flushed, version);
    } catch (err) {
      this.warn(`could not write match ${e.id}: ${(err as Error).message}`);
      // Start over with a whole record next time.
      this.close(e);
      e.size = -1;
      throw err;
    }
  }

  /** Rewrites the journal as one record, atomically. */
  private async compact(e: Entry): Promise<void> {
    const { state, metadata } = e;
    const logLength = e.log.length;
    const record: FullRecord = { k: 'full', v: 1, id: e.id, metadata, state, initialState: e.initialState, log: e.log.slice(0, logLength) };
    const line = encode(record);
    const file = this.file(e.id);
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, line, 'utf8');
    await fs.rename(tmp, file);
    this.close(e);
    e.size = Buffer.byteLength(line, 'utf8');
    e.written = { state, metadata, log: logLength };
  }

  private fd(e: Entry): number {
    if (e.fd === undefined) {
      e.fd = openSync(this.file(e.id), 'a');
      while (this.open.size >= this.maxOpenFiles) {
        const [, oldest] = this.open.entries().next().value!;
        this.close(oldest);
      }
    }
    this.open.delete(e.id);
    this.open.set(e.id, e);
    return e.fd;
  }

  private close(e: Entry): void {
    if (e.fd !== undefined) {
      try {
        closeSync(e.fd);
      } catch {
        // Already closed.
      }
    }
    e.fd = undefined;
    this.open.delete(e.id);
  }

  private notify<T>(listeners: Set<(matchID: string, value: T) => void>, matchID: string, value: T): void {
    for (const listener of listeners) {
      try {
        listener(matchID, value);
      } catch (err) {
        this.warn(`a listener failed: ${(err as Error).message}`);
      }
    }
  }

  /** Calls `listener` after every stored change of a match's state (creation included). */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` on every change of a match's metadata, as soon as it is made, before it is on disk. */
  onMetadataChange(listener: MetadataListener): () => void {
    this.metadataListeners.add(listener);
    return () => this.metadataListeners.delete(listener);
  }

  async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    const e: Entry = {
      id: matchID,
      metadata: cloneMetadata(opts.metadata),
      state: opts.initialState,
      initialState: opts.initialState,
      log: [],
      version: 0,
      flushed: 0,
      chain: Promise.resolve(),
      written: { log: 0 },
      size: -1,
    };
    this.matches.set(matchID, e);
    await this.persist(e);
    this.notify(this.listeners, matchID, e.state);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    const e = this.matches.get(matchID);
    if (!e) throw new Error(`No match ${matchID} to store a state for.`);
    e.state = state;
    if (deltalog?.length) e.log.push(...deltalog);
    await this.persist(e);
    this.notify(this.listeners, matchID, state);
  }

  async setMetadata(matchID: string, metadata: MatchData): Promise<void> {
    const e = this.matches.get(matchID);
    if (!e) throw new Error(`No match ${matchID} to store metadata for.`);
    e.metadata = cloneMetadata(metadata);
    // Before the write: credentials taken away must stop working at once.
    this.notify(this.metadataListeners, matchID, e.metadata);
    await this.persist(e);
  }

  /**
   * Metadata comes as a copy the caller may change; states are shared, as in boardgame.io's own
   * in-memory storage (its reducer builds a new state for every move).
   */
  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const e = typeof matchID === 'string' ? this.matches.get(matchID) : undefined;
    const result: Partial<StorageAPI.FetchFields> = {};
    if (opts.state) result.state = e?.state;
    if (opts.metadata) result.metadata = e && cloneMetadata(e.metadata);
    if (opts.log) result.log = e && [...e.log];
    if (opts.initialState) result.initialState = e?.initialState;
    return result as StorageAPI.FetchResult<O>;
  }

  /**
   * The stored state and metadata themselves, not copies, for code that only reads them (the
   * transport's checks, the bot runner): cheaper than `fetch`, which copies metadata.
   */
  peek(matchID: unknown): { state: State; metadata: Readonly<MatchData> } | undefined {
    const e = typeof matchID === 'string' ? this.matches.get(matchID) : undefined;
    return e && { state: e.state, metadata: e.metadata };
  }

  /** Whether a match exists, without copying anything. */
  has(matchID: unknown): boolean {
    return typeof matchID === 'string' && this.matches.has(matchID);
  }

  async wipe(matchID: string): Promise<void> {
    const e = this.matches.get(matchID);
    if (!e) return;
    this.matches.delete(matchID);
    await e.chain;
    this.close(e);
    if (this.dir) await fs.rm(this.file(matchID), { force: true });
  }

  async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const where = opts?.where;
    return [...this.matches.values()]
      .filter(({ metadata: m }) => {
        if (opts?.gameName !== undefined && m.gameName !== opts.gameName) return false;
        if (where?.isGameover !== undefined && (m.gameover !== undefined) !== where.isGameover) return false;
        if (where?.updatedBefore !== undefined && m.updatedAt >= where.updatedBefore) return false;
        if (where?.updatedAfter !== undefined && m.updatedAt <= where.updatedAfter) return false;
        return true;
      })
      .map((e) => e.id);
  }

  /** Resolves when every write begun so far is on disk; with `close`, closes the journals. */
  async flush(close = false): Promise<void> {
    await Promise.all([...this.matches.values()].map((e) => e.chain));
    if (close) for (const e of [...this.open.values()]) this.close(e);
  }
}

export function createStorage(opts: { storage: 'file' | 'memory'; dataDir: string }): MatchStore {
  return new MatchStore({ dir: opts.storage === 'file' ? opts.dataDir : undefined });
}
