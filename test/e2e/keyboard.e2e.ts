/**
 * A round by keyboard alone, counting key presses: let the round begin, answer the incident if
 * asked, take an action, answer every offer (accept one, reject the rest), say Done. The focus moves on after each
 * move (see `src/ui/focus.ts`), so no step starts again from the top of the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, watchProblems } from './browser';
import { instantBots, startSolo } from './play';

const app = servedApp();

/**
 * Presses Tab until the focused element matches `selector`, or Shift+Tab when the first such
 * element comes before the focus, as a person would go back up; the presses it took.
 */
async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
  const back = await page.evaluate((s) => {
    const target = document.querySelector(s);
    const from = document.activeElement;
    return Boolean(target && from && from !== document.body && target.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, selector);
  for (let presses = 0; presses <= limit; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached in ${limit} presses of Tab`);
}

describe('keyboard', () => {
  it('plays a round by keyboard in few key presses', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchProblems(page);
    await instantBots(page);
    await startSolo(page, app.preview.url, 'e2e-keys-1');
    await page.locator('.bots-wait button').waitFor();
    let presses = 0;
    const step = async (what: string, selector: string) => {
      const n = (await tabTo(page, selector)) + 1;
      await page.keyboard.press('Enter');
      presses += n;
      console.log(`keyboard: ${what}: ${n} presses`);
    };
    await step('to the incident', '.bots-wait-note button');
    await step('let the round begin', '.bots-wait button');
    if (await page.locator('.response-restraint button:enabled').count()) await step('answer the incident', '.response-restraint button');
    await page.locator('#done-button:enabled').waitFor();
    // The bots' round is over once both have said Done: what is left to do no longer changes.
    for (const bot of ['Iran', 'Mediator']) await page.getByRole('log').getByText(`${bot} is done for the round.`).first().waitFor({ timeout: 20_000 });
    await step('take an action', '.action-do button:enabled');
    // Every offer answered: the first one it can accept, the rest rejected.
    let accepted = false;
    for (let offers = 0; offers < 6; offers++) {
      const accept = '.inbox .proposal-open button.primary:enabled';
      const reject = '.inbox .proposal-open button[aria-label^="Reject"]:enabled';
      if (!accepted && (await page.locator(accept).count())) await step('accept an offer', accept);
      else if (await page.locator(reject).count()) await step('reject an offer', reject);
      else break;
      accepted = true;
    }
    await step('say Done', '#done-button');
    if (await page.locator('#done-confirm').count()) await step('Done anyway', '#done-confirm button.primary');
    await page.getByRole('log').getByText('United States is done for the round.').first().waitFor();
    console.log(`keyboard: a round in ${presses} key presses`);
    expect(presses).toBeLessThanOrEqual(30);
    expect(problems).toEqual([]);
    await page.close();
  });
});
