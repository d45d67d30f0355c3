/**
 * The shape checks for what a socket sends. boardgame.io's transport hands the arguments of its
 * `update`, `sync` and `chat` events to the master and to storage as they come; these functions
 * accept exactly what boardgame.io's own client sends and rebuild it from the checked parts, so
 * nothing else reaches the master. They are pure: existence, credentials and the rules are checked
 * later, against the match.
 */
import type { Reply } from './protocol';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: 'malformed' | 'too-long'; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string, code: 'malformed' | 'too-long' = 'malformed'): Parsed<never> => ({ ok: false, code, error });

export interface MoveAction {
  type: 'MAKE_MOVE';
  payload: { type: string; args: unknown[]; playerID: string; credentials?: string };
}

export interface UpdateFrame {
  action: MoveAction;
  stateID: number;
  matchID: string;
  playerID: string;
}

export interface SyncFrame {
  matchID: string;
  /** `null` for a spectator. */
  playerID: string | null;
  credentials?: string;
}

export interface ChatFrame {
  matchID: string;
  message: { id: string; sender: string; payload: string };
  credentials?: string;
}

export type Ack = (reply: Reply) => void;

/** Match ids are what the lobby mints (nanoid): letters, digits, `_` and `-`. */
const MATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Seat ids are small whole numbers written as strings. */
const PLAYER_ID = /^[0-9]{1,3}$/;
const MOVE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_CREDENTIALS = 256;
const MAX_CHAT_ID = 64;

/** Limits on move arguments: plain JSON, small. */
const MAX_DEPTH = 12;
const MAX_NODES = 5000;
const MAX_STRING = 4000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isMatchID = (x: unknown): x is string => typeof x === 'string' && MATCH_ID.test(x);
export const isPlayerID = (x: unknown): x is string => typeof x === 'string' && PLAYER_ID.test(x);
const isCredentials = (x: unknown): x is string | null | undefined =>
  x === undefined || x === null || (typeof x === 'string' && x.length <= MAX_CREDENTIALS);
const isRecord = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

/** Whether `value` is plain JSON within the size limits (no binary, no prototype keys). */
export function isPlainJson(value: unknown): boolean {
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return v.length <= MAX_STRING;
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    if (isRecord(v)) return Object.entries(v).every(([k, x]) => k.length <= 200 && !FORBIDDEN_KEYS.has(k) && walk(x, depth + 1));
    return false;
  };
  return walk(value, 0);
}

/** Separates a trailing acknowledgement callback (socket.io's) from the data arguments. */
export function splitAck(args: unknown[]): { args: unknown[]; ack?: Ack } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { args: args.slice(0, -1), ack: last as Ack };
  return { args };
}

/** `update`: `(action, stateID, matchID, playerID)`, as boardgame.io's client sends a move. */
export function parseUpdate(args: unknown[]): Parsed<UpdateFrame> {
  if (args.length !== 4) return bad(`update takes 4 arguments (action, stateID, matchID, playerID), not ${args.length}.`);
  const [action, stateID, matchID, playerID] = args;
  if (!isMatchID(matchID)) return bad('update: the match id must be a short string of letters, digits, - or _.');
  if (!isPlayerID(playerID)) return bad('update: the player id must be a seat id such as "0".');
  if (typeof stateID !== 'number' || !Number.isSafeInteger(stateID) || stateID < 0)
    return bad('update: the state id must be a whole number.');
  if (!isRecord(action)) return bad('update: the action must be an object.');
  if (action.type !== 'MAKE_MOVE') return bad('update: only moves (MAKE_MOVE) are accepted.');
  const payload = action.payload;
  if (!isRecord(payload)) return bad('update: the action has no payload.');
  const { type, args: moveArgs, playerID: actor, credentials } = payload;
  if (typeof type !== 'string' || !MOVE_NAME.test(type)) return bad('update: the move name must be a short identifier.');
  if (moveArgs !== undefined && moveArgs !== null && !Array.isArray(moveArgs)) return bad('update: the move arguments must be a list.');
  if (!isPlainJson(moveArgs ?? [])) return bad('update: the move arguments must be plain JSON of modest size.');
  if (actor !== playerID) return bad('update: the action names another seat than the frame.');
  if (!isCredentials(credentials)) return bad('update: credentials must be a string.');
  const clean: MoveAction = { type: 'MAKE_MOVE', payload: { type, args: (moveArgs as unknown[] | null | undefined) ?? [], playerID } };
  if (typeof credentials === 'string') clean.payload.credentials = credentials;
  return ok({ action: clean, stateID, matchID, playerID });
}

/** `sync`: `(matchID, playerID, credentials, numPlayers)`; a spectator's player id is null. */
export function parseSync(args: unknown[]): Parsed<SyncFrame> {
  if (args.length < 1 || args.length > 4) return bad(`sync takes 1 to 4 arguments (matchID, playerID, credentials, numPlayers), not ${args.length}.`);
  const [matchID, playerID, credentials, numPlayers] = args;
  if (!isMatchID(matchID)) return bad('sync: the match id must be a short string of letters, digits, - or _.');
  if (playerID !== undefined && playerID !== null && !isPlayerID(playerID)) return bad('sync: the player id must be a seat id such as "0", or null to watch.');
  if (!isCredentials(credentials)) return bad('sync: credentials must be a string.');
  if (numPlayers !== undefined && numPlayers !== null && typeof numPlayers !== 'number') return bad('sync: numPlayers must be a number.');
  const frame: SyncFrame = { matchID, playerID: playerID ?? null };
  if (typeof credentials === 'string') frame.credentials = credentials;
  return ok(frame);
}

/** `chat`: `(matchID, { id, sender, payload }, credentials)`; the payload is text. */
export function parseChat(args: unknown[], maxLength: number): Parsed<ChatFrame> {
  if (args.length < 2 || args.length > 3) return bad(`chat takes 2 or 3 arguments (matchID, message, credentials), not ${args.length}.`);
  const [matchID, message, credentials] = args;
  if (!isMatchID(matchID)) return bad('chat: the match id must be a short string of letters, digits, - or _.');
  if (!isRecord(message)) return bad('chat: the message must be an object { id, sender, payload }.');
  const { id, sender, payload } = message;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_CHAT_ID) return bad('chat: the message id must be a short string.');
  if (!isPlayerID(sender)) return bad('chat: the sender must be a seat id such as "0".');
  if (typeof payload !== 'string' || payload.trim().length === 0) return bad('chat: the message must be text.');
  if (payload.length > maxLength) return bad(`chat: a message may be at most ${maxLength} characters long.`, 'too-long');
  if (!isCredentials(credentials)) return bad('chat: credentials must be a string.');
  const frame: ChatFrame = { matchID, message: { id, sender, payload } };
  if (typeof credentials === 'string') frame.credentials = credentials;
  return ok(frame);
}
