/**
 * What a socket may send: boardgame.io's `update`, `sync` and `chat` events, exactly as its own
 * client sends them. Each schema rebuilds the frame from its checked parts, so nothing else (a
 * state replacement, an event, extra fields) reaches the server's master. The checks are of shape
 * only; existence, credentials and the rules are checked against the match.
 */
import { z } from 'zod';
import { CHAT_MAX_LENGTH } from './chat';
import { plainJson } from './json';
import { CREDENTIALS_MAX_LENGTH, matchIDSchema, playerIDSchema } from './match';

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

const credentials = z
  .string({ error: 'must be a string' })
  .max(CREDENTIALS_MAX_LENGTH, { error: `must be at most ${CREDENTIALS_MAX_LENGTH} characters` })
  .nullish();
const withCredentials = <T extends object>(frame: T, given: string | null | undefined): T & { credentials?: string } =>
  typeof given === 'string' ? { ...frame, credentials: given } : frame;

const moveAction = z.object(
  {
    type: z.literal('MAKE_MOVE', { error: 'must be MAKE_MOVE: the server takes moves only' }),
    payload: z.object(
      {
        type: z.string({ error: 'must be a move name' }).regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'must be a short identifier' }),
        args: plainJson()
          .pipe(z.array(z.unknown(), { error: 'must be a list' }))
          .nullish(),
        playerID: playerIDSchema,
        credentials,
      },
      { error: 'must be an object' },
    ),
  },
  { error: 'must be an object' },
);

/** `update`: `(action, stateID, matchID, playerID)`, as boardgame.io's client sends a move. */
export const UPDATE_ARGS = ['action', 'stateID', 'matchID', 'playerID'] as const;
export const updateFrameSchema = z
  .tuple([moveAction, z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).nonnegative({ error: 'must be a whole number' }), matchIDSchema, playerIDSchema], {
    error: 'takes 4 arguments (action, stateID, matchID, playerID)',
  })
  .refine(([action, , , playerID]) => action.payload.playerID === playerID, { error: 'must name the frame’s own seat', path: [0, 'payload', 'playerID'] })
  .transform(([action, stateID, matchID, playerID]): UpdateFrame => {
    const payload = withCredentials({ type: action.payload.type, args: action.payload.args ?? [], playerID }, action.payload.credentials);
    return { action: { type: 'MAKE_MOVE', payload }, stateID, matchID, playerID };
  });

/** `sync`: `(matchID, playerID, credentials, numPlayers)`; a spectator's player id is null. */
export const SYNC_ARGS = ['matchID', 'playerID', 'credentials', 'numPlayers'] as const;
export const syncFrameSchema = z
  .tuple([matchIDSchema, playerIDSchema.nullish(), credentials, z.number({ error: 'must be a number' }).nullish()], {
    error: 'takes 1 to 4 arguments (matchID, playerID, credentials, numPlayers)',
  })
  .transform(([matchID, playerID, given]): SyncFrame => withCredentials({ matchID, playerID: playerID ?? null }, given));

/** `chat`: `(matchID, { id, sender, payload }, credentials)`; the payload is text. */
export const CHAT_ARGS = ['matchID', 'message', 'credentials'] as const;
export const chatFrameSchema = z
  .tuple(
    [
      matchIDSchema,
      z.object(
        {
          id: z.string({ error: 'must be a short string' }).min(1, { error: 'must be a short string' }).max(64, { error: 'must be a short string' }),
          sender: playerIDSchema,
          payload: z
            .string({ error: 'must be text' })
            .refine((s) => s.trim().length > 0, { error: 'must be text' })
            .refine((s) => s.length <= CHAT_MAX_LENGTH, { error: `may be at most ${CHAT_MAX_LENGTH} characters long`, params: { problem: 'too-long' } }),
        },
        { error: 'must be an object { id, sender, payload }' },
      ),
      credentials,
    ],
    { error: 'takes 2 or 3 arguments (matchID, message, credentials)' },
  )
  .transform(([matchID, { id, sender, payload }, given]): ChatFrame => withCredentials({ matchID, message: { id, sender, payload } }, given));
