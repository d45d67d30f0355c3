/**
 * `npm run bench:ui`: the gzipped size of the JavaScript the page loads first (from dist/, so build
 * first), and the median time in Chromium from a click on a move to the updated screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, startPreview } from './browser';
import { instantBots } from './play';

const BUDGET_KB = 200;
const SAMPLES = 24;

/** Scripts and module preloads named in dist/index.html: what the browser fetches before anything else. */
function initialJs(): { file: string; gzip: number }[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  return refs.map((ref) => ({ file: ref, gzip: gzipSync(readFileSync(join('dist', ref))).length }));
}

/**
 * Clicks the first element matching `selector` inside the page and resolves with the milliseconds
 * until the DOM has changed and the next frame has been painted.
 */
function timeClick(page: Page, selector: string): Promise<number | null> {
  return page.evaluate((sel) => {
    const target = document.querySelector<HTMLElement>(sel);
    if (!target) return null;
    return new Promise<number>((resolve) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        // After the next animation frame the browser paints; the timeout runs once it has.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      });
      observer.observe(document.getElementById('root')!, { subtree: true, childList: true, characterData: true, attributes: true });
      target.click();
    });
  }, selector);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const files = initialJs();
  const total = files.reduce((n, f) => n + f.gzip, 0) / 1024;
  for (const f of files) console.log(`initial JS  ${f.file}  ${(f.gzip / 1024).toFixed(1)} KB gzipped`);
  console.log(`initial JS total: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB) ${total <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`);

  const preview = await startPreview();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await instantBots(page);
    await page.goto(preview.url);
    await page.locator('#solo-seed').fill('bench');
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.locator('#timeline-title').waitFor();
    const samples: number[] = [];
    const deadline = Date.now() + 120_000;
    while (samples.length < SAMPLES && Date.now() < deadline && (await page.locator('.end-screen').count()) === 0) {
      // The bots wait until the round is seen; letting it begin is a click like any other.
      const begin = await timeClick(page, '.bots-wait button');
      if (begin !== null) {
        samples.push(begin);
        continue;
      }
      const respond = await timeClick(page, '.response-restraint button:not(:disabled)');
      if (respond !== null) {
        samples.push(respond);
        continue;
      }
      // A hostile act asks first: a second click on its Take would change nothing, and wait forever.
      const take = await timeClick(page, '.action:not(.is-disabled):not(.is-hostile) .action-do button');
      if (take !== null) {
        samples.push(take);
        continue;
      }
      // Done asks when points are left: then its 'Done anyway' is the move.
      const done = (await timeClick(page, '#done-confirm button.primary')) ?? (await timeClick(page, '#done-button:not(:disabled)'));
      if (done !== null) samples.push(done);
      else {
        await page.waitForTimeout(100);
      }
    }
    if (samples.length === 0) throw new Error('no move could be timed');
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(
      `click → updated screen (Chromium, ${samples.length} moves): median ${median(samples).toFixed(1)} ms, ` +
        `min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await preview.stop();
  }
  if (total > BUDGET_KB) process.exitCode = 1;
}

await main();
