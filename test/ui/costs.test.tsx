// @vitest-environment jsdom
/** Every cost is on screen before the click: signing a package, role actions, cards, hostile acts. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommitmentId } from '../../src/game/types';
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
    expect(within(row).getByText(/^Costs 1 action point · no capital/)).toBeTruthy();
    expect(within(row).getByText(/^Effect: .*Trust −1/)).toBeTruthy();
    const hand = screen.getByRole('region', { name: /Initiative cards/ });
    for (const card of within(hand).getAllByRole('listitem')) expect(within(card).getByText('Free: no action points, no capital')).toBeTruthy();
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
    const ask = within(row).getByRole('group', { name: /^Take Naval show of force\? It is a hostile act/ });
    expect(ask.textContent).toMatch(/A hostile act: Tension \+1/);
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(take);
    expect(points()).toBe(3);

    await user.click(take);
    await user.click(within(row).getByRole('button', { name: 'Take it anyway' }));
    expect(points()).toBe(2);
    expect(within(screen.getByRole('log')).getByText(/Naval show of force/)).toBeTruthy();
  });
});
