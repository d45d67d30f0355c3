/**
 * The databases the storage suite runs against: SQLite always; PostgreSQL when
 * `TEST_DATABASE_URL` names a server where the suite may create databases (CI starts one). Each
 * gives a fresh database, a second connection to it (as another node would have), and a way to
 * make writes fail partway through a transaction, as a full disk does.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresRepository } from '../../src/server/postgres';
import type { MatchRepository } from '../../src/server/repository';
import { SqliteRepository } from '../../src/server/sqlite';
import { tempDir } from './helpers';

export interface Backend {
  name: string;
  /** A fresh, empty database. */
  create(): Promise<TestDatabase>;
}

export interface TestDatabase {
  /** A new connection to this database. */
  repository(): MatchRepository;
  /** From now on every log entry written fails, after the match row was updated in the same transaction. */
  breakWrites(): Promise<void>;
  mendWrites(): Promise<void>;
  remove(): Promise<void>;
}

const DISK_FULL = 'disk is full (simulated)';

const sqlite: Backend = {
  name: 'SQLite',
  async create() {
    const dir = tempDir('bc-sqlite-');
    const file = path.join(dir.dir, 'test.sqlite');
    // Makes the tables, so the trigger has a table to sit on.
    const first = new SqliteRepository(file);
    await first.connect();
    await first.close();
    const admin = new Database(file);
    return {
      repository: () => new SqliteRepository(file),
      breakWrites: async () => void admin.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON log BEGIN SELECT RAISE(ABORT, '${DISK_FULL}'); END`),
      mendWrites: async () => void admin.exec('DROP TRIGGER disk_full'),
      remove: async () => {
        admin.close();
        dir.remove();
      },
    };
  },
};

/** The URL of database `name` on the server `url` names. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database on the PostgreSQL server `url` names, dropped by `remove`. */
export async function freshPostgres(url: string): Promise<{ url: string; admin: pg.Client; remove: () => Promise<void> }> {
  const name = `bc_test_${randomBytes(6).toString('hex')}`;
  const server = new pg.Client({ connectionString: url });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  const admin = new pg.Client({ connectionString: databaseUrl(url, name) });
  await admin.connect();
  return {
    url: databaseUrl(url, name),
    admin,
    remove: async () => {
      await admin.end();
      await server.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await server.end();
    },
  };
}

const postgres = (url: string): Backend => ({
  name: 'PostgreSQL',
  async create() {
    const db = await freshPostgres(url);
    const first = new PostgresRepository(db.url);
    await first.connect();
    await first.close();
    return {
      repository: () => new PostgresRepository(db.url),
      breakWrites: async () =>
        void (await db.admin.query(`CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${DISK_FULL}'; END $$;
          CREATE TRIGGER disk_full BEFORE INSERT ON log FOR EACH ROW EXECUTE FUNCTION full_disk()`)),
      mendWrites: async () => void (await db.admin.query('DROP TRIGGER disk_full ON log; DROP FUNCTION full_disk()')),
      remove: db.remove,
    };
  },
});

/** SQLite; PostgreSQL too when `TEST_DATABASE_URL` is set. */
export const BACKENDS: Backend[] = [sqlite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];
