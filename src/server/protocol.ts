/**
 * What the Backchannel server adds to boardgame.io's wire protocol, for clients and tests: the
 * create-match body with bot seats, the refusal a socket receives when the server turns a frame
 * down, and the limits it enforces. Types and constants only: the browser may import this file.
 */
import type { Server } from 'boardgame.io';
import type { BotConfig } from '../bots/config';
import type { SeatId } from '../game/types';

/** Seats a server-side scripted bot plays, chosen when the match is created. */
export type BotSeats = Partial<Record<SeatId, BotConfig>>;

/** A match's metadata as this server stores it: boardgame.io's, plus the bot seats. */
export interface BackchannelMatchData extends Server.MatchData {
  bots?: BotSeats;
}

/**
 * `POST /games/backchannel/create`: boardgame.io's body plus `bots`. The bot seats are taken at
 * once (a human cannot join them) and kept in the match's metadata as `bots`, which
 * `GET /games/backchannel/:id` shows to everyone.
 */
export interface CreateMatchBody {
  numPlayers?: 3;
  setupData?: { scenario?: string; flavour?: string };
  unlisted?: boolean;
  bots?: BotSeats;
}

/** Socket event the server emits to a client whose frame it refused (when the frame had no ack). */
export const REFUSED_EVENT = 'backchannel:refused';

export const REFUSAL_CODES = [
  /** The frame's arguments are not what the event takes. */
  'malformed',
  /** No such match: the server does not create matches on demand. */
  'unknown-match',
  /** No such seat in the match. */
  'unknown-seat',
  /** Missing or wrong credentials for the seat. */
  'unauthorized',
  /** The action is not a move of this seat (another seat's id, an event, a state replacement). */
  'forbidden',
  /** The match has ended. */
  'game-over',
  /** The seat cannot act now. */
  'not-active',
  /** The move was made against an older state; the server has sent the current one. */
  'stale-state',
  /** The rules refused the move (it is not legal now); the server has sent the current state. */
  'invalid-move',
  /** A chat message over the length limit. */
  'too-long',
  /** An event the server does not take. */
  'unknown-event',
  /** The server failed; the match is unchanged. */
  'internal',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  /** The event refused: `update`, `sync`, `chat`, or another name. */
  event: string;
  code: RefusalCode;
  /** A sentence for a person. */
  error: string;
}

/** What a frame sent with an acknowledgement callback receives. */
export type Reply = { ok: true } | Refusal;

/** Chat: the payload is a string of at most this many characters. */
export const CHAT_MAX_LENGTH = 500;
