/**
 * Online play's addresses. Everything lives in the query string of the one page, so the server's
 * static files need no routes and a link pasted into a class chat opens the right screen:
 *
 *   /?match=ID                 the table: who plays which seat, the join links (for a teacher)
 *   /?match=ID&seat=1          join seat "1" (Iran) with a display name
 *   /?match=ID&seat=1&key=K    join seat "1" as a teammate: K is the seat's credentials
 *   /?match=ID&watch           watch as a spectator
 *
 * Small and free of boardgame.io, so the start page can import it.
 */
import { isSeat } from '../../game/seats';
import type { SeatId } from '../../game/types';
import { MATCH_ID_PATTERN } from '../../protocol/match';

export type OnlineRoute =
  | { kind: 'table'; matchID: string }
  | { kind: 'join'; matchID: string; seat: SeatId; key?: string }
  | { kind: 'watch'; matchID: string }
  /** A link that names a match but is damaged: `reason` says how, for a person. */
  | { kind: 'bad'; reason: string };

/** A seat's link: take the seat, or (with `key`) join its team. */
export type JoinRoute = Extract<OnlineRoute, { kind: 'join' }>;
const KEY = /^[A-Za-z0-9_-]{1,256}$/;

/** The route a query string asks for, or null when it names no match (the start page). */
export function parseRoute(search: string): OnlineRoute | null {
  const q = new URLSearchParams(search);
  const matchID = q.get('match');
  if (matchID === null) return null;
  if (!MATCH_ID_PATTERN.test(matchID)) return { kind: 'bad', reason: 'The match code in this link is damaged. Copy the whole link again, or ask for a new one.' };
  if (q.has('watch')) return { kind: 'watch', matchID };
  const seat = q.get('seat');
  if (seat === null) return { kind: 'table', matchID };
  if (!isSeat(seat)) return { kind: 'bad', reason: `This link names seat "${seat}", but the seats are 0 (United States), 1 (Iran) and 2 (Mediator).` };
  const key = q.get('key');
  if (key === null) return { kind: 'join', matchID, seat };
  if (!KEY.test(key)) return { kind: 'bad', reason: 'The team key in this link is damaged. Ask your teammate to copy the team link again.' };
  return { kind: 'join', matchID, seat, key };
}

/** The path and query of a route (no origin): what goes into the address bar. */
export function hrefOf(route: OnlineRoute | null): string {
  if (!route || route.kind === 'bad') return '/';
  const q = new URLSearchParams({ match: route.matchID });
  if (route.kind === 'watch') return `/?${q}&watch`;
  if (route.kind === 'join') {
    q.set('seat', route.seat);
    if (route.key) q.set('key', route.key);
  }
  return `/?${q}`;
}

/** A full link to share, on this page's origin. */
export const linkOf = (route: OnlineRoute, origin = window.location.origin): string => `${origin}${hrefOf(route)}`;
