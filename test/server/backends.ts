/**
 * The databases the storage suite runs against: SQLite always; PostgreSQL when
 * `TEST_DATABASE_URL` names a server where the suite may create databases (CI starts one). Each
 * gives a fresh database, a second connection to it (as another node would have), and a way to
 * make writes fail partway through a transaction, as a full disk does.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
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
      breakWrites: async () => void admin.exec(`CREATE TRIGGER full BEFORE INSERT ON log BEGIN SELECT RAISE(ABORT, '${DISK_FULL}'); END`),
      mendWrites: async () => void admin.exec('DROP TRIGGER full'),
      remove: async () => {
        admin.close();
        dir.remove();
      },
    };
  },
};

export const BACKENDS: Backend[] = [sqlite];
