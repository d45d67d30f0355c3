/**
 * The Lobby API: boardgame.io's routes behind one guard, plus a create route that seats bots.
 *
 * The guard recognises every lobby route as boardgame.io's router does (any letter case, an
 * optional trailing slash), so no spelling of a path reaches a route unchecked. It reads a POST
 * body itself (at most `maxBodyBytes`, JSON only), checks it against the route's schema
 * (`src/protocol/lobby.ts`: unknown fields refused, three seats wherever a count appears) and hands
 * boardgame.io's route the checked copy. It exists because boardgame.io 0.50.2 takes a lobby body as
 * it comes: a `playerName` may be an object, a `playerID` of `"__proto__"` writes the join onto
 * `Object.prototype`, and `playAgain` builds a match of any `numPlayers` it is sent. Routes on a
 * match run on the match's lock, so a join cannot interleave with a move's own metadata write and
 * be lost. Creating a match (`create`, `playAgain`) counts against the client's `CreationQuota`,
 * and beyond it is refused with 429 and `Retry-After`. Every refusal, the guard's or boardgame.io's,
 * is answered as a `Problem` and logged as one line.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import type Router from '@koa/router';
import type { Game, Server as BgioServer } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import type { z } from 'zod';
import { DIFFICULTY_NAMES, PERSONALITY_NAMES, type BotConfig } from '../bots/config';
import {
  createMatchBody,
  joinMatchBody,
  leaveMatchBody,
  listMatchesQuery,
  playAgainBody,
  updatePlayerBody,
  type BackchannelMatchData,
  type CreateMatchBody,
} from '../protocol/lobby';
import { NUM_PLAYERS, isMatchID } from '../protocol/match';
import { parseWith, problem, toWire, type Problem } from '../protocol/problem';
import { clientAddress, type ClientAddress } from './address';
import { newCredentials, seatOf } from './auth';
import type { MatchLocks } from './lock';
import type { ServerLog } from './log';
import type { CreationQuota } from './quota';
import type { MatchStore } from './storage';

type Middleware = Koa.Middleware<Koa.DefaultState, BgioServer.AppCtx>;

/** The problems a lobby call can answer with, and their HTTP status. */
const STATUS = {
  malformed: 400,
  'invalid-setup': 400,
  unauthorized: 403,
  'not-found': 404,
  'unknown-match': 404,
  'unknown-seat': 404,
  'seat-taken': 409,
  'too-large': 413,
  'unsupported-media': 415,
  'rate-limited': 429,
} as const;
type LobbyCode = keyof typeof STATUS;

/** boardgame.io's own refusals (`ctx.throw` in its routes), by status, for what the guard leaves to them. */
const STOCK_CODES: Partial<Record<number, LobbyCode>> = { 400: 'invalid-setup', 403: 'unauthorized', 404: 'not-found', 409: 'seat-taken' };

class LobbyRefusal extends Error {
  constructor(
    readonly problem: Problem<LobbyCode>,
    /** Seconds, for a `Retry-After` header. */
    readonly retryAfter?: number,
  ) {
    super(problem.message);
  }
}
const refuse = (code: LobbyCode, message: string): never => {
  throw new LobbyRefusal(problem(code, message));
};

function problemOf(err: unknown): Problem<LobbyCode> | undefined {
  if (err instanceof LobbyRefusal) return err.problem;
  const { status, expose, message } = (err ?? {}) as { status?: unknown; expose?: unknown; message?: unknown };
  const code = typeof status === 'number' && expose === true ? STOCK_CODES[status] : undefined;
  return code && problem(code, `${String(message).replace(/\.$/, '')}.`);
}

export const newMatchID = (): string => randomBytes(8).toString('base64url');

interface LobbyRoute {
  name: string;
  method: 'GET' | 'POST';
  /** As boardgame.io's router matches it; captures the game name, then the match id. */
  path: RegExp;
  /** The schema of the body (POST) or the query (GET). */
  schema?: z.ZodType;
}

