/**
 * A complete solo game against bots, played by clicks alone: the human answers incidents, takes an
 * action, accepts an offer and keeps its promises, and says Done each round, until the end screen.
 * Screenshots at each phase.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, shoot, watchProblems } from './browser';
import { sayDone } from './play';

const app = servedApp();

const visible = async (page: Page, selector: string) => (await page.locator(selector).count()) > 0 && page.locator(selector).first().isVisible();

async function roundOf(page: Page): Promise<number> {
  const text = (await page.locator('#timeline-title').textContent({ timeout: 1000 }).catch(() => null)) ?? '';
  return Number(/Round (\d+) of/.exec(text)?.[1] ?? 0);
}

describe('solo', () => {
  it('loads with no console errors or missing files', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(app.preview.url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Start solo game' }).waitFor();
    // The favicon, touch icon and manifest icons are all requested and present.
    for (const path of ['favicon.svg', 'apple-touch-icon.png', 'site.webmanifest', 'icon-192.png', 'icon-512.png'])
      expect((await page.request.get(app.preview.url + path)).status(), path).toBe(200);
    await shoot(page, '01-start');
    await page.getByRole('button', { name: 'Rulebook' }).click();
    await page.getByRole('heading', { name: 'Backchannel — the rulebook' }).waitFor();
    await shoot(page, '02-rulebook', false);
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays a whole game against bots by clicks alone, to the end screen', async () => {
    // The bots move meanwhile: a button seen a moment ago may be gone (the round ended), so ask briefly.
    const enabledNow = (button: Locator) => button.isEnabled({ timeout: 1000 }).catch(() => false);
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(app.preview.url);
    await page.getByLabel('Match seed').first().fill('e2e-solo-8');
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.locator('#timeline-title').waitFor();

    const shots = new Map<number, string>([
      [1, '03-phase1-round1'],
      [4, '05-phase2-round4'],
      [7, '06-phase3-round7'],
    ]);
    let answered = false;
    let built = false;
    let actedIn = 0;
    const deadline = Date.now() + 240_000;
    while (!(await visible(page, '.end-screen'))) {
      expect(Date.now(), 'the game should end within four minutes').toBeLessThan(deadline);
      const round = await roundOf(page);
      const restraint = page.getByRole('button', { name: 'Show restraint' });
      const done = page.getByRole('button', { name: 'Done for this round' });
      if ((await restraint.count()) > 0) {
        if (!answered) await shoot(page, '04-incident-response');
        answered = true;
        await restraint.click({ timeout: 5000 }).catch(() => undefined);
      } else if (await enabledNow(done)) {
        if (actedIn !== round) {
          actedIn = round;
          // Now and then as a player would: take an action, accept an offer, keep a promise. The bots
          // keep moving meanwhile, so an offer can vanish under the pointer: such a click may miss.
          const tryClick = async (target: ReturnType<typeof page.locator>) => {
            if ((await target.count()) > 0) await target.click({ timeout: 3000 }).catch(() => undefined);
          };
          await tryClick(page.locator('.action:not(.is-disabled) button').first());
          await tryClick(page.locator('.inbox button:has-text("Accept"):enabled').first());
          await tryClick(page.getByRole('button', { name: 'Comply in full' }).first());
        }
        if (round === 1 && !built) {
          built = true;
          await page.getByRole('button', { name: 'Open the proposal builder' }).click();
          await page.getByRole('button', { name: 'Add a commitment' }).click();
          await page.locator('.builder').scrollIntoViewIfNeeded();
          await shoot(page, '03b-proposal-builder');
          await page.locator('.builder').getByRole('button', { name: 'Close' }).click();
        }
        const shot = [...shots].find(([from]) => round >= from);
        if (shot) {
          await shoot(page, shot[1]);
          shots.delete(shot[0]);
        }
        // Bots move meanwhile; a missed click is retried on the next pass, within the deadline.
        await sayDone(page).catch(() => undefined);
      } else {
        await page.waitForTimeout(150);
      }
    }
    await page.getByRole('heading', { name: 'Scores' }).waitFor();
    await shoot(page, '07-end');
    expect(await page.locator('.end-screen h2').first().textContent()).toMatch(/Comprehensive revival|Incremental progress|Frozen stalemate|Escalation/);
    expect(await page.locator('.score-card').count()).toBe(3);
    expect(await page.locator('.chart svg circle').count()).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
