/**
 * The Lobby API: boardgame.io's routes, behind a guard, plus a create route that seats bots.
 *
 * The guard reads every POST body under `/games` itself (at most `maxBodyBytes`, JSON only),
 * checks each field the route uses, and hands boardgame.io's route a clean copy. It exists because
 * boardgame.io 0.50.2 takes a lobby body as it comes: a `playerName` may be an object, and a
 * `playerID` of `"__proto__"` writes the join onto `Object.prototype`. Routes that change a
 * match's metadata (join, leave, update, playAgain) run on the match's lock, so they cannot
 * interleave with a move's own metadata write and lose a join.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import type Router from '@koa/router';
import type { Game, Server as BgioServer } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import { DIFFICULTY_NAMES, PERSONALITY_NAMES } from '../bots/config';
import { newCredentials } from './auth';
import { parseBotSeats } from './bots';
import { isPlainJson, isPlayerID } from './guard';
import type { MatchLocks } from './lock';
import type { BackchannelMatchData } from './protocol';
import type { MatchStore } from './storage';

type Middleware = Koa.Middleware<Koa.DefaultState, BgioServer.AppCtx>;
type Body = Record<string, unknown>;

const MAX_NAME = 64;
const MAX_DATA_BYTES = 2048;

export const newMatchID = (): string => randomBytes(8).toString('base64url');

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(ctx: Koa.Context, limit: number): Promise<Body> {
  const encoding = ctx.get('Content-Encoding');
  if (encoding && encoding !== 'identity') throw new BadRequest(415, 'Send the body uncompressed.');
  const declared = Number(ctx.get('Content-Length') || 0);
  if (declared > limit) throw new BadRequest(413, `The body may be at most ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BadRequest(413, `The body may be at most ${limit} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if (!ctx.is('application/json')) throw new BadRequest(415, 'Send the body as JSON (Content-Type: application/json).');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest(400, 'The body must be a JSON object.');
  return body as Body;
}

const fail = (message: string): never => {
  throw new BadRequest(400, message);
};

function optionalSeat(body: Body): void {
  if (body.playerID !== undefined && body.playerID !== null && !isPlayerID(body.playerID)) fail('playerID must be a seat id such as "0".');
}
function seat(body: Body): void {
  if (!isPlayerID(body.playerID)) fail('playerID must be a seat id such as "0".');
}
function credentials(body: Body): void {
  if (typeof body.credentials !== 'string' || body.credentials.length === 0 || body.credentials.length > 256) fail('credentials must be the string you were given when you joined.');
}
function name(value: unknown, field: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NAME) fail(`${field} must be a name of 1 to ${MAX_NAME} characters.`);
}
function data(value: unknown): void {
  if (value === undefined) return;
  if (!isPlainJson(value) || JSON.stringify(value).length > MAX_DATA_BYTES) fail(`data must be plain JSON of at most ${MAX_DATA_BYTES} bytes.`);
}
function flag(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'boolean') fail(`${field} must be true or false.`);
}
function setupData(value: unknown): void {
  if (value !== undefined && (!isPlainJson(value) || JSON.stringify(value).length > MAX_DATA_BYTES)) fail('setupData must be a small JSON object.');
}
function count(value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value))) fail('numPlayers must be a whole number.');
}

/** Checks the fields a route reads and returns only those. */
const ROUTES: Record<string, (b: Body) => Body> = {
  create: (b) => {
    count(b.numPlayers);
    setupData(b.setupData);
    flag(b.unlisted, 'unlisted');
    return { numPlayers: b.numPlayers, setupData: b.setupData, unlisted: b.unlisted, bots: b.bots };
  },
  join: (b) => {
    optionalSeat(b);
    name(b.playerName, 'playerName', true);
    data(b.data);
    return { playerID: b.playerID ?? undefined, playerName: b.playerName, data: b.data };
  },
  leave: (b) => {
    seat(b);
    credentials(b);
    return { playerID: b.playerID, credentials: b.credentials };
  },
  update: (b) => {
    seat(b);
    credentials(b);
    name(b.newName, 'newName', false);
    data(b.data);
    if (b.newName === undefined && b.data === undefined) fail('Send newName or data.');
    return { playerID: b.playerID, credentials: b.credentials, newName: b.newName, data: b.data };
  },
  playAgain: (b) => {
    seat(b);
    credentials(b);
    count(b.numPlayers);
    setupData(b.setupData);
    flag(b.unlisted, 'unlisted');
    return { playerID: b.playerID, credentials: b.credentials, numPlayers: b.numPlayers, setupData: b.setupData, unlisted: b.unlisted };
  },
};
ROUTES.rename = ROUTES.update;

