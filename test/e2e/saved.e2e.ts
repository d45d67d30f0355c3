/**
 * A first game without a teacher, in Chromium: a reload mid-game asks first and then goes straight
 * back into the game, and a new tab lists it on the start page; Done with points unspent asks
 * before ending the round; the bots wait until the person has seen the round.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, shoot, watchProblems } from './browser';
import { instantBots, nextTurn, startSolo } from './play';

const app = servedApp();

/** Plays the round's opening (lets it begin, answers the incident) until Done is open. */
async function openTalks(page: Page): Promise<void> {
  for (;;) {
    const turn = await nextTurn(page);
    if (turn === 'done') return;
    if (turn === 'end') throw new Error('the game ended before the talks opened');
    await page.locator(turn === 'begin' ? '.bots-wait button' : '.response-restraint button').click();
  }
}

const pointsLeft = (page: Page) => page.locator('.seat-summary .ap strong').textContent();

describe('a game in this browser', () => {
  it('asks before a reload, goes straight back into the game, and a new tab lists it', async () => {
    // A context of its own, so that a second tab shares the page's localStorage.
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await instantBots(page);
    await startSolo(page, app.preview.url, 'e2e-saved-1');
    await openTalks(page);
    await page.getByRole('button', { name: 'Take Brief Congress and allies' }).click();
    await expect.poll(() => pointsLeft(page)).toBe('2');
    const round = await page.locator('#timeline-title').textContent();

    // The page asks before it goes; accepting reloads it, and the game is back on screen.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.type()))));
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await page.locator('#timeline-title').waitFor();
    expect(await page.locator('#timeline-title').textContent()).toBe(round);
    expect(await pointsLeft(page)).toBe('2');
    expect(await page.getByRole('log').textContent()).toMatch(/United States: Brief Congress and allies/);

    // Another tab of the same browser starts from the start page, with the game to resume.
    const tab = await context.newPage();
    const tabProblems = watchProblems(tab);
    await tab.goto(app.preview.url);
    const saved = tab.getByRole('region', { name: 'Your games in progress' });
    await saved.waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await saved.textContent()).toMatch(/Solo: you play United States against Iran \(Pragmatist\) and Mediator \(Pragmatist\)/);
    await shoot(tab, 'saved-01-start-with-saved-game', false);
    await saved.getByRole('button', { name: /^Resume Solo/ }).click();
    await tab.locator('#timeline-title').waitFor();
    expect(await tab.locator('#timeline-title').textContent()).toBe(round);
    expect(await pointsLeft(tab)).toBe('2');
    expect([...problems, ...tabProblems]).toEqual([]);
    await context.close();
  });

  it('asks before Done ends the round with points unspent, and links to them', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await instantBots(page);
    await startSolo(page, app.preview.url, 'e2e-saved-2');
    await openTalks(page);
    await page.getByRole('button', { name: 'Done for this round' }).click();
    const ask = page.getByRole('dialog', { name: 'Still open this round' });
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

  it('keeps the bots waiting until the person has seen the round, then paces them', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    // The start page's pace, as a player sets it: each bot move waits 0.4 s.
    await page.goto(app.preview.url);
    await page.getByLabel("Bots' pace").selectOption({ label: 'Quick (0.4 s a move)' });
    await startSolo(page, app.preview.url, 'e2e-pace-1', '2');
    const incident = page.locator('.incident');
    await incident.getByText('The bots wait until you have read this.').waitFor();
    const roundOne = page.getByRole('log').getByRole('region', { name: 'Round 1' }).getByRole('listitem');
    const before = await roundOne.count();
    await shoot(page, 'saved-03-bots-wait', false);
    await incident.getByRole('button', { name: 'Let the round begin' }).click();
    await expect.poll(() => page.locator('.bots-wait').count()).toBe(0);
    // Then the bots move: the round's log grows without the person doing anything.
    await expect.poll(() => roundOne.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    // The pace is kept for the next game.
    expect(await page.evaluate(() => localStorage.getItem('backchannel.botDelay'))).toBe('400');
    expect(problems).toEqual([]);
    await page.close();
  });
});
