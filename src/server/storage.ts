/**
 * Match storage: boardgame.io's async storage API over a database (`repository.ts`): SQLite on
 * one machine, PostgreSQL across several.
 *
 * Nothing is changed in memory before the database has it: a write that fails rejects, and the
 * cache and the listeners see only what was committed. A move goes in through `commit`, which
 * writes its state, log entries and metadata in one transaction, and only if the match is still
 * at the state id the move was computed from (compare-and-set): another node, or another writer,
 * may have moved first. boardgame.io's own `setState` and `setMetadata` write unconditionally;
 * every caller holds the match's lock.
 *
 * The last state and metadata of recent matches are kept in memory, so a move does not read back
 * what it wrote. When the process is the database's only writer (SQLite) they are used as they
 * are; otherwise (another node may have written) each read asks the database for the match's
 * state id and metadata, and reads the state only if the id is not the cached state's: a state id
 * names one state of a match, since only one commit can follow each.
 */
import type { LogEntry, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';
import type { Change, CommitResult, Listed, MatchData, MatchRepository } from './repository';

export type StateListener = (matchID: string, state: State, metadata: Readonly<MatchData>) => void;
export type MetadataListener = (matchID: string, metadata: Readonly<MatchData>) => void;

/** A match's state and metadata as stored: shared, never to be changed. */
export interface Current {
  state: State;
  metadata: Readonly<MatchData>;
}

export interface StoreOptions {
  /** Runs once the database is open (the import of old journals). */
  onConnect?: (store: MatchStore) => Promise<void>;
  /** Most matches cached (default 1000). */
  cacheSize?: number;
  /** Where problems are reported (a listener that failed). */
  warn?: (message: string) => void;
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
  private readonly listeners = new Set<StateListener>();
  private readonly metadataListeners = new Set<MetadataListener>();
  /** Recently used matches, least recent first. */
  private readonly cache = new Map<string, Current>();
  private readonly cacheSize: number;
  private readonly warn: (message: string) => void;
  private connecting?: Promise<void>;

  constructor(
    readonly repository: MatchRepository,
    private readonly opts: StoreOptions = {},
  ) {
    super();
    this.cacheSize = opts.cacheSize ?? 1000;
    this.warn = opts.warn ?? ((m) => console.warn(`[storage] ${m}`));
  }

  /** Opens the database (once, however often it is called: boardgame.io's `run` calls it too). */
  connect(): Promise<void> {
    this.connecting ??= (async () => {
      await this.repository.connect();
      await this.opts.onConnect?.(this);
    })();
    return this.connecting;
  }

  private remember(matchID: string, current: Current): void {
    if (this.cacheSize === 0) return;
    this.cache.delete(matchID);
    this.cache.set(matchID, current);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  private notify<A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A): void {
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (err) {
        this.warn(`a listener failed: ${(err as Error).message}`);
      }
    }
  }

  /** Calls `listener` after every committed change of a match's state (creation included). */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after every committed change of a match's metadata. */
  onMetadataChange(listener: MetadataListener): () => void {
    this.metadataListeners.add(listener);
    return () => this.metadataListeners.delete(listener);
  }

  async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    const { initialState, metadata } = opts;
    await this.repository.insert(matchID, { initialState, state: initialState, metadata, log: [] });
    const stored = cloneMetadata(metadata);
    this.remember(matchID, { state: initialState, metadata: stored });
    this.notify(this.listeners, matchID, initialState, stored);
  }

  /**
   * Writes `change` in one transaction if the match is still at state id `expected` (`undefined`:
   * whatever it is). Rejects, changing nothing, when the database fails.
   */
  async commit(matchID: string, expected: number | undefined, change: Change): Promise<CommitResult> {
    let result: CommitResult;
    try {
      result = await this.repository.commit(matchID, expected, change);
    } catch (err) {
      // The database may hold something else than the cache now (a commit whose answer was lost).
      this.cache.delete(matchID);
      throw err;
    }
    if (result !== 'committed') {
      this.cache.delete(matchID);
      return result;
    }
    // A copy: boardgame.io's lobby goes on using the metadata it wrote.
    const metadata = change.metadata && cloneMetadata(change.metadata);
    const cached = this.cache.get(matchID);
    const current = cached && { state: change.state ?? cached.state, metadata: metadata ?? cached.metadata };
    if (current) this.remember(matchID, current);
    if (metadata) this.notify(this.metadataListeners, matchID, metadata);
    if (change.state) {
      const latest = current?.metadata ?? metadata ?? (await this.current(matchID))?.metadata;
      if (latest) this.notify(this.listeners, matchID, change.state, latest);
    }
    return result;
  }

  private async write(matchID: string, change: Change): Promise<void> {
    const result = await this.commit(matchID, undefined, change);
    if (result === 'missing') throw new Error(`No match ${matchID} to store.`);
  }

  setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    return this.write(matchID, { state, log: deltalog });
  }

  setMetadata(matchID: string, metadata: MatchData): Promise<void> {
    return this.write(matchID, { metadata });
  }

  /** The match's state and metadata, or `undefined` when there is no such match. */
  async current(matchID: unknown): Promise<Current | undefined> {
    if (typeof matchID !== 'string') return undefined;
    const cached = this.cache.get(matchID);
    if (cached && this.repository.exclusive) {
      this.remember(matchID, cached);
      return cached;
    }
    if (cached) {
      const head = await this.repository.head(matchID);
      if (!head) return undefined;
      if (head.stateID === cached.state._stateID) {
        const current = { state: cached.state, metadata: cloneMetadata(head.metadata) };
        this.remember(matchID, current);
        return current;
      }
    }
    const read = await this.repository.read(matchID, { state: true, metadata: true });
    if (!read) return undefined;
    const current = { state: read.state!, metadata: cloneMetadata(read.metadata!) };
    this.remember(matchID, current);
    return current;
  }

  /** Metadata comes as a copy the caller may change; states are shared and must not be changed. */
  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const result: Partial<StorageAPI.FetchFields> = {};
    if (typeof matchID !== 'string') return result as StorageAPI.FetchResult<O>;
    const current = opts.state || opts.metadata ? await this.current(matchID) : undefined;
    const rest = opts.log || opts.initialState ? await this.repository.read(matchID, { log: opts.log, initialState: opts.initialState }) : undefined;
    if (opts.state) result.state = current?.state;
    if (opts.metadata) result.metadata = current && cloneMetadata(current.metadata);
    if (opts.log) result.log = rest?.log;
    if (opts.initialState) result.initialState = rest?.initialState;
    return result as StorageAPI.FetchResult<O>;
  }

  async wipe(matchID: string): Promise<void> {
    this.cache.delete(matchID);
    await this.repository.remove(matchID);
  }

  /** Matches and their metadata, filtered as `listMatches` filters. */
  list(opts?: StorageAPI.ListMatchesOpts): Promise<Listed[]> {
    return this.repository.list(opts);
  }

  async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    return (await this.list(opts)).map((m) => m.matchID);
  }

  /** Closes the database. */
  async close(): Promise<void> {
    this.cache.clear();
    await this.repository.close();
  }
}
