/**
 * Online play in Chromium against the real server (a child process, in-memory storage, serving the
 * built app): a teacher creates a match with the United States and Iran for people and a bot
 * Mediator; two browsers join from the seat links with names and play round 1; chat crosses over;
 * neither page ever holds the other seat's agendas. Then a teammate joins with the team link, a
 * reload returns to the seat, a spectator watches, and the wrong-link and taken-seat pages show.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launch, shoot, watchProblems } from './browser';
import { sayDone } from './play';

interface GameServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `src/server/main.ts` as `npm start` runs it (after the build), on loopback, storing nothing. */
async function startGameServer(port?: number): Promise<GameServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), STORAGE: 'memory' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!/listening on/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the game server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    // SIGTERM, as a person stops it; SIGKILL if it has not gone in 10 s (see the report on shutdown).
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

let server: GameServer;
let browser: Browser;
beforeAll(async () => {
  server = await startGameServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function roundOf(page: Page): Promise<number> {
  const text = (await page.locator('#timeline-title').textContent({ timeout: 1000 }).catch(() => null)) ?? '';
  return Number(/Round (\d+) of/.exec(text)?.[1] ?? 0);
}

/** A page in a browser context of its own (its own localStorage: another person's browser). */
async function person(): Promise<{ page: Page; problems: () => string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  // A step that never comes fails with its locator instead of hanging the suite.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const seen = watchProblems(page);
  // A lobby poll in flight when the page navigates away is aborted by the browser: not a problem.
  const aborted = new Set<string>();
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'net::ERR_ABORTED') aborted.add(`request failed: ${r.url()}`);
  });
  return { page, problems: () => seen.filter((x) => !aborted.has(x)), close: () => context.close() };
}

/** The link a copy-link block shows (its whole text), by the block's id. */
const linkText = async (page: Page, id: string) => ((await page.locator(`#${id}`).textContent()) ?? '').trim();

/** The names of the agendas a seat's page shows as its own. */
const agendaNames = (page: Page) => page.locator('.agendas .agenda-list li > strong').allTextContents();

/** Answers the incident if this seat is asked, then says Done once it can. */
async function finishRound(page: Page): Promise<void> {
  const restraint = page.getByRole('button', { name: 'Show restraint' });
  if ((await restraint.count()) > 0) await restraint.click();
  const done = page.getByRole('button', { name: 'Done for this round' });
  await expect.poll(() => done.isEnabled(), { timeout: 20_000 }).toBe(true);
  await sayDone(page);
}

