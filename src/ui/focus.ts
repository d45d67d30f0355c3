/**
 * Where the keyboard focus goes after a move. A move often removes or disables the button that
 * made it (an accepted proposal leaves the inbox, a played card the hand), and the browser then
 * drops the focus to the page: a keyboard player starts again from the top. These pick the next
 * sensible control instead; the store applies the pick once the move is on screen.
 */

/** The Done button's id: where a seat goes when nothing else of the kind is left to do. */
export const DONE_BUTTON = 'done-button';

const enabled = (selector: string) => [...document.querySelectorAll<HTMLButtonElement>(selector)].filter((b) => !b.disabled);

/**
 * The button `selector` picks that comes first from `from` on (`from` itself while it is enabled,
 * the first one if `from` has gone), else the Done button when it is open.
 */
export function nextEnabled(selector: string, from?: Element | null): HTMLElement | null {
  const candidates = enabled(selector);
  const after = from?.isConnected
    ? candidates.find((b) => b === from || from.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
    : undefined;
  return after ?? candidates[0] ?? enabled(`#${DONE_BUTTON}`)[0] ?? null;
}
