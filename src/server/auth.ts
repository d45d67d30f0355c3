/**
 * Seat credentials. Every seat of every match is authenticated: a seat nobody has joined has no
 * credentials, so nobody can act for it (boardgame.io's default lets anyone act in a match until
 * its first player joins). Comparisons take constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'boardgame.io';

export const newCredentials = (): string => randomBytes(18).toString('base64url');

export function credentialsMatch(given: unknown, expected: unknown): boolean {
  if (typeof given !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For boardgame.io's `Server({ authenticateCredentials })`: the lobby and the master use it. */
export const authenticateCredentials: Server.AuthenticateCredentials = (credentials, playerMetadata) =>
  credentialsMatch(credentials, playerMetadata?.credentials);

/** A seat's metadata, if the match has that seat (own keys only: `__proto__` is no seat). */
export function seatOf(metadata: Server.MatchData, playerID: string): Server.PlayerMetadata | undefined {
  return Object.prototype.hasOwnProperty.call(metadata.players, playerID) ? metadata.players[playerID as unknown as number] : undefined;
}

export function isAuthentic(metadata: Server.MatchData, playerID: string, credentials: unknown): boolean {
  return credentialsMatch(credentials, seatOf(metadata, playerID)?.credentials);
}
