// @vitest-environment jsdom
/** Every cost is on screen before the click: signing a package, role actions, cards, hostile acts. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { entry } from '../../src/game/ruleset';
import type { SeatSecret } from '../../src/game/state';
import type { CommitmentId } from '../../src/game/types';
import { costLine } from '../../src/ui/seat/cost';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident, moveAs, renderGame, startMatch } from './helpers';

describe('the price of signing', () => {
  it('is on the proposal, on Accept, in the builder, and on the agreement once signed', async () => {
    const session = startMatch();
    answerIncident(session);
    const { schedule } = session.view('1')!.G;
    // Humanitarian licences cost the U.S. 1 capital; naval notifications cost Iran nothing.
    moveAs(session, '1', 'propose', {
      channel: 'shuttle',
      commitments: [lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 2), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
    });
    const p = session.view('0')!.G.proposals[0];
    moveAs(session, '2', 'accept', p.id);
    renderGame();
    const user = userEvent.setup();
    const accept = screen.getByRole('button', { name: `Accept proposal ${p.id}` });
    expect(accept.textContent).toBe('Accept (you pay 1 capital)');
    const cost = document.getElementById(accept.getAttribute('aria-describedby')!)!;
    expect(cost.textContent).toBe('On signing: United States pays 1 capital, Iran pays nothing.');

    const before = session.view('0')!.G.seats['0'].capital;
    await user.click(accept);
    expect(session.view('0')!.G.seats['0'].capital).toBe(before - 1);
    const agreements = screen.getByRole('region', { name: /Agreements \(1\)/ });
    expect(within(agreements).getByText('Signing cost: United States paid 1 capital, Iran paid nothing.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Open the proposal builder' }));
    const builder = screen.getByRole('region', { name: 'Draft a proposal' });
    await user.selectOptions(within(builder).getByLabelText('Commits to'), 'Pause selected enrichment');
    expect(within(builder).getByText(/^On signing:/).textContent).toBe('On signing: Iran pays 1 capital.');
  });
});

describe('role actions and cards', () => {
  it('say what they cost in action points and capital, and what they change', () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const row = screen.getByRole('button', { name: 'Take Impose new sanctions' }).closest('li')!;
    expect(within(row).getByText(/^Costs 1 action point · no capital · Trust −1$/)).toBeTruthy();
    expect(within(row).getByText(/^Effect: .*Trust −1/)).toBeTruthy();
    // A card is free unless it takes the seat's capital or spends Trust; then its cost says so before the click.
    const hand = screen.getByRole('region', { name: /Initiative cards/ });
    for (const id of (session.view('0')!.G.secrets['0'] as SeatSecret).hand) {
      const def = entry(rules, 'initiatives', id);
      const card = within(hand).getByRole('heading', { name: def.name }).closest('li')!;
      const capital = Math.max(0, -(def.effects.capital?.['0'] ?? 0));
      const trust = Math.max(0, -(def.effects.trust ?? 0));
      const cost = capital || trust ? `Costs no action points · ${capital ? `${capital} capital` : 'no capital'}${trust ? ` · Trust −${trust}` : ''}` : 'Free: no action points, no capital';
      expect(within(card).getByText(cost)).toBeTruthy();
    }
  });

  it('count capital an effect takes from the seat, and Trust it spends, as costs', () => {
    // The Executive waiver: the U.S. pays a capital, Iran gains one; scaled by the units taken.
    expect(costLine('0', { ap: 0, capital: 0 }, { sanctions: -1, capital: { '0': -1, '1': 1 } })).toBe('Costs no action points · 1 capital');
    expect(costLine('1', { ap: 0, capital: 0 }, { sanctions: -1, capital: { '0': -1, '1': 1 } })).toBe('Free: no action points, no capital');
    expect(costLine('2', { ap: 2, capital: 1 }, { trust: -1, tension: 1 }, 2)).toBe('Costs 2 action points · 1 capital · Trust −2');
    expect(costLine('2', { ap: 1, capital: 0 }, { trust: 1 })).toBe('Costs 1 action point · no capital');
  });

  it('mark a hostile action and ask once before it is taken', async () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const user = userEvent.setup();
    const take = screen.getByRole('button', { name: 'Take Naval show of force' });
    const row = take.closest('li')!;
    expect(within(row).getByText('⚠ hostile')).toBeTruthy();
    expect(within(screen.getByRole('button', { name: 'Take Brief Congress and allies' }).closest('li')!).queryByText('⚠ hostile')).toBeNull();
    const points = () => session.view('0')!.G.seats['0'].actionPoints;

    await user.click(take);
    expect(points()).toBe(3);
    const ask = within(row).getByRole('dialog', { name: /^Take Naval show of force\? It is a hostile act/ });
    expect(ask.textContent).toMatch(/A hostile act: Tension \+1/);
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(within(row).queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(take);
    expect(points()).toBe(3);

    await user.click(take);
    await user.click(within(row).getByRole('button', { name: 'Take it anyway' }));
    expect(points()).toBe(2);
    expect(within(screen.getByRole('log')).getByText(/Naval show of force/)).toBeTruthy();
    // The question is gone with its buttons: the focus goes on to a Take, not to the page.
    expect(document.activeElement?.textContent).toBe('Take');
    expect(document.activeElement).toHaveProperty('disabled', false);
  });
});
