/** Chat over boardgame.io's chat event: the payload is a string of at most this many characters. */
export const CHAT_MAX_LENGTH = 500;
