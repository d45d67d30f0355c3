/**
 * Browser-test plumbing: the built app served by `vite preview` on a free loopback port, and
 * Debian's Chromium driven by playwright-core. Never downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const ARTIFACTS = 'artifacts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** Serves dist/ (run `vite build` first) and resolves once it answers. */
export async function startPreview(): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/**
 * For a test file: serves the app and launches Chromium before its tests, and closes both after.
 * Read `preview` and `browser` from the returned object inside the tests, once the hooks have run.
 */
export function servedApp(): { preview: Preview; browser: Browser } {
  const app = {} as { preview: Preview; browser: Browser };
  beforeAll(async () => {
    app.preview = await startPreview();
    app.browser = await launch();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.preview?.stop();
  });
  return app;
}

/** Console errors, page errors and failed requests seen by `page`, as readable lines. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}

/**
 * Screenshots of the current screen at a phone's and a projector's width: the whole page, or the
 * viewport (for overlays, or with `scrollTo` a selector to bring into view at each width).
 */
export async function shoot(page: Page, name: string, fullPage = true, scrollTo?: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const height = page.viewportSize()?.height ?? 900;
  for (const width of [360, 1920]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 1080 });
    if (scrollTo) await page.locator(scrollTo).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height });
}

/** The page's height in CSS pixels at a laptop's 1280 × 800 and a phone's 360 px, as screens to scroll. */
export async function pageHeights(page: Page): Promise<string> {
  const height = page.viewportSize()?.height ?? 900;
  const out: string[] = [];
  for (const [width, tall] of [
    [1280, 800],
    [360, 780],
  ]) {
    await page.setViewportSize({ width, height: tall });
    const px = await page.evaluate(() => document.documentElement.scrollHeight);
    out.push(`${width} px wide: ${px} px (${(px / tall).toFixed(1)} screens)`);
  }
  await page.setViewportSize({ width: 1280, height });
  return out.join('; ');
}
