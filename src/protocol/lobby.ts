/**
 * The Lobby API as this server speaks it: boardgame.io's routes with every body checked, plus
 * `bots` on create. A body with a field a route does not take is refused, and so is a seat count
 * other than the game's three, wherever a route takes one.
 */
import type { Server } from 'boardgame.io';
import { z } from 'zod';
import { DIFFICULTIES, PERSONALITIES } from '../bots/config';
import { SEATS } from '../game/types';
import { plainJson } from './json';
import { CREDENTIALS_MAX_LENGTH, NUM_PLAYERS, playerIDSchema } from './match';

export const NAME_MAX_LENGTH = 64;
export const DATA_MAX_BYTES = 2048;

const botConfigSchema = z.strictObject(
  {
    personality: z.enum(PERSONALITIES, { error: `must be one of ${PERSONALITIES.join(', ')}` }),
    difficulty: z.enum(DIFFICULTIES, { error: `must be one of ${DIFFICULTIES.join(', ')}` }),
  },
  { error: 'must look like { "personality": "pragmatist", "difficulty": "expert" }' },
);

/** Seats a server-side scripted bot plays, chosen when the match is created. */
export const botSeatsSchema = z.partialRecord(z.enum(SEATS), botConfigSchema, {
  error: 'must look like { "1": { "personality": "pragmatist", "difficulty": "expert" } }, seats 0 to 2',
});
export type BotSeats = z.infer<typeof botSeatsSchema>;

/** A match's metadata as this server stores it: boardgame.io's, plus the bot seats. */
export interface BackchannelMatchData extends Server.MatchData {
  bots?: BotSeats;
}

const numPlayers = z.literal(NUM_PLAYERS, { error: `must be ${NUM_PLAYERS}: the game has ${NUM_PLAYERS} seats` });
const setupData = z.strictObject(
  {
    scenario: z.string({ error: 'must be a scenario id' }).max(64).optional(),
    flavour: z.string({ error: 'must be a Mediator flavour id' }).max(64).optional(),
    length: z.string({ error: 'must be a game length: standard or short' }).max(16).optional(),
  },
  { error: 'must be an object such as { "scenario": "talks-resume", "flavour": "oman" }' },
);
const unlisted = z.boolean({ error: 'must be true or false' });
const credentials = z
  .string({ error: 'must be the string you were given when you joined' })
  .min(1, { error: 'must be the string you were given when you joined' })
  .max(CREDENTIALS_MAX_LENGTH, { error: 'must be the string you were given when you joined' });
const name = z
  .string({ error: `must be a name of 1 to ${NAME_MAX_LENGTH} characters` })
  .refine((s) => s.trim() !== '' && s.length <= NAME_MAX_LENGTH, { error: `must be a name of 1 to ${NAME_MAX_LENGTH} characters` });
const data = plainJson(DATA_MAX_BYTES);
const body = { error: 'must be a JSON object' };

/**
 * `POST /games/backchannel/create`: boardgame.io's body plus `bots`. The bot seats are taken at
 * once (a human cannot join them) and kept in the match's metadata as `bots`, which
 * `GET /games/backchannel/:id` shows to everyone.
 */
export const createMatchBody = z.strictObject({ numPlayers: numPlayers.optional(), setupData: setupData.optional(), unlisted: unlisted.optional(), bots: botSeatsSchema.optional() }, body);
export type CreateMatchBody = z.infer<typeof createMatchBody>;

/** `POST /games/backchannel/:id/join`; without a `playerID`, boardgame.io picks the first free seat. */
export const joinMatchBody = z.strictObject({ playerID: playerIDSchema.nullish(), playerName: name, data: data.optional() }, body);

/** `POST /games/backchannel/:id/leave`. */
export const leaveMatchBody = z.strictObject({ playerID: playerIDSchema, credentials }, body);

/** `POST /games/backchannel/:id/update` (and the deprecated `rename`). */
export const updatePlayerBody = z
  .strictObject({ playerID: playerIDSchema, credentials, newName: name.optional(), data: data.optional() }, body)
  .refine((b) => b.newName !== undefined || b.data !== undefined, { error: 'must carry newName or data' });

/** `POST /games/backchannel/:id/playAgain`: a new match for the same seats. */
export const playAgainBody = z.strictObject(
  { playerID: playerIDSchema, credentials, numPlayers: numPlayers.optional(), setupData: setupData.optional(), unlisted: unlisted.optional() },
  body,
);

/**
 * Where a page of the match list starts: the `nextCursor` of the page before, `<createdAt>.<matchID>`
 * of the last match it listed. Matches are listed newest first.
 */
export const LIST_CURSOR_PATTERN = /^[0-9]{1,16}\.[A-Za-z0-9_-]{1,64}$/;

/** `GET /games/backchannel?isGameover=…&updatedBefore=…&updatedAfter=…&cursor=…`. */
const timestamp = z.string().regex(/^[0-9]{1,16}$/, { error: 'must be a time in milliseconds' });
export const listMatchesQuery = z.strictObject(
  {
    isGameover: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
    updatedBefore: timestamp.optional(),
    updatedAfter: timestamp.optional(),
    cursor: z.string({ error: 'must be the nextCursor of the page before' }).regex(LIST_CURSOR_PATTERN, { error: 'must be the nextCursor of the page before' }).optional(),
  },
  body,
);
export type ListMatchesQuery = z.infer<typeof listMatchesQuery>;

/** A page of the match list; `nextCursor` is there when more matches follow. */
export interface MatchPage {
  matches: (Omit<Server.MatchData, 'players'> & { matchID: string; players: Omit<Server.PlayerMetadata, 'credentials'>[] })[];
  nextCursor?: string;
}