/** Replaces the request stream with `body`, so boardgame.io's body parser reads the checked copy. */
function replay(ctx: Koa.Context, body: Body): void {
  const text = JSON.stringify(body);
  const stream = Readable.from([Buffer.from(text, 'utf8')]) as Readable & { headers: Record<string, string | string[] | undefined> };
  stream.headers = { ...ctx.req.headers, 'content-length': String(Buffer.byteLength(text)), 'content-encoding': 'identity' };
  ctx.req = stream as unknown as typeof ctx.req;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(400, 'The address is not valid.');
  }
}

export interface LobbyOptions {
  games: Game[];
  locks: MatchLocks;
  maxBodyBytes?: number;
}

/** The guard in front of boardgame.io's Lobby API routes. */
export function lobbyGuard({ games, locks, maxBodyBytes = 16 * 1024 }: LobbyOptions): Middleware {
  const names = new Set(games.map((g) => g.name));
  return async (ctx, next) => {
    const parts = ctx.path.split('/');
    if (ctx.method !== 'POST' || parts[1] !== 'games') return next();
    try {
      // /games/:name/create or /games/:name/:id/:action
      const gameName = decode(parts[2] ?? '');
      const route = parts.length === 4 ? parts[3] : parts.length === 5 ? parts[4] : undefined;
      const check = route !== undefined && Object.prototype.hasOwnProperty.call(ROUTES, route) ? ROUTES[route] : undefined;
      if (!check || (route === 'create') !== (parts.length === 4)) throw new BadRequest(404, 'No such Lobby API route.');
      if (!names.has(gameName)) throw new BadRequest(404, `Game ${gameName} not found.`);
      const body = check(await readBody(ctx, maxBodyBytes));
      ctx.state.lobbyBody = body;
      replay(ctx, body);
      if (route === 'create') return await next();
      const matchID = decode(parts[3]);
      return await locks.run(matchID, () => next());
    } catch (err) {
      if (err instanceof BadRequest) {
        ctx.status = err.status;
        ctx.body = { error: err.message };
        return;
      }
      throw err;
    }
  };
}

const botName = (personality: keyof typeof PERSONALITY_NAMES, difficulty: keyof typeof DIFFICULTY_NAMES) =>
  `${PERSONALITY_NAMES[personality]} bot (${DIFFICULTY_NAMES[difficulty]})`;

/**
 * `POST /games/:name/create`, in place of boardgame.io's: the same body and answer, plus `bots`,
 * which seats server-side bots (see `protocol.ts`). Register it before boardgame.io adds its own.
 */
export function addCreateRoute(router: Router<Koa.DefaultState, BgioServer.AppCtx>, games: Game[], store: MatchStore): void {
  router.post('/games/:name/create', async (ctx) => {
    const game = games.find((g) => g.name === ctx.params.name);
    if (!game) return ctx.throw(404, `Game ${ctx.params.name} not found`);
    const body = (ctx.state.lobbyBody ?? {}) as Body;
    const min = game.minPlayers ?? 1;
    const max = game.maxPlayers ?? Math.max(min, 2);
    const numPlayers = body.numPlayers === undefined ? min : (body.numPlayers as number);
    if (numPlayers < min || numPlayers > max) return ctx.throw(400, `numPlayers must be from ${min} to ${max}.`);
    const bots = parseBotSeats(body.bots, numPlayers);
    if (!bots.ok) return ctx.throw(400, bots.error);
    const match = createMatch({ game, numPlayers, setupData: body.setupData, unlisted: body.unlisted === true });
    if ('setupDataError' in match) return ctx.throw(400, match.setupDataError);
    const metadata: BackchannelMatchData = match.metadata;
    for (const [seatID, config] of Object.entries(bots.value)) {
      const player = metadata.players[seatID as unknown as number];
      player.name = botName(config.personality, config.difficulty);
      player.credentials = newCredentials();
    }
    if (Object.keys(bots.value).length) metadata.bots = bots.value;
    const matchID = newMatchID();
    await store.createMatch(matchID, { initialState: match.initialState, metadata });
    ctx.body = { matchID };
  });
}
