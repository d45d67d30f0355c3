/**
 * Complete solo games against bots, one per seat, played by clicks alone: the person lets each
 * round begin, answers incidents, takes an action, accepts an offer and keeps its promises, and
 * says Done each round, until the end screen. Screenshots at each phase.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageHeights, servedApp, shoot, watchProblems } from './browser';
import { instantBots, nextTurn, sayDone, startSolo } from './play';

const app = servedApp();

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

  // A whole game per seat: each has its own actions, cards and incidents to answer.
  it.each([
    ['0', 'United States', 'e2e-solo-8'],
    ['1', 'Iran', 'e2e-solo-iran'],
    ['2', 'Mediator', 'e2e-solo-mediator'],
  ])('plays a whole game as seat %s (%s) against bots by clicks alone, to the end screen', async (seat, name, seed) => {
    // The bots move meanwhile: a button seen a moment ago may be gone (the round ended), so ask briefly.
    const tryClick = async (target: Locator) => {
      if ((await target.count()) > 0) await target.first().click({ timeout: 3000 }).catch(() => undefined);
    };
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await instantBots(page);
    await startSolo(page, app.preview.url, seed, seat);
    expect(await page.locator('#seat-title').textContent()).toBe(`Your seat: ${name}`);
    const tag = seat === '0' ? '' : `-${name.toLowerCase()}`;
    const shots = new Map<number, string>([
      [1, `03-phase1-round1${tag}`],
      [4, `05-phase2-round4${tag}`],
      [7, `06-phase3-round7${tag}`],
    ]);
    let answered = false;
    let built = false;
    let actedIn = 0;
    const rounds = new Set<number>();
    for (let turn = await nextTurn(page); turn !== 'end'; turn = await nextTurn(page)) {
      const round = await roundOf(page);
      rounds.add(round);
      if (turn === 'begin') await tryClick(page.getByRole('button', { name: 'Let the round begin' }));
      else if (turn === 'respond') {
        if (!answered) await shoot(page, `04-incident-response${tag}`);
        answered = true;
        await tryClick(page.getByRole('button', { name: 'Show restraint' }));
      } else {
        if (actedIn !== round) {
          actedIn = round;
          // Now and then as a player would: take an action, accept an offer, keep a promise. The bots
          // keep moving meanwhile, so an offer can vanish under the pointer: such a click may miss.
          await tryClick(page.locator('.action:not(.is-disabled):not(.is-hostile) button'));
          await tryClick(page.locator('.inbox button:has-text("Accept"):enabled'));
          await tryClick(page.getByRole('button', { name: 'Comply in full' }));
        }
        if (round === 1 && !built && seat === '0') {
          built = true;
          await page.getByRole('button', { name: 'Open the proposal builder' }).click();
          await page.getByRole('button', { name: 'Add a commitment' }).click();
          await page.locator('.builder').scrollIntoViewIfNeeded();
          await shoot(page, '03b-proposal-builder');
          await page.locator('.builder').getByRole('button', { name: 'Close' }).click();
        }
        const shot = [...shots].find(([from]) => round >= from);
        if (shot) {
          console.log(`solo as ${name}, round ${round}: page height ${await pageHeights(page)}`);
          await shoot(page, shot[1]);
          shots.delete(shot[0]);
        }
        // Bots move meanwhile; a missed click is retried on the next turn.
        await sayDone(page).catch(() => undefined);
      }
    }
    await page.getByRole('heading', { name: 'Scores' }).waitFor();
    await shoot(page, `07-end${tag}`);
    expect(await page.locator('.end-screen h2').first().textContent()).toMatch(/Comprehensive revival|Incremental progress|Frozen stalemate|Escalation/);
    expect(await page.locator('.score-card').count()).toBe(3);
    expect(await page.locator('.chart svg circle').count()).toBeGreaterThan(1);
    console.log(`solo as ${name}: ended after round ${Math.max(...rounds)}: ${await page.locator('.end-screen h2').first().textContent()}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
