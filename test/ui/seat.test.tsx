// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SeatSecret } from '../../src/game/state';
import { answerIncident, renderGame, seedWhere, startMatch } from './helpers';
import { entry } from '../../src/game/ruleset';
import { DEFAULT_RULES as rules } from '../../src/game';

describe('your seat', () => {
  it('shows each role action with its cost, and a disabled one with the engine’s reason', () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const escrow = screen.getByRole('button', { name: 'Take Release frozen assets to escrow' }) as HTMLButtonElement;
    expect(escrow.disabled).toBe(true);
    const why = document.getElementById(escrow.getAttribute('aria-describedby')!)!;
    expect(why.textContent).toMatch(/^Available in Phase II .* not in Phase I/);
    const row = escrow.closest('li')!;
    expect(within(row).getByText(/^Costs 1 action point · 1 capital/)).toBeTruthy();
  });

  it('takes an action: the action points go down and the log says what happened', async () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const points = () => document.querySelector('.ap')!.textContent;
    expect(points()).toMatch(/3 action points left/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Take Brief Congress and allies' }));
    expect(session.view('0')!.G.seats['0'].actionPoints).toBe(2);
    expect(points()).toMatch(/2 action points left/);
    expect(within(screen.getByRole('log')).getByText(/United States: Brief Congress and allies/)).toBeTruthy();
    // Once per round: now disabled, with the reason.
    expect(screen.getByText('Already taken this round.')).toBeTruthy();
  });

  it('shows your own agendas and initiative cards as private', () => {
    const session = startMatch();
    renderGame();
    const secret = session.view('0')!.G.secrets['0'] as SeatSecret;
    const agendas = screen.getByRole('region', { name: /Your agendas/ });
    for (const id of secret.agendas) expect(within(agendas).getByText(entry(rules, 'agendas', id).name)).toBeTruthy();
    const hand = screen.getByRole('region', { name: /Initiative cards/ });
    for (const id of secret.hand) expect(within(hand).getByText(entry(rules, 'initiatives', id).name)).toBeTruthy();
  });

  it('offers restraint or retaliation when the incident asks your seat, and sends the choice', async () => {
    const seed = seedWhere((G) => G.incident?.response?.seat === '0');
    const session = startMatch('solo', seed);
    renderGame();
    const response = screen.getByRole('group', { name: /^Your response/ });
    const done = screen.getByRole('button', { name: 'Done for this round' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    await userEvent.setup().click(within(response).getByRole('button', { name: 'Show restraint' }));
    expect(session.view('0')!.G.incident!.response!.choice).toBe('restraint');
    expect(screen.queryByRole('group', { name: /^Your response/ })).toBeNull();
    expect(screen.getByText(/United States chose restraint/)).toBeTruthy();
  });

  it('says Done, and the keyboard focus goes to the line saying why the button is now off', async () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const done = screen.getByRole('button', { name: 'Done for this round' });
    done.focus();
    const user = userEvent.setup();
    await user.keyboard('{Enter}');
    // Three action points are left: Done asks first.
    await user.click(screen.getByRole('button', { name: 'Done anyway' }));
    expect(session.view('0')!.G.seats['0'].done).toBe(true);
    expect((done as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement?.id).toBe('done-note');
    expect(document.activeElement?.textContent).toBe('You have said Done for this round.');
    expect(done.getAttribute('aria-describedby')).toBe('done-note');
  });
});
