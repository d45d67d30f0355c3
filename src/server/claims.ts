/**
 * Which node drives a match's server-side bots, where several nodes share PostgreSQL: the one
 * holding the match's session advisory lock, taken on one connection kept for the purpose. When
 * that node dies, its connection closes, the lock is free, and another node's next claim takes
 * the match over.
 */
import pg from 'pg';

/** The first key of bot-ownership locks (`postgres.ts` uses 1 for match locks). */
const BOT_LOCK = 2;

export interface BotClaims {
  /** Whether this node drives the match's bots now (taking them over if nobody does). */
  claim(matchID: string): Promise<boolean>;
  /** Lets another node drive them (a finished match). */
  release(matchID: string): Promise<void>;
  close(): Promise<void>;
}

export class PostgresBotClaims implements BotClaims {
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private readonly held = new Set<string>();

  constructor(private readonly url: string) {}

  private session(): Promise<pg.Client> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      // A lost session has lost its locks: forget them, and connect anew on the next claim.
      client.on('error', () => undefined);
      client.on('end', () => {
        this.held.clear();
        this.connecting = undefined;
      });
      await client.connect();
      this.client = client;
      return client;
    })().catch((err: unknown) => {
      this.connecting = undefined;
      throw err;
    });
    return this.connecting;
  }

  async claim(matchID: string): Promise<boolean> {
    if (this.held.has(matchID)) return true;
    const client = await this.session();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [BOT_LOCK, matchID]);
    if (rows[0].ok) this.held.add(matchID);
    return rows[0].ok;
  }

  async release(matchID: string): Promise<void> {
    if (!this.held.delete(matchID) || !this.client) return;
    await this.client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [BOT_LOCK, matchID]);
  }

  async close(): Promise<void> {
    this.held.clear();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