describe('online', () => {
  it('creates a match, joins two seats from their links, plays a round, chats, and keeps secrets apart', async () => {
    // The teacher creates the match from the start page.
    const teacher = await person();
    await teacher.page.goto(server.url);
    const card = teacher.page.getByRole('region', { name: 'Online' });
    await card.getByRole('button', { name: 'Create online match' }).waitFor();
    await shoot(teacher.page, 'online-00-start');
    await expect.poll(() => card.getByRole('group', { name: 'Mediator' }).getByRole('radio', { name: 'A bot' }).isChecked()).toBe(true);
    await card.getByLabel('Personality').selectOption('conciliator');
    await card.getByRole('button', { name: 'Create online match' }).click();
    await teacher.page.getByRole('heading', { name: 'Send each seat its link' }).waitFor();
    const usLink = await linkText(teacher.page, 'join-0');
    const iranLink = await linkText(teacher.page, 'join-1');
    const watchLink = await linkText(teacher.page, 'watch-link');
    expect(await teacher.page.locator('#join-2').count()).toBe(0);
    await expect.poll(() => teacher.page.getByText('Bot · Conciliator, novice').count()).toBe(1);
    expect(usLink).toMatch(/\?match=[\w-]+&seat=0$/);
    expect(iranLink).toMatch(/\?match=[\w-]+&seat=1$/);
    // Copy puts the whole link on the clipboard, and says so.
    await teacher.page.getByRole('button', { name: 'Copy join link for Iran' }).click();
    await teacher.page.getByText('✓ Copied.').waitFor();
    expect(await teacher.page.evaluate(() => navigator.clipboard.readText())).toBe(iranLink);
    await teacher.page.getByRole('button', { name: 'Copy all links, for a class chat' }).click();
    await expect.poll(() => teacher.page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Backchannel — Talks resume · Mediator: Oman\nUnited States: ${usLink}\nIran: ${iranLink}\nWatch: ${watchLink}`,
    );
    await shoot(teacher.page, 'online-01-table');

    // The United States joins first and waits for Iran.
    const us = await person();
    await us.page.goto(usLink);
    await us.page.getByRole('heading', { name: 'Play the United States' }).waitFor();
    await shoot(us.page, 'online-02-join');
    await us.page.getByLabel('Your name, as the table will see it').fill('Alice');
    await us.page.getByRole('button', { name: 'Join as United States' }).click();
    await us.page.getByRole('heading', { name: 'Waiting for Iran' }).waitFor();
    const teamLink = await linkText(us.page, 'team-link');
    expect(teamLink).toMatch(/&seat=0&key=[\w-]+$/);
    await shoot(us.page, 'online-02-waiting-room');
    // The teacher's page sees Alice arrive.
    await teacher.page.getByText('✓ Alice').waitFor({ timeout: 10_000 });

    // Iran joins; both pages open the match.
    const iran = await person();
    await iran.page.goto(iranLink);
    await iran.page.getByLabel('Your name, as the table will see it').fill('Babak');
    await iran.page.getByRole('button', { name: 'Join as Iran' }).click();
    await iran.page.getByRole('heading', { name: 'Your seat: Iran' }).waitFor({ timeout: 15_000 });
    await us.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    for (const p of [us.page, iran.page]) {
      await p.getByText('● Connected').waitFor();
      expect(await roundOf(p)).toBe(1);
    }
    await iran.page.getByText('You (Babak)').waitFor();
    await iran.page.getByText('Alice', { exact: true }).waitFor();

    const usAgendas = await agendaNames(us.page);
    const iranAgendas = await agendaNames(iran.page);
    expect(usAgendas.length).toBeGreaterThan(0);
    expect(iranAgendas.length).toBeGreaterThan(0);
    const noSecretsOf = async (page: Page, names: string[], who: string) => {
      const html = await page.content();
      expect(
        names.filter((n) => html.includes(n)),
        `${who}'s agendas on another page`,
      ).toEqual([]);
    };
    await noSecretsOf(us.page, iranAgendas, 'Iran');
    await noSecretsOf(iran.page, usAgendas, 'The United States');
    await shoot(us.page, 'online-03-game-us');

    // One round: each answers the incident if asked and says Done; the bot Mediator plays itself.
    await Promise.all([finishRound(us.page), finishRound(iran.page)]);
    for (const p of [us.page, iran.page]) await expect.poll(() => roundOf(p), { timeout: 30_000 }).toBe(2);

    // Chat crosses from one browser to the other, signed with the writer's name and seat.
    const input = us.page.getByLabel('Message to the table');
    expect(Number(await input.getAttribute('maxlength'))).toBe(500 - 'Alice'.length - 1);
    await input.fill('Hello from Washington');
    await input.press('Enter');
    const line = iran.page.locator('.chat-line', { hasText: 'Hello from Washington' });
    await line.waitFor({ timeout: 10_000 });
    expect(await line.textContent()).toContain('Alice · United States');
    await iran.page.getByLabel('Message to the table').fill('Greetings from Tehran');
    await iran.page.getByRole('button', { name: 'Send' }).click();
    await us.page.locator('.chat-line', { hasText: 'Greetings from Tehran' }).waitFor({ timeout: 10_000 });

    await noSecretsOf(us.page, iranAgendas, 'Iran');
    await noSecretsOf(iran.page, usAgendas, 'The United States');
    await shoot(iran.page, 'online-04-game-iran-round2');

    // A teammate joins the United States with Alice's team link, and chats under her own name.
    const mate = await person();
    await mate.page.goto(teamLink);
    await mate.page.getByRole('heading', { name: 'Join the United States team' }).waitFor();
    await mate.page.getByLabel('Your name, as the table will see it').fill('Carol');
    await mate.page.getByRole('button', { name: 'Join as a teammate' }).click();
    await mate.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    expect(mate.page.url(), 'the key leaves the address bar').not.toContain('key=');
    expect(await agendaNames(mate.page)).toEqual(usAgendas);
    await mate.page.getByLabel('Message to the table').fill('Carol here, on the U.S. team');
    await mate.page.getByLabel('Message to the table').press('Enter');
    const mateLine = iran.page.locator('.chat-line', { hasText: 'Carol here' });
    await mateLine.waitFor({ timeout: 10_000 });
    expect(await mateLine.textContent()).toContain('Carol · United States');

    // A reload returns to the same seat, with no name asked.
    await us.page.reload();
    await us.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    expect(await roundOf(us.page)).toBe(2);

    // The join link again, from another browser: the seat is taken, and the page says how to team up.
    const late = await person();
    await late.page.goto(usLink);
    await late.page.getByRole('heading', { name: 'United States is already taken' }).waitFor();
    await late.page.getByText('Join as a teammate').first().waitFor();
    await shoot(late.page, 'online-05-seat-taken');

    // The spectator link on the teacher's screen: the board, the talks and the chat, no seat's agendas.
    await teacher.page.goto(watchLink);
    await teacher.page.locator('#timeline-title').waitFor({ timeout: 15_000 });
    await teacher.page.getByRole('heading', { name: 'Table chat' }).waitFor();
    await iran.page.getByLabel('Message to the table').fill('Is the projector on?');
    await iran.page.getByLabel('Message to the table').press('Enter');
    await teacher.page.locator('.chat-line', { hasText: 'Is the projector on?' }).waitFor({ timeout: 10_000 });
    expect(await teacher.page.getByLabel('Message to the table').count(), 'a spectator does not write').toBe(0);
    expect(await teacher.page.locator('.seat-panel').count()).toBe(0);
    // The proposals on the table are the class's to follow too, with nothing to press.
    await teacher.page.getByRole('heading', { name: /^Proposals on the table/ }).waitFor();
    expect(await teacher.page.locator('.inbox button').count()).toBe(0);
    await noSecretsOf(teacher.page, [...usAgendas, ...iranAgendas], 'A seat');
    await shoot(teacher.page, 'online-06-watch');

    // A wrong link says so.
    const stranger = await person();
    await stranger.page.goto(`${server.url}/?match=NoSuchMatch1&seat=1`);
    await stranger.page.getByRole('heading', { name: 'This link does not open a match' }).waitFor();
    await shoot(stranger.page, 'online-07-wrong-link');

    for (const [who, p] of Object.entries({ teacher, us, iran, mate, late }))
      expect(
        p.problems().filter((x) => !/favicon/.test(x)),
        `${who}: ${server.output()}`,
      ).toEqual([]);
    // The wrong link's lookup is the one 404 the stranger's page may see.
    const expected404 = /^(HTTP 404: .*\/games\/backchannel\/NoSuchMatch1|console: Failed to load resource: the server responded with a status of 404 \(Not Found\))$/;
    expect(stranger.problems().filter((x) => !expected404.test(x))).toEqual([]);
    expect(stranger.problems().length).toBeLessThanOrEqual(2);

    // The server goes away: the page says the connection is lost and keeps trying. It comes back
    // without the match (memory storage), and the page says so instead of waiting for ever.
    for (const p of [teacher, iran, mate, late, stranger]) await p.close();
    const port = Number(new URL(server.url).port);
    await server.stop();
    await us.page.getByText('The connection to the game server was lost.').waitFor({ timeout: 15_000 });
    await us.page.getByText('⚠ Reconnecting…').waitFor();
    await shoot(us.page, 'online-08-connection-lost', false);
    server = await startGameServer(port);
    await us.page.getByRole('heading', { name: 'This match is no longer on the server' }).waitFor({ timeout: 30_000 });
    await shoot(us.page, 'online-09-match-gone');
  });
});
