/**
 * `npm start` / `npm run serve`: the Backchannel server, configured from the environment
 * (see `config.ts`). Stops cleanly on SIGINT and SIGTERM; after a SIGKILL, the next start resumes
 * every match from disk.
 */
import { ConfigError, readConfig } from './config';
import { startServer } from './server';

process.on('unhandledRejection', (reason) => {
  console.error('[server] unhandled rejection:', reason);
});

let config;
try {
  config = readConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Backchannel server: ${err.message}`);
    process.exit(2);
  }
  throw err;
}

const server = await startServer(config);
const storage = { sqlite: `matches in ${config.dataDir}`, postgres: 'matches in PostgreSQL', memory: 'matches in memory only' }[config.storage];
console.log(`Backchannel listening on ${server.url} (${storage})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`Backchannel: ${signal}, stopping.`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
