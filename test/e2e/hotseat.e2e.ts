/**
 * A hot-seat round in Chromium: before each Reveal the page holds no seat's secrets, and after it
 * only the revealed seat's own. The secrets are computed here from the same seed, outside the page.
 */
import { InitializeGame } from 'boardgame.io/internal';
import { describe, expect, it } from 'vitest';
import { Backchannel } from '../../src/game';
import { SEAT_NAMES, SEAT_TITLES } from '../../src/game/seats';
import type { GameState } from '../../src/game/state';
import { SEATS, type SeatId } from '../../src/game/types';
import { servedApp, shoot, watchProblems } from './browser';
import { sayDone } from './play';
import { DEFAULT_RULES as rules } from '../../src/game';
import { entry } from '../../src/game/ruleset';

const SEED = 'e2e-hotseat';

const app = servedApp();

/** Each seat's agenda names and ids and its cards' names and ids, as dealt for this seed. */
function secrets(): Record<SeatId, { names: string[]; all: string[] }> {
  const state = InitializeGame({ game: { ...Backchannel, seed: SEED }, numPlayers: 3, setupData: { scenario: rules.scenarios[0].id } });
  const G = state.G as GameState;
  const of = (seat: SeatId) => {
    const { agendas, hand } = G.secrets[seat];
    const names = [...agendas.map((id) => entry(rules, 'agendas', id).name), ...hand.map((id) => entry(rules, 'initiatives', id).name)];
    return { names, all: [...names, ...agendas, ...hand] };
  };
  return { '0': of('0'), '1': of('1'), '2': of('2') };
}

describe('hot-seat', () => {
  it('keeps each seat’s agendas and cards out of the DOM until that seat reveals', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    const secret = secrets();
    const leaks = (html: string, seats: SeatId[]) => seats.flatMap((s) => secret[s].all.filter((x) => html.includes(x)).map((x) => `${SEAT_NAMES[s]}: ${x}`));

    await page.goto(app.preview.url);
    await page.locator('#hotseat-seed').fill(SEED);
    await page.getByRole('button', { name: 'Start hot-seat game' }).click();

    const revealed = new Set<SeatId>();
    for (let turn = 0; turn < 8 && revealed.size < 3; turn++) {
      const heading = page.getByRole('heading', { name: /^Pass the device to / });
      await heading.waitFor();
      const text = (await heading.textContent())!;
      const next = SEATS.find((s) => text === `Pass the device to ${SEAT_TITLES[s]}`)!;
      expect(leaks(await page.content(), [...SEATS]), 'hand-over screen').toEqual([]);
      if (turn === 0) await shoot(page, '08-hotseat-handover');

      await page.getByRole('button', { name: `Reveal the screen for ${SEAT_NAMES[next]}` }).click();
      await page.getByRole('heading', { name: `Your seat: ${SEAT_NAMES[next]}` }).waitFor();
      const html = await page.content();
      for (const name of secret[next].names) expect(html).toContain(name);
      expect(leaks(html, SEATS.filter((s) => s !== next)), `${SEAT_NAMES[next]}'s screen`).toEqual([]);
      if (!revealed.has(next) && revealed.size === 0) await shoot(page, `09-hotseat-${SEAT_NAMES[next].toLowerCase().replace(/\W+/g, '-')}`);
      revealed.add(next);

      const restraint = page.getByRole('button', { name: 'Show restraint' });
      if ((await restraint.count()) > 0) await restraint.click();
      await sayDone(page);
    }
    expect(revealed.size).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
