/**
 * A first game without a teacher, in Chromium: a reload mid-game asks first and then resumes the
 * game from the start page's list; Done with points unspent asks before ending the round.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, shoot, watchProblems } from './browser';

const app = servedApp();

/** Starts a solo game as the United States and answers the incident if it asks. */
async function startSolo(page: Page, seed: string): Promise<void> {
  await page.goto(app.preview.url);
  await page.getByLabel('Match seed').first().fill(seed);
  await page.getByRole('button', { name: 'Start solo game' }).click();
  await page.locator('#timeline-title').waitFor();
  const done = page.getByRole('button', { name: 'Done for this round' });
  const restraint = page.getByRole('button', { name: 'Show restraint' });
  // The round opens with the incident: either this seat answers it, or it waits for a bot to.
  await expect.poll(async () => (await restraint.count()) > 0 || (await done.isEnabled()), { timeout: 20_000 }).toBe(true);
  if ((await restraint.count()) > 0) await restraint.click();
  await expect.poll(() => done.isEnabled(), { timeout: 20_000 }).toBe(true);
}

const pointsLeft = (page: Page) => page.locator('.seat-summary .ap strong').textContent();

describe('a game in this browser', () => {
  it('asks before a reload, then resumes the game where it was from the start page', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await startSolo(page, 'e2e-saved-1');
    await page.getByRole('button', { name: 'Take Brief Congress and allies' }).click();
    await expect.poll(() => pointsLeft(page)).toBe('2');
    const round = await page.locator('#timeline-title').textContent();

    // The page asks before it goes; accepting reloads it.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.type()))));
    await page.reload();
    expect(await asked).toBe('beforeunload');

    const saved = page.getByRole('region', { name: 'Your games in progress' });
    await saved.waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await saved.textContent()).toMatch(/Solo: you play United States against Iran \(Pragmatist\) and Mediator \(Pragmatist\)/);
    await shoot(page, 'saved-01-start-with-saved-game', false);
    await saved.getByRole('button', { name: /^Resume Solo/ }).click();
    await page.locator('#timeline-title').waitFor();
    expect(await page.locator('#timeline-title').textContent()).toBe(round);
    expect(await pointsLeft(page)).toBe('2');
    expect(await page.getByRole('log').textContent()).toMatch(/United States: Brief Congress and allies/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks before Done ends the round with points unspent, and links to them', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await startSolo(page, 'e2e-saved-2');
    await page.getByRole('button', { name: 'Done for this round' }).click();
    const ask = page.getByRole('group', { name: 'Still open this round' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/3 action points unspent/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('done-confirm-title');
    await shoot(page, 'saved-02-done-asks', false, '#seat-title');

    await ask.getByRole('button', { name: 'Go to your role actions' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('actions-title');
    await ask.getByRole('button', { name: 'Done anyway' }).click();
    // The bots may close the round at once, so the log says it rather than the button.
    await page.getByRole('log').getByText('United States is done for the round.').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
