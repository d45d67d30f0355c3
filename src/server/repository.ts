/**
 * What the match storage asks of a database: a small interface with one implementation per
 * database (`sqlite.ts`, `postgres.ts`), so `storage.ts` holds boardgame.io's API, the cache and
 * the listeners once. States, metadata and log entries are stored as JSON text: they are read and
 * written whole, and never queried inside.
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';

export type MatchData = Server.MatchData;

/** What one commit writes: any of a new state, log entries to append, new metadata. */
export interface Change {
  state?: State;
  log?: LogEntry[];
  metadata?: MatchData;
}

/**
 * `conflict`: the match was no longer at the expected state id, and nothing was written;
 * `missing`: there is no such match.
 */
export type CommitResult = 'committed' | 'conflict' | 'missing';

/** A whole match, as created or imported. */
export interface WholeMatch {
  initialState: State;
  state: State;
  metadata: MatchData;
  log: LogEntry[];
}

export type Fields = Partial<StorageAPI.FetchFields>;

export interface Listed {
  matchID: string;
  metadata: MatchData;
}

export interface MatchRepository {
  /** Whether this process is the database's only writer, so what it wrote last may be cached. */
  readonly exclusive: boolean;
  /** Opens the database and makes the tables if they are missing. */
  connect(): Promise<void>;
  /** Stores a new match; fails if the id is taken. */
  insert(matchID: string, match: WholeMatch): Promise<void>;
  /**
   * Writes `change` in one transaction, only if the match's state id is still `expected`
   * (`undefined`: whatever it is). A failure writes nothing and rejects.
   */
  commit(matchID: string, expected: number | undefined, change: Change): Promise<CommitResult>;
  /** The match's state id and metadata (cheap: no state), or `undefined` when there is no such match. */
  head(matchID: string): Promise<{ stateID: number; metadata: MatchData } | undefined>;
  /** The fields asked for, or `undefined` when there is no such match. */
  read(matchID: string, opts: StorageAPI.FetchOpts): Promise<Fields | undefined>;
  /** Matches with their metadata, filtered as boardgame.io's `listMatches` filters. */
  list(opts?: StorageAPI.ListMatchesOpts): Promise<Listed[]>;
  remove(matchID: string): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` holding the database's lock on the match, where several nodes share the database. */
  withMatchLock?<T>(matchID: string, fn: () => Promise<T>): Promise<T>;
}

/** The columns a match's metadata is filtered on, taken from it on every write. */
export const columnsOf = (metadata: MatchData) => ({
  gameName: metadata.gameName,
  updatedAt: metadata.updatedAt,
  gameover: metadata.gameover === undefined ? 0 : 1,
});

/** A new match's row, in the order of `INSERT_COLUMNS`, as both databases store it. */
export const INSERT_COLUMNS = 'id, game_name, state_id, state, initial_state, metadata, updated_at, gameover';
export function insertRow(matchID: string, { initialState, state, metadata }: WholeMatch): (string | number)[] {
  const { gameName, updatedAt, gameover } = columnsOf(metadata);
  return [matchID, gameName, state._stateID, JSON.stringify(state), JSON.stringify(initialState), JSON.stringify(metadata), updatedAt, gameover];
}

/**
 * The `WHERE` clause of a listing (empty when nothing filters), with `param(n)` writing the n-th
 * placeholder in the database's own syntax.
 */
export function filterOf(opts: StorageAPI.ListMatchesOpts, param: (n: number) => string): { sql: string; params: (string | number)[] } {
  const { gameName, where = {} } = opts;
  const conditions: [string, string | number | undefined][] = [
    ['game_name =', gameName],
    ['gameover =', where.isGameover === undefined ? undefined : where.isGameover ? 1 : 0],
    ['updated_at <', where.updatedBefore],
    ['updated_at >', where.updatedAfter],
  ];
  const used = conditions.filter((c): c is [string, string | number] => c[1] !== undefined);
  const sql = used.map(([test], i) => `${test} ${param(i + 1)}`).join(' AND ');
  return { sql: sql && ` WHERE ${sql}`, params: used.map(([, value]) => value) };
}

/** A row of `matches` as read: the JSON columns asked for. */
export type Row = { state?: string; metadata?: string; initial_state?: string };

/** The columns to read for `opts` (the id always, to tell a match from none). */
export const columnsFor = (opts: StorageAPI.FetchOpts) =>
  ['id', opts.state && 'state', opts.metadata && 'metadata', opts.initialState && 'initial_state'].filter(Boolean).join(', ');

/** The fields a row and its log entries (when asked for) hold. */
export function fieldsOf(row: Row, log: string[] | undefined): Fields {
  const fields: Fields = {};
  if (row.state !== undefined) fields.state = JSON.parse(row.state);
  if (row.metadata !== undefined) fields.metadata = JSON.parse(row.metadata);
  if (row.initial_state !== undefined) fields.initialState = JSON.parse(row.initial_state);
  if (log) fields.log = log.map((e) => JSON.parse(e));
  return fields;
}

/**
 * The tables, in SQL both databases take but for the log's counter and the width of a time in
 * milliseconds.
 */
export const schema = (types: { counter: string; time: string }) => `
CREATE TABLE IF NOT EXISTS matches (
  id text PRIMARY KEY,
  game_name text NOT NULL,
  state_id integer NOT NULL,
  state text NOT NULL,
  initial_state text NOT NULL,
  metadata text NOT NULL,
  updated_at ${types.time} NOT NULL,
  gameover smallint NOT NULL
);
CREATE TABLE IF NOT EXISTS log (
  seq ${types.counter},
  match_id text NOT NULL,
  entry text NOT NULL
);
CREATE INDEX IF NOT EXISTS log_by_match ON log (match_id, seq);
`;
