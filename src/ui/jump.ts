/**
 * Takes the player, and the keyboard focus, to a part of the page by its element id: on a phone
 * the thing a button speaks of can be thousands of pixels away. The target needs `tabIndex={-1}`
 * unless it is a control. False when the page has no such element.
 */
export function jumpTo(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}
