/**
 * `GET /games/:name`, in place of boardgame.io's, which lists every match at once: with 5,000
 * matches stored, one request copied all their metadata. This one answers at most `pageSize`
 * matches, newest first, and a `nextCursor` to pass as `cursor` for the next page; the filters
 * (`isGameover`, `updatedBefore`, `updatedAfter`) and the answer's `matches` are boardgame.io's, so
 * its `LobbyClient.listMatches` gets the first page. Register it before boardgame.io adds its own;
 * the lobby guard has checked the query.
 */
import type Koa from 'koa';
import type Router from '@koa/router';
import type { Server as BgioServer } from 'boardgame.io';
import type { ListMatchesQuery, MatchPage } from '../protocol/lobby';
import type { MatchStore } from './storage';

/** Where a match stands in the list: newest first, and by id within a millisecond, so the order is total. */
type Place = { createdAt: number; matchID: string };
type Listed = Place & { metadata: Readonly<BgioServer.MatchData> };

const listedBefore = (a: Place, b: Place) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.matchID > b.matchID);

const cursorOf = ({ createdAt, matchID }: Place) => `${createdAt}.${matchID}`;

function placeOf(cursor: string): Place {
  const dot = cursor.indexOf('.');
  return { createdAt: Number(cursor.slice(0, dot)), matchID: cursor.slice(dot + 1) };
}

const time = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));

export function addListRoute(router: Router<Koa.DefaultState, BgioServer.AppCtx>, store: MatchStore, pageSize: number): void {
  router.get('/games/:name', async (ctx) => {
    const query = ctx.state.lobbyQuery as ListMatchesQuery;
    const matches = await store.list({
      gameName: ctx.params.name,
      where: {
        isGameover: query.isGameover === undefined ? undefined : query.isGameover === 'true',
        updatedBefore: time(query.updatedBefore),
        updatedAfter: time(query.updatedAfter),
      },
    });
    const after = query.cursor === undefined ? undefined : placeOf(query.cursor);
    const listed: Listed[] = [];
    for (const { matchID, metadata } of matches) {
      if (!metadata.unlisted && (!after || listedBefore(after, { createdAt: metadata.createdAt, matchID })))
        listed.push({ createdAt: metadata.createdAt, matchID, metadata });
    }
    const page = listed.sort((a, b) => (listedBefore(a, b) ? -1 : 1)).slice(0, pageSize + 1);
    const body: MatchPage = {
      matches: page.slice(0, pageSize).map(({ matchID, metadata }) => ({
        ...metadata,
        matchID,
        // Without credentials, as boardgame.io lists them.
        players: Object.values(metadata.players).map(({ credentials: _, ...player }) => player),
      })),
    };
    if (page.length > pageSize) body.nextCursor = cursorOf(page[pageSize - 1]);
    ctx.body = body;
  });
}
