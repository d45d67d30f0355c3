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

/** Bots move without a pause in this page (the start page's "Bots' pace", kept in the browser). */
export const instantBots = (page: Page) => page.addInitScript(() => localStorage.setItem('backchannel.botDelay', '0'));

/** The moments a solo player can act on: each is a control that appears, or the end of the game. */
const TURN = {
  begin: '.bots-wait button',
  respond: '.response-restraint button:not(:disabled)',
  done: '.done-row > button.primary:not(:disabled)',
  end: '.end-screen',
} as const;

/**
 * Waits until the person can do something (the bots wait for the round to be seen, an incident to
 * answer, Done open) or the game is over, and says which: waiting on the page, never on the clock.
 */
export async function nextTurn(page: Page, timeout = 30_000): Promise<keyof typeof TURN> {
  const which = await page.waitForFunction(
    (turn) => Object.entries(turn).find(([, selector]) => document.querySelector(selector))?.[0],
    TURN,
    { timeout },
  );
  return (await which.jsonValue()) as keyof typeof TURN;
}

/** Starts a solo game as `seat` ("0" the United States, "1" Iran, "2" the Mediator) with `seed`. */
export async function startSolo(page: Page, url: string, seed: string, seat = '0'): Promise<void> {
  await page.goto(url);
  await page.locator(`input[name="solo-seat"][value="${seat}"]`).check();
  await page.getByLabel('Match seed').first().fill(seed);
  await page.getByRole('button', { name: 'Start solo game' }).click();
  await page.locator('#timeline-title').waitFor();
}