const ROUTES: LobbyRoute[] = [
  { name: 'games', method: 'GET', path: /^\/games\/?$/i },
  { name: 'list', method: 'GET', path: /^\/games\/([^/]+)\/?$/i, schema: listMatchesQuery },
  { name: 'match', method: 'GET', path: /^\/games\/([^/]+)\/([^/]+)\/?$/i },
  { name: 'create', method: 'POST', path: /^\/games\/([^/]+)\/create\/?$/i, schema: createMatchBody },
  { name: 'join', method: 'POST', path: /^\/games\/([^/]+)\/([^/]+)\/join\/?$/i, schema: joinMatchBody },
  { name: 'leave', method: 'POST', path: /^\/games\/([^/]+)\/([^/]+)\/leave\/?$/i, schema: leaveMatchBody },
  { name: 'update', method: 'POST', path: /^\/games\/([^/]+)\/([^/]+)\/(update|rename)\/?$/i, schema: updatePlayerBody },
  { name: 'playAgain', method: 'POST', path: /^\/games\/([^/]+)\/([^/]+)\/playAgain\/?$/i, schema: playAgainBody },
];
const UNDER_GAMES = /^\/games(\/|$)/i;

async function readBody(ctx: Koa.Context, limit: number): Promise<unknown> {
  const encoding = ctx.get('Content-Encoding');
  if (encoding && encoding !== 'identity') refuse('unsupported-media', 'Send the body uncompressed.');
  const declared = Number(ctx.get('Content-Length') || 0);
  if (declared > limit) refuse('too-large', `The body may be at most ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) refuse('too-large', `The body may be at most ${limit} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if (!ctx.is('application/json')) refuse('unsupported-media', 'Send the body as JSON (Content-Type: application/json).');
  try {
    return JSON.parse(text);
  } catch {
    return refuse('malformed', 'The body is not valid JSON.');
  }
}

/** Replaces the request stream with `body`, so boardgame.io's body parser reads the checked copy. */
function replay(ctx: Koa.Context, body: unknown): void {
  const text = JSON.stringify(body);
  const stream = Readable.from([Buffer.from(text, 'utf8')]) as Readable & { headers: Record<string, string | string[] | undefined> };
  stream.headers = { ...ctx.req.headers, 'content-length': String(Buffer.byteLength(text)), 'content-encoding': 'identity' };
  ctx.req = stream as unknown as typeof ctx.req;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return refuse('malformed', 'The address is not valid.');
  }
}

export interface LobbyOptions {
  games: Game[];
  store: MatchStore;
  locks: MatchLocks;
  quota: CreationQuota;
  log: ServerLog;
  /** Whether the client is the first `X-Forwarded-For` address (behind a reverse proxy). */
  trustProxy: boolean;
  maxBodyBytes?: number;
}

/** Refuses a new match beyond the client's quota. */
function admit(quota: CreationQuota, client: ClientAddress, body: CreateMatchBody): void {
  const verdict = quota.take(client, Object.keys(body.bots ?? {}).length > 0);
  if (verdict.ok) return;
  const minutes = Math.ceil(verdict.retryAfterMs / 60_000);
  const what = verdict.limit === 'bot-matches' ? 'matches with bots' : 'matches';
  throw new LobbyRefusal(
    problem('rate-limited', `This address has created as many ${what} as it may in an hour; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`),
    Math.ceil(verdict.retryAfterMs / 1000),
  );
}

