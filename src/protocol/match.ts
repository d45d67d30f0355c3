/** What names a match and a seat on the wire, for the server, the browser and the links they share. */
import { z } from 'zod';
import { SEATS } from '../game/types';

/** The boardgame.io game name the server serves (`Backchannel.name`; a test keeps them equal). */
export const GAME_NAME = 'backchannel';

/** Every match has the game's three seats, no more and no fewer. */
export const NUM_PLAYERS = SEATS.length;

/** Match ids as the server mints them (base64url): letters, digits, `-` and `_`. */
export const MATCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const matchIDSchema = z.string({ error: 'must be a match id' }).regex(MATCH_ID_PATTERN, { error: 'must be a short string of letters, digits, - or _' });

/** A seat id as boardgame.io writes it: a small whole number as a string ("0"), never a number. */
export const playerIDSchema = z.string({ error: 'must be a seat id such as "0"' }).regex(/^[0-9]{1,3}$/, { error: 'must be a seat id such as "0"' });

export const CREDENTIALS_MAX_LENGTH = 256;

export const isMatchID = (x: unknown): x is string => matchIDSchema.safeParse(x).success;
