/** Moves the browser tests make as a player would. */
import type { Page } from 'playwright-core';

/**
 * Says Done for this round; when the page asks first (points unspent, proposals unanswered), says
 * Done anyway. React renders the question within the click, so it is there to be seen at once.
 */
export async function sayDone(page: Page, timeout = 5000): Promise<void> {
  await page.getByRole('button', { name: 'Done for this round' }).click({ timeout });
  const anyway = page.getByRole('button', { name: 'Done anyway' });
  if (await anyway.isVisible()) await anyway.click({ timeout });
}
