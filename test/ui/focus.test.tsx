// @vitest-environment jsdom
/**
 * The keyboard focus after a move goes to the next sensible control, not to the page: after Take,
 * Play, Accept, opening the builder and Send.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { checkCard } from '../../src/game/initiatives';
import type { GameState } from '../../src/game/state';
import type { CommitmentId } from '../../src/game/types';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident, moveAs, renderGame, seedWhere, startMatch } from './helpers';

const focused = () => document.activeElement as HTMLElement;

/** The U.S. seat in round 1's talks, on screen. */
function talks(seed?: string) {
  const session = startMatch('solo', seed);
  answerIncident(session);
  renderGame();
  return { session, user: userEvent.setup() };
}

describe('focus after a move', () => {
  it('after Take goes to the next action one can take, and to Done when none is left', async () => {
    const { session, user } = talks();
    const take = screen.getByRole('button', { name: 'Take Brief Congress and allies' });
    await user.click(take);
    // Once a round: Take is off, and the focus is on the next action one can take.
    expect(take).toHaveProperty('disabled', true);
    expect(focused().textContent).toBe('Take');
    expect(focused()).not.toBe(take);
    expect(focused()).toHaveProperty('disabled', false);
    // Spend the rest on peaceful actions: when no Take is left, the focus goes to Done.
    const peaceful = () => document.querySelector<HTMLButtonElement>('.action:not(.is-hostile) .action-do button:enabled');
    while (session.view('0')!.G.seats['0'].actionPoints > 0) await user.click(peaceful()!);
    expect(document.querySelector('.action-do button:enabled')).toBeNull();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Done for this round' }));
  });

  it('after Play goes to the next card’s Play, or to Done when none is left', async () => {
    const playable = (G: GameState) => G.secrets['0'].hand.filter((id) => checkCard(rules, G, '0', 'negotiate', id).ok).length;
    const { user } = talks(seedWhere((G) => playable(G) > 0));
    const hand = screen.getByRole('region', { name: /Initiative cards/ });
    const plays = () => within(hand).queryAllByRole('button', { name: /^Play / }).filter((b) => !(b as HTMLButtonElement).disabled);
    const before = plays().length;
    await user.click(plays()[0]);
    const left = plays();
    expect(left).toHaveLength(before - 1);
    expect(focused()).toBe(left[0] ?? screen.getByRole('button', { name: 'Done for this round' }));
  });

  it('after Accept goes to the next proposal waiting for an answer, then to Done', async () => {
    const { session, user } = talks();
    const { schedule } = session.view('1')!.G;
    const offer = (what: string) => ({
      channel: 'shuttle',
      commitments: [lineFor(schedule, '0', what as CommitmentId, 2), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
    });
    moveAs(session, '1', 'propose', offer('humanitarian-licences'));
    moveAs(session, '2', 'propose', offer('humanitarian-licences'));
    const [first, second] = session.view('0')!.G.proposals;
    await user.click(screen.getByRole('button', { name: `Accept proposal ${first.id}` }));
    expect(focused()).toBe(screen.getByRole('button', { name: `Accept proposal ${second.id}` }));
    await user.click(focused());
    expect(focused()).toBe(screen.getByRole('button', { name: 'Done for this round' }));
  });

  it('opening the builder goes to its first choice; Send goes to the proposal on the table', async () => {
    const { session, user } = talks();
    await user.click(screen.getByRole('button', { name: 'Open the proposal builder' }));
    const builder = screen.getByRole('region', { name: 'Draft a proposal' });
    expect(focused()).toBe(within(builder).getByLabelText('through the Mediator (shuttle)'));
    await user.selectOptions(within(builder).getByLabelText('Who'), 'Iran');
    await user.click(within(builder).getByRole('button', { name: 'Send proposal' }));
    const [sent] = session.view('0')!.G.proposals;
    expect(sent.by).toBe('0');
    expect(focused().id).toBe(`proposal-${sent.id}-title`);
    // Closing without sending goes back to the opener.
    await user.click(screen.getByRole('button', { name: 'Open the proposal builder' }));
    await user.click(within(builder).getByRole('button', { name: 'Close' }));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Open the proposal builder' }));
  });
});
