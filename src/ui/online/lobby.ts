/**
 * The game server's Lobby API through boardgame.io's `LobbyClient`, on this page's origin, with its
 * failures turned into sentences. Loaded only when online play is used.
 */
import { LobbyClient, LobbyClientError } from 'boardgame.io/client';
import { isSeat } from '../../game/seats';
import type { SeatId } from '../../game/types';
import type { BotSeats, CreateMatchBody } from '../../protocol/lobby';
import { GAME_NAME } from '../../protocol/match';

export interface SeatInfo {
  id: SeatId;
  /** Set once someone (or a bot) has taken the seat. */
  name?: string;
  isConnected?: boolean;
}

export interface MatchInfo {
  matchID: string;
  seats: SeatInfo[];
  bots: BotSeats;
  setupData?: { scenario?: string; flavour?: string; length?: string };
  /** Set when the match has ended. */
  over: boolean;
}

export type ProblemKind = 'unknown-match' | 'seat-taken' | 'refused' | 'unreachable';

/** A lobby call that failed, with a sentence for a person. */
export class LobbyProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
  }
}

const lobby = () => new LobbyClient({ server: window.location.origin });

function detail(details: unknown): string {
  if (typeof details === 'string') return details;
  if (details && typeof details === 'object' && typeof (details as { error?: unknown }).error === 'string') return (details as { error: string }).error;
  return '';
}

/** Turns what `LobbyClient` throws into a `LobbyProblem`. */
function explain(err: unknown, what: 'create' | 'get' | 'join'): never {
  if (err instanceof LobbyProblem) throw err;
  if (err instanceof LobbyClientError) {
    const status = Number(/(\d{3})/.exec(err.message)?.[1]);
    const said = detail(err.details);
    if (status === 404 && what !== 'create')
      throw new LobbyProblem('unknown-match', 'There is no such match on this server. The link may be mistyped, or the match was removed.');
    if (status === 409 && what === 'join') throw new LobbyProblem('seat-taken', 'Someone took this seat a moment ago.');
    if (status >= 500 || status === 404) throw new LobbyProblem('unreachable', `The game server could not do this (HTTP ${status}). Is it running with "npm start"?`);
    throw new LobbyProblem('refused', said ? `The game server refused: ${said}` : `The game server refused (HTTP ${status}).`);
  }
  throw new LobbyProblem('unreachable', 'The game server did not answer. Check your connection, and that the game is served with "npm start".');
}

export async function createMatch(body: CreateMatchBody): Promise<string> {
  try {
    const { matchID } = await lobby().createMatch(GAME_NAME, body as unknown as { numPlayers: number });
    return matchID;
  } catch (err) {
    return explain(err, 'create');
  }
}

export async function getMatch(matchID: string, signal?: AbortSignal): Promise<MatchInfo> {
  try {
    const m = (await lobby().getMatch(GAME_NAME, matchID, signal ? { signal } : undefined)) as unknown as {
      players: { id: number; name?: string; isConnected?: boolean }[];
      bots?: BotSeats;
      setupData?: MatchInfo['setupData'];
      gameover?: unknown;
    };
    const seats: SeatInfo[] = [];
    for (const p of m.players) {
      const id = String(p.id);
      if (isSeat(id)) seats.push({ id, name: p.name, isConnected: p.isConnected });
    }
    return { matchID, seats, bots: m.bots ?? {}, setupData: m.setupData, over: m.gameover !== undefined && m.gameover !== null };
  } catch (err) {
    if (signal?.aborted) throw err;
    return explain(err, 'get');
  }
}

/** Takes a seat; resolves with its credentials. */
export async function joinMatch(matchID: string, seat: SeatId, playerName: string): Promise<string> {
  try {
    const { playerCredentials } = await lobby().joinMatch(GAME_NAME, matchID, { playerID: seat, playerName });
    return playerCredentials;
  } catch (err) {
    return explain(err, 'join');
  }
}

/** The seats people play (not bots), and which of them nobody has taken yet. */
export function humanSeats(match: MatchInfo): { human: SeatInfo[]; open: SeatInfo[] } {
  const human = match.seats.filter((s) => !match.bots[s.id]);
  return { human, open: human.filter((s) => !s.name) };
}
