/**
 * The shape checks for what a socket sends, from the protocol's frame schemas
 * (`src/protocol/frames.ts`). boardgame.io's transport would hand the arguments of its `update`,
 * `sync` and `chat` events to the master and to storage as they come; these accept exactly what
 * boardgame.io's own client sends and return the rebuilt frame, or the problem.
 */
import { CHAT_ARGS, SYNC_ARGS, UPDATE_ARGS, chatFrameSchema, syncFrameSchema, updateFrameSchema, type ChatFrame, type SyncFrame, type UpdateFrame } from '../protocol/frames';
import { parseWith, type Parsed } from '../protocol/problem';
import type { Reply } from '../protocol/refusals';

/** What a frame check refuses with. */
type FrameCode = 'malformed' | 'too-long';

export type Ack = (reply: Reply) => void;

/** Separates a trailing acknowledgement callback (socket.io's) from the data arguments. */
export function splitAck(args: unknown[]): { args: unknown[]; ack?: Ack } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { args: args.slice(0, -1), ack: last as Ack };
  return { args };
}

const frame = { noun: 'the frame' };

export const parseUpdate = (args: unknown[]): Parsed<UpdateFrame, FrameCode> => parseWith(updateFrameSchema, args, { ...frame, context: 'update', positions: UPDATE_ARGS });
export const parseSync = (args: unknown[]): Parsed<SyncFrame, FrameCode> => parseWith(syncFrameSchema, args, { ...frame, context: 'sync', positions: SYNC_ARGS });
export const parseChat = (args: unknown[]): Parsed<ChatFrame, FrameCode> => parseWith(chatFrameSchema, args, { ...frame, context: 'chat', positions: CHAT_ARGS });
