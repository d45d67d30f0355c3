// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SEAT_NAMES, SEAT_TITLES } from '../../src/game/seats';
import type { SeatSecret } from '../../src/game/state';
import { SEATS, type SeatId } from '../../src/game/types';
import type { Session } from '../../src/ui/session/session';
import { renderGame, startMatch } from './helpers';
import { entry } from '../../src/game/ruleset';
import { DEFAULT_RULES as rules } from '../../src/game';

/** The names a seat's own screen shows of its secrets: its agendas and its cards. */
function namesOf(session: Session, seat: SeatId): string[] {
  const secret = session.view(seat)!.G.secrets[seat] as SeatSecret;
  return [...secret.agendas.map((id) => entry(rules, 'agendas', id).name), ...secret.hand.map((id) => entry(rules, 'initiatives', id).name)];
}

/** Every string that would betray a seat's secrets: those names and the ids behind them. */
function secretsOf(session: Session, seat: SeatId): string[] {
  const secret = session.view(seat)!.G.secrets[seat] as SeatSecret;
  return [...namesOf(session, seat), ...secret.agendas, ...secret.hand];
}

const page = () => document.body.innerHTML;

function expectNoSecretsOf(session: Session, seats: SeatId[]) {
  for (const seat of seats) for (const s of secretsOf(session, seat)) expect(page(), `${SEAT_NAMES[seat]}: ${s}`).not.toContain(s);
}

describe('hot-seat', () => {
  it('keeps every seat’s secrets out of the page until that seat reveals, through a whole round', async () => {
    const session = startMatch('hotseat');
    renderGame();
    const user = userEvent.setup();
    const seen = new Set<SeatId>();
    for (let turn = 0; turn < 6 && seen.size < 3; turn++) {
      const heading = screen.getByRole('heading', { name: /^Pass the device to / });
      const seat = SEATS.find((s) => heading.textContent === `Pass the device to ${SEAT_TITLES[s]}`)!;
      // The hand-over screen holds nothing private of anyone, the next seat included.
      expectNoSecretsOf(session, [...SEATS]);
      expect(document.querySelector('.board-grid')).toBeNull();

      await user.click(screen.getByRole('button', { name: `Reveal the screen for ${SEAT_NAMES[seat]}` }));
      expect(screen.getByRole('heading', { name: `Your seat: ${SEAT_NAMES[seat]}` })).toBeTruthy();
      for (const name of namesOf(session, seat)) expect(page()).toContain(name);
      expectNoSecretsOf(session, SEATS.filter((s) => s !== seat));
      seen.add(seat);

      const restraint = screen.queryByRole('button', { name: 'Show restraint' });
      if (restraint) await user.click(restraint);
      await user.click(screen.getByRole('button', { name: 'Done for this round' }));
      // Every seat still has its action points: Done asks first.
      await user.click(screen.getByRole('button', { name: 'Done anyway' }));
    }
    expect(seen.size).toBe(3);
  });

  it('passes the device on request to the next seat still negotiating', async () => {
    const session = startMatch('hotseat');
    renderGame();
    const user = userEvent.setup();
    const first = screen.getByRole('heading', { name: /^Pass the device to / }).textContent;
    await user.click(screen.getByRole('button', { name: /^Reveal / }));
    if (screen.queryByRole('button', { name: 'Show restraint' })) await user.click(screen.getByRole('button', { name: 'Show restraint' }));
    else await user.click(screen.getByRole('button', { name: 'Pass the device' }));
    expect(screen.getByRole('heading', { name: /^Pass the device to / }).textContent).not.toBe(first);
    expectNoSecretsOf(session, [...SEATS]);
  });
});
