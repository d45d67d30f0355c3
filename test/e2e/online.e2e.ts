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
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
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
async function person(): Promise<{ page: Page; problems: () => string[] }> {
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
  return { page, problems: () => seen.filter((x) => !aborted.has(x)) };
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
  await done.click();
}

describe('online', () => {
  it('creates a match, joins two seats from their links, plays a round, chats, and keeps secrets apart', async () => {
    // The teacher creates the match from the start page.
    console.error('STEP 1 ' + Date.now() + ' ' + 'const teacher = await person();');
    const teacher = await person();
    console.error('STEP 2 ' + Date.now() + ' ' + 'await teacher.page.goto(server.url);');
    await teacher.page.goto(server.url);
    const card = teacher.page.getByRole('region', { name: 'Online' });
    console.error('STEP 3 ' + Date.now() + ' ' + "await card.getByRole('button', { name: 'Create online match'");
    await card.getByRole('button', { name: 'Create online match' }).waitFor();
    console.error('STEP 4 ' + Date.now() + ' ' + "await shoot(teacher.page, 'online-00-start');");
    await shoot(teacher.page, 'online-00-start');
    console.error('STEP 5 ' + Date.now() + ' ' + "await expect.poll(() => card.getByRole('group', { name: 'Med");
    await expect.poll(() => card.getByRole('group', { name: 'Mediator' }).getByRole('radio', { name: 'A bot' }).isChecked()).toBe(true);
    console.error('STEP 6 ' + Date.now() + ' ' + "await card.getByLabel('Personality').selectOption('conciliat");
    await card.getByLabel('Personality').selectOption('conciliator');
    console.error('STEP 7 ' + Date.now() + ' ' + "await card.getByRole('button', { name: 'Create online match'");
    await card.getByRole('button', { name: 'Create online match' }).click();
    console.error('STEP 8 ' + Date.now() + ' ' + "await teacher.page.getByRole('heading', { name: 'Send each s");
    await teacher.page.getByRole('heading', { name: 'Send each seat its link' }).waitFor();
    console.error('STEP 9 ' + Date.now() + ' ' + "const usLink = await linkText(teacher.page, 'join-0');");
    const usLink = await linkText(teacher.page, 'join-0');
    console.error('STEP 10 ' + Date.now() + ' ' + "const iranLink = await linkText(teacher.page, 'join-1');");
    const iranLink = await linkText(teacher.page, 'join-1');
    console.error('STEP 11 ' + Date.now() + ' ' + "const watchLink = await linkText(teacher.page, 'watch-link')");
    const watchLink = await linkText(teacher.page, 'watch-link');
    expect(await teacher.page.locator('#join-2').count()).toBe(0);
    console.error('STEP 12 ' + Date.now() + ' ' + "await expect.poll(() => teacher.page.getByText('Bot · Concil");
    await expect.poll(() => teacher.page.getByText('Bot · Conciliator, novice').count()).toBe(1);
    expect(usLink).toMatch(/\?match=[\w-]+&seat=0$/);
    expect(iranLink).toMatch(/\?match=[\w-]+&seat=1$/);
    // Copy puts the whole link on the clipboard, and says so.
    console.error('STEP 13 ' + Date.now() + ' ' + "await teacher.page.getByRole('button', { name: 'Copy join li");
    await teacher.page.getByRole('button', { name: 'Copy join link for Iran' }).click();
    console.error('STEP 14 ' + Date.now() + ' ' + "await teacher.page.getByText('✓ Copied.').waitFor();");
    await teacher.page.getByText('✓ Copied.').waitFor();
    expect(await teacher.page.evaluate(() => navigator.clipboard.readText())).toBe(iranLink);
    console.error('STEP 15 ' + Date.now() + ' ' + "await teacher.page.getByRole('button', { name: 'Copy all lin");
    await teacher.page.getByRole('button', { name: 'Copy all links, for a class chat' }).click();
    console.error('STEP 16 ' + Date.now() + ' ' + 'await expect.poll(() => teacher.page.evaluate(() => navigato');
    await expect.poll(() => teacher.page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Backchannel — Talks resume · Mediator: Oman\nUnited States: ${usLink}\nIran: ${iranLink}\nWatch: ${watchLink}`,
    );
    console.error('STEP 17 ' + Date.now() + ' ' + "await shoot(teacher.page, 'online-01-table');");
    await shoot(teacher.page, 'online-01-table');

    // The United States joins first and waits for Iran.
    console.error('STEP 18 ' + Date.now() + ' ' + 'const us = await person();');
    const us = await person();
    console.error('STEP 19 ' + Date.now() + ' ' + 'await us.page.goto(usLink);');
    await us.page.goto(usLink);
    console.error('STEP 20 ' + Date.now() + ' ' + "await us.page.getByRole('heading', { name: 'Play the United ");
    await us.page.getByRole('heading', { name: 'Play the United States' }).waitFor();
    console.error('STEP 21 ' + Date.now() + ' ' + "await shoot(us.page, 'online-02-join');");
    await shoot(us.page, 'online-02-join');
    console.error('STEP 22 ' + Date.now() + ' ' + "await us.page.getByLabel('Your name, as the table will see i");
    await us.page.getByLabel('Your name, as the table will see it').fill('Alice');
    console.error('STEP 23 ' + Date.now() + ' ' + "await us.page.getByRole('button', { name: 'Join as United St");
    await us.page.getByRole('button', { name: 'Join as United States' }).click();
    console.error('STEP 24 ' + Date.now() + ' ' + "await us.page.getByRole('heading', { name: 'Waiting for Iran");
    await us.page.getByRole('heading', { name: 'Waiting for Iran' }).waitFor();
    console.error('STEP 25 ' + Date.now() + ' ' + "const teamLink = await linkText(us.page, 'team-link');");
    const teamLink = await linkText(us.page, 'team-link');
    expect(teamLink).toMatch(/&seat=0&key=[\w-]+$/);
    console.error('STEP 26 ' + Date.now() + ' ' + "await shoot(us.page, 'online-02-waiting-room');");
    await shoot(us.page, 'online-02-waiting-room');
    // The teacher's page sees Alice arrive.
    console.error('STEP 27 ' + Date.now() + ' ' + "await teacher.page.getByText('✓ Alice').waitFor({ timeout: 1");
    await teacher.page.getByText('✓ Alice').waitFor({ timeout: 10_000 });

    // Iran joins; both pages open the match.
    console.error('STEP 28 ' + Date.now() + ' ' + 'const iran = await person();');
    const iran = await person();
    console.error('STEP 29 ' + Date.now() + ' ' + 'await iran.page.goto(iranLink);');
    await iran.page.goto(iranLink);
    console.error('STEP 30 ' + Date.now() + ' ' + "await iran.page.getByLabel('Your name, as the table will see");
    await iran.page.getByLabel('Your name, as the table will see it').fill('Babak');
    console.error('STEP 31 ' + Date.now() + ' ' + "await iran.page.getByRole('button', { name: 'Join as Iran' }");
    await iran.page.getByRole('button', { name: 'Join as Iran' }).click();
    console.error('STEP 32 ' + Date.now() + ' ' + "await iran.page.getByRole('heading', { name: 'Your seat: Ira");
    await iran.page.getByRole('heading', { name: 'Your seat: Iran' }).waitFor({ timeout: 15_000 });
    console.error('STEP 33 ' + Date.now() + ' ' + "await us.page.getByRole('heading', { name: 'Your seat: Unite");
    await us.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    for (const p of [us.page, iran.page]) {
      console.error('STEP 34 ' + Date.now() + ' ' + "await p.getByText('● Connected').waitFor();");
      await p.getByText('● Connected').waitFor();
      expect(await roundOf(p)).toBe(1);
    }
    console.error('STEP 35 ' + Date.now() + ' ' + "await iran.page.getByText('You (Babak)').waitFor();");
    await iran.page.getByText('You (Babak)').waitFor();
    console.error('STEP 36 ' + Date.now() + ' ' + "await iran.page.getByText('Alice', { exact: true }).waitFor(");
    await iran.page.getByText('Alice', { exact: true }).waitFor();

    console.error('STEP 37 ' + Date.now() + ' ' + 'const usAgendas = await agendaNames(us.page);');
    const usAgendas = await agendaNames(us.page);
    console.error('STEP 38 ' + Date.now() + ' ' + 'const iranAgendas = await agendaNames(iran.page);');
    const iranAgendas = await agendaNames(iran.page);
    expect(usAgendas.length).toBeGreaterThan(0);
    expect(iranAgendas.length).toBeGreaterThan(0);
    const noSecretsOf = async (page: Page, names: string[], who: string) => {
      console.error('STEP 39 ' + Date.now() + ' ' + 'const html = await page.content();');
      const html = await page.content();
      expect(
        names.filter((n) => html.includes(n)),
        `${who}'s agendas on another page`,
      ).toEqual([]);
    };
    console.error('STEP 40 ' + Date.now() + ' ' + "await noSecretsOf(us.page, iranAgendas, 'Iran');");
    await noSecretsOf(us.page, iranAgendas, 'Iran');
    console.error('STEP 41 ' + Date.now() + ' ' + "await noSecretsOf(iran.page, usAgendas, 'The United States')");
    await noSecretsOf(iran.page, usAgendas, 'The United States');
    console.error('STEP 42 ' + Date.now() + ' ' + "await shoot(us.page, 'online-03-game-us');");
    await shoot(us.page, 'online-03-game-us');

    // One round: each answers the incident if asked and says Done; the bot Mediator plays itself.
    console.error('STEP 43 ' + Date.now() + ' ' + 'await Promise.all([finishRound(us.page), finishRound(iran.pa');
    await Promise.all([finishRound(us.page), finishRound(iran.page)]);
    for (const p of [us.page, iran.page]) await expect.poll(() => roundOf(p), { timeout: 30_000 }).toBe(2);

    // Chat crosses from one browser to the other, signed with the writer's name and seat.
    const input = us.page.getByLabel('Message to the table');
    expect(Number(await input.getAttribute('maxlength'))).toBe(500 - 'Alice'.length - 1);
    console.error('STEP 44 ' + Date.now() + ' ' + "await input.fill('Hello from Washington');");
    await input.fill('Hello from Washington');
    console.error('STEP 45 ' + Date.now() + ' ' + "await input.press('Enter');");
    await input.press('Enter');
    const line = iran.page.locator('.chat-line', { hasText: 'Hello from Washington' });
    console.error('STEP 46 ' + Date.now() + ' ' + 'await line.waitFor({ timeout: 10_000 });');
    await line.waitFor({ timeout: 10_000 });
    expect(await line.textContent()).toContain('Alice · United States');
    console.error('STEP 47 ' + Date.now() + ' ' + "await iran.page.getByLabel('Message to the table').fill('Gre");
    await iran.page.getByLabel('Message to the table').fill('Greetings from Tehran');
    console.error('STEP 48 ' + Date.now() + ' ' + "await iran.page.getByRole('button', { name: 'Send' }).click(");
    await iran.page.getByRole('button', { name: 'Send' }).click();
    console.error('STEP 49 ' + Date.now() + ' ' + "await us.page.locator('.chat-line', { hasText: 'Greetings fr");
    await us.page.locator('.chat-line', { hasText: 'Greetings from Tehran' }).waitFor({ timeout: 10_000 });

    console.error('STEP 50 ' + Date.now() + ' ' + "await noSecretsOf(us.page, iranAgendas, 'Iran');");
    await noSecretsOf(us.page, iranAgendas, 'Iran');
    console.error('STEP 51 ' + Date.now() + ' ' + "await noSecretsOf(iran.page, usAgendas, 'The United States')");
    await noSecretsOf(iran.page, usAgendas, 'The United States');
    console.error('STEP 52 ' + Date.now() + ' ' + "await shoot(iran.page, 'online-04-game-iran-round2');");
    await shoot(iran.page, 'online-04-game-iran-round2');

    // A teammate joins the United States with Alice's team link, and chats under her own name.
    console.error('STEP 53 ' + Date.now() + ' ' + 'const mate = await person();');
    const mate = await person();
    console.error('STEP 54 ' + Date.now() + ' ' + 'await mate.page.goto(teamLink);');
    await mate.page.goto(teamLink);
    console.error('STEP 55 ' + Date.now() + ' ' + "await mate.page.getByRole('heading', { name: 'Join the Unite");
    await mate.page.getByRole('heading', { name: 'Join the United States team' }).waitFor();
    console.error('STEP 56 ' + Date.now() + ' ' + "await mate.page.getByLabel('Your name, as the table will see");
    await mate.page.getByLabel('Your name, as the table will see it').fill('Carol');
    console.error('STEP 57 ' + Date.now() + ' ' + "await mate.page.getByRole('button', { name: 'Join as a teamm");
    await mate.page.getByRole('button', { name: 'Join as a teammate' }).click();
    console.error('STEP 58 ' + Date.now() + ' ' + "await mate.page.getByRole('heading', { name: 'Your seat: Uni");
    await mate.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    expect(mate.page.url(), 'the key leaves the address bar').not.toContain('key=');
    expect(await agendaNames(mate.page)).toEqual(usAgendas);
    console.error('STEP 59 ' + Date.now() + ' ' + "await mate.page.getByLabel('Message to the table').fill('Car");
    await mate.page.getByLabel('Message to the table').fill('Carol here, on the U.S. team');
    console.error('STEP 60 ' + Date.now() + ' ' + "await mate.page.getByLabel('Message to the table').press('En");
    await mate.page.getByLabel('Message to the table').press('Enter');
    const mateLine = iran.page.locator('.chat-line', { hasText: 'Carol here' });
    console.error('STEP 61 ' + Date.now() + ' ' + 'await mateLine.waitFor({ timeout: 10_000 });');
    await mateLine.waitFor({ timeout: 10_000 });
    expect(await mateLine.textContent()).toContain('Carol · United States');

    // A reload returns to the same seat, with no name asked.
    console.error('STEP 62 ' + Date.now() + ' ' + 'await us.page.reload();');
    await us.page.reload();
    console.error('STEP 63 ' + Date.now() + ' ' + "await us.page.getByRole('heading', { name: 'Your seat: Unite");
    await us.page.getByRole('heading', { name: 'Your seat: United States' }).waitFor({ timeout: 15_000 });
    expect(await roundOf(us.page)).toBe(2);

    // The join link again, from another browser: the seat is taken, and the page says how to team up.
    console.error('STEP 64 ' + Date.now() + ' ' + 'const late = await person();');
    const late = await person();
    console.error('STEP 65 ' + Date.now() + ' ' + 'await late.page.goto(usLink);');
    await late.page.goto(usLink);
    console.error('STEP 66 ' + Date.now() + ' ' + "await late.page.getByRole('heading', { name: 'United States ");
    await late.page.getByRole('heading', { name: 'United States is already taken' }).waitFor();
    console.error('STEP 67 ' + Date.now() + ' ' + "await late.page.getByText('Join as a teammate').first().wait");
    await late.page.getByText('Join as a teammate').first().waitFor();
    console.error('STEP 68 ' + Date.now() + ' ' + "await shoot(late.page, 'online-05-seat-taken');");
    await shoot(late.page, 'online-05-seat-taken');

    // The spectator link on the teacher's screen: the board and the chat, no seat's agendas.
    console.error('STEP 69 ' + Date.now() + ' ' + 'await teacher.page.goto(watchLink);');
    await teacher.page.goto(watchLink);
    console.error('STEP 70 ' + Date.now() + ' ' + "await teacher.page.locator('#timeline-title').waitFor({ time");
    await teacher.page.locator('#timeline-title').waitFor({ timeout: 15_000 });
    console.error('STEP 71 ' + Date.now() + ' ' + "await teacher.page.getByRole('heading', { name: 'Table chat'");
    await teacher.page.getByRole('heading', { name: 'Table chat' }).waitFor();
    console.error('STEP 72 ' + Date.now() + ' ' + "await iran.page.getByLabel('Message to the table').fill('Is ");
    await iran.page.getByLabel('Message to the table').fill('Is the projector on?');
    console.error('STEP 73 ' + Date.now() + ' ' + "await iran.page.getByLabel('Message to the table').press('En");
    await iran.page.getByLabel('Message to the table').press('Enter');
    console.error('STEP 74 ' + Date.now() + ' ' + "await teacher.page.locator('.chat-line', { hasText: 'Is the ");
    await teacher.page.locator('.chat-line', { hasText: 'Is the projector on?' }).waitFor({ timeout: 10_000 });
    expect(await teacher.page.getByLabel('Message to the table').count(), 'a spectator does not write').toBe(0);
    expect(await teacher.page.locator('.seat-panel').count()).toBe(0);
    console.error('STEP 75 ' + Date.now() + ' ' + 'await noSecretsOf(teacher.page, [...usAgendas, ...iranAgenda');
    await noSecretsOf(teacher.page, [...usAgendas, ...iranAgendas], 'A seat');
    console.error('STEP 76 ' + Date.now() + ' ' + "await shoot(teacher.page, 'online-06-watch');");
    await shoot(teacher.page, 'online-06-watch');

    // A wrong link says so.
    console.error('STEP 77 ' + Date.now() + ' ' + 'const stranger = await person();');
    const stranger = await person();
    console.error('STEP 78 ' + Date.now() + ' ' + 'await stranger.page.goto(`${server.url}/?match=NoSuchMatch1&');
    await stranger.page.goto(`${server.url}/?match=NoSuchMatch1&seat=1`);
    console.error('STEP 79 ' + Date.now() + ' ' + "await stranger.page.getByRole('heading', { name: 'This link ");
    await stranger.page.getByRole('heading', { name: 'This link does not open a match' }).waitFor();
    console.error('STEP 80 ' + Date.now() + ' ' + "await shoot(stranger.page, 'online-07-wrong-link');");
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
    const port = Number(new URL(server.url).port);
    console.error('STEP 81 ' + Date.now() + ' ' + 'await server.stop();');
    await server.stop();
    console.error('STEP 82 ' + Date.now() + ' ' + "await us.page.getByText('The connection to the game server w");
    await us.page.getByText('The connection to the game server was lost.').waitFor({ timeout: 15_000 });
    console.error('STEP 83 ' + Date.now() + ' ' + "await us.page.getByText('⚠ Reconnecting…').waitFor();");
    await us.page.getByText('⚠ Reconnecting…').waitFor();
    console.error('STEP 84 ' + Date.now() + ' ' + "await shoot(us.page, 'online-08-connection-lost', false);");
    await shoot(us.page, 'online-08-connection-lost', false);
    console.error('STEP 85 ' + Date.now() + ' ' + 'server = await startGameServer(port);');
    server = await startGameServer(port);
    console.error('STEP 86 ' + Date.now() + ' ' + "await us.page.getByRole('heading', { name: 'This match is no");
    await us.page.getByRole('heading', { name: 'This match is no longer on the server' }).waitFor({ timeout: 30_000 });
    console.error('STEP 87 ' + Date.now() + ' ' + "await shoot(us.page, 'online-09-match-gone');");
    await shoot(us.page, 'online-09-match-gone');
  });
});
