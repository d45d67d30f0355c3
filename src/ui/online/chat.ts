/**
 * Chat lines over boardgame.io's chat. The server checks who sent a line by seat (its credentials)
 * and caps the payload at `CHAT_MAX_LENGTH` characters; several browsers may share a seat, so each
 * line carries its writer's display name in front of the text, separated by U+001F (the ASCII unit
 * separator, which nobody types): `Alice␟Shall we talk about detainees?`.
 */
import { CHAT_MAX_LENGTH } from '../../protocol/chat';

export const NAME_MAX_LENGTH = 32;
const SEPARATOR = '\u001f';

/** The cleaned display name: trimmed, control characters gone, at most `NAME_MAX_LENGTH`. */
export const cleanName = (name: string): string =>
  // eslint-disable-next-line no-control-regex
  name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, NAME_MAX_LENGTH);

/** How many characters of text fit in one line signed by `name`. */
export const textLimit = (name: string): number => CHAT_MAX_LENGTH - cleanName(name).length - SEPARATOR.length;

export const encodeChat = (name: string, text: string): string => `${cleanName(name)}${SEPARATOR}${text}`;

/** A line's writer and text; a line without a name (another client) is signed by its seat's player. */
export function decodeChat(payload: unknown, fallbackName: string): { name: string; text: string } {
  const raw = typeof payload === 'string' ? payload : '';
  const at = raw.indexOf(SEPARATOR);
  if (at > 0 && at <= NAME_MAX_LENGTH) {
    const name = cleanName(raw.slice(0, at));
    if (name) return { name, text: raw.slice(at + 1) };
  }
  return { name: fallbackName, text: raw };
}