/** The guard in front of every Lobby API route. */
export function lobbyGuard({ games, store, locks, quota, log, trustProxy, maxBodyBytes = 16 * 1024 }: LobbyOptions): Middleware {
  const names = new Set(games.map((g) => g.name));
  const guarded = async (ctx: Koa.ParameterizedContext<Koa.DefaultState, BgioServer.AppCtx>, next: Koa.Next, client: ClientAddress) => {
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    const route = ROUTES.find((r) => r.method === method && r.path.test(ctx.path));
    if (!route) return refuse('not-found', 'No such Lobby API route.');
    const [, rawName, rawMatchID] = route.path.exec(ctx.path)!;
    const gameName = rawName === undefined ? undefined : decode(rawName);
    if (gameName !== undefined && !names.has(gameName)) refuse('not-found', `Game ${gameName} not found.`);
    let input: unknown;
    if (route.schema) {
      const parsed = parseWith(route.schema, method === 'POST' ? await readBody(ctx, maxBodyBytes) : ctx.query, {
        context: route.name,
        noun: method === 'POST' ? 'the body' : 'the query',
      });
      if (!parsed.ok) return refuse('malformed', parsed.problem.message);
      input = parsed.value;
    }
    // playAgain makes a match once; asked again, it answers with that match.
    const creates = route.name === 'create' || (route.name === 'playAgain' && !(await store.current(decode(rawMatchID)))?.metadata.nextMatchID);
    if (creates) admit(quota, client, input as CreateMatchBody);
    if (method === 'POST') {
      ctx.state.lobbyBody = input;
      replay(ctx, input);
    } else {
      ctx.state.lobbyQuery = input;
    }
    if (rawMatchID === undefined) return next();
    const matchID = decode(rawMatchID);
    return locks.run(matchID, async () => {
      const metadata = isMatchID(matchID) ? (await store.current(matchID))?.metadata : undefined;
      if (!metadata || metadata.gameName !== gameName) return refuse('unknown-match', `There is no match ${matchID}.`);
      const playerID = (input as { playerID?: unknown } | undefined)?.playerID;
      if (typeof playerID === 'string' && !seatOf(metadata, playerID)) refuse('unknown-seat', `Match ${matchID} has no seat ${playerID}.`);
      return next();
    });
  };
  return async (ctx, next) => {
    // Other methods reach no lobby route: boardgame.io's router answers them (405, CORS preflight).
    if (!UNDER_GAMES.test(ctx.path) || !['GET', 'HEAD', 'POST'].includes(ctx.method)) return next();
    // Read before the guard replaces the request stream with the checked body.
    const client = clientAddress(ctx.req, trustProxy);
    try {
      await guarded(ctx, next, client);
    } catch (err) {
      const p = problemOf(err);
      if (!p) throw err;
      ctx.status = STATUS[p.code];
      ctx.body = toWire(p);
      if (err instanceof LobbyRefusal && err.retryAfter !== undefined) ctx.set('Retry-After', String(err.retryAfter));
      log.refused(`lobby ${p.code}`, `${ctx.method} ${ctx.path} from ${client}: ${p.message}`);
    }
  };
}

const botName = ({ personality, difficulty }: BotConfig) => `${PERSONALITY_NAMES[personality]} bot (${DIFFICULTY_NAMES[difficulty]})`;

/**
 * `POST /games/:name/create`, in place of boardgame.io's: the same body and answer, plus `bots`,
 * which seats server-side bots (see `src/protocol/lobby.ts`). Register it before boardgame.io adds
 * its own. The guard has checked the body.
 */
export function addCreateRoute(router: Router<Koa.DefaultState, BgioServer.AppCtx>, games: Game[], store: MatchStore): void {
  router.post('/games/:name/create', async (ctx) => {
    const game = games.find((g) => g.name === ctx.params.name);
    if (!game) return refuse('not-found', `Game ${ctx.params.name} not found.`);
    const body = ctx.state.lobbyBody as CreateMatchBody;
    const bots = body.bots ?? {};
    const match = createMatch({ game, numPlayers: body.numPlayers ?? NUM_PLAYERS, setupData: body.setupData, unlisted: body.unlisted === true });
    if ('setupDataError' in match) return refuse('invalid-setup', match.setupDataError);
    const metadata: BackchannelMatchData = match.metadata;
    for (const [seatID, config] of Object.entries(bots)) {
      const player = metadata.players[seatID as unknown as number];
      player.name = botName(config);
      player.credentials = newCredentials();
    }
    if (Object.keys(bots).length) metadata.bots = bots;
    const matchID = newMatchID();
    await store.createMatch(matchID, { initialState: match.initialState, metadata });
    ctx.body = { matchID };
  });
}
