/**
 * Which database the server's matches live in, from its config: SQLite in `DATA_DIR` by default
 * (with the one-time import of the journals older versions kept there), PostgreSQL when
 * `DATABASE_URL` is set, or in memory only.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from './config';
import { importJournals } from './journals';
import { PostgresRepository } from './postgres';
import { SqliteRepository } from './sqlite';
import { MatchStore } from './storage';

export const SQLITE_FILE = 'backchannel.sqlite';

export function createStorage(config: Pick<ServerConfig, 'storage' | 'dataDir' | 'databaseUrl'>, warn: (message: string) => void): MatchStore {
  if (config.storage === 'postgres') return new MatchStore(new PostgresRepository(config.databaseUrl!), { warn });
  if (config.storage === 'memory') return new MatchStore(new SqliteRepository(':memory:'), { warn });
  mkdirSync(config.dataDir, { recursive: true });
  return new MatchStore(new SqliteRepository(path.join(config.dataDir, SQLITE_FILE)), {
    warn,
    onConnect: async (store) => {
      const imported = await importJournals(config.dataDir, store, warn);
      if (imported) warn(`imported ${imported} match${imported === 1 ? '' : 'es'} from the journals in ${config.dataDir}`);
    },
  });
}
