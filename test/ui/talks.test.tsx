// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProposalDraft } from '../../src/game/state';
import type { CommitmentId } from '../../src/game/types';
import { playerView } from '../../src/game/view';
import type { Session } from '../../src/ui/session/session';
import { useGame } from '../../src/ui/store';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident as answerIncidentIn, newMatch, ok } from '../harness';
import { answerIncident, moveAs, renderGame, startMatch } from './helpers';

/** Iran asks the U.S. for a humanitarian channel and offers naval notifications, due next round. */
function iranOffer(session: Session): ProposalDraft {
  const { schedule } = session.view('1')!.G;
  return {
    channel: 'shuttle',
    commitments: [
      lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 2),
      lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2),
    ],
  };
}

/** A match in round 1's talks, the U.S. seat on screen with the proposal builder open. */
async function openBuilder() {
  const session = startMatch();
  answerIncident(session);
  renderGame();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Open the proposal builder' }));
  return { session, user, builder: screen.getByRole('region', { name: 'Draft a proposal' }) };
}

/** A match in round 1's talks, the U.S. seat on screen with Iran's offer in its inbox. */
function offered() {
  const session = startMatch();
  answerIncident(session);
  moveAs(session, '1', 'propose', iranOffer(session));
  renderGame();
  return { session, p: session.view('0')!.G.proposals[0] };
}

describe('the proposal builder', () => {
  it('refuses an invalid package with the engine’s reason, then sends a valid one', async () => {
    const { session, user, builder } = await openBuilder();
    // Only a step of your own: the engine calls that an action, not a proposal.
    await user.selectOptions(within(builder).getByLabelText('Who'), 'United States');
    const verdict = within(builder).getByRole('status');
    expect(verdict.textContent).toBe('✗ A proposal must ask something of another seat; a step of your own is an action.');
    await user.click(within(builder).getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Proposal: A proposal must ask something of another seat/);
    expect(session.view('0')!.G.proposals).toHaveLength(0);

    // Direct talks are closed in Phase I until the Mediator hosts them.
    await user.selectOptions(within(builder).getByLabelText('Who'), 'Iran');
    await user.click(within(builder).getByLabelText('direct talks'));
    expect(verdict.textContent).toMatch(/In Phase I the capitals talk through the Mediator/);

    await user.click(within(builder).getByLabelText('through the Mediator (shuttle)'));
    expect(verdict.textContent).toBe('✓ This package can be sent.');
    await user.click(within(builder).getByRole('button', { name: 'Send proposal' }));
    const [sent] = session.view('0')!.G.proposals;
    expect(sent).toMatchObject({ by: '0', channel: 'shuttle', status: 'open' });
    expect(sent.commitments[0].seat).toBe('1');
    expect(within(screen.getByRole('region', { name: /Proposals on the table/ })).getByText(/from United States/)).toBeTruthy();
  });

  it('shows the triggers a line will fire and the verifiers the menu allows', async () => {
    const { user, builder } = await openBuilder();
    const green = within(builder).getByLabelText(/On green/) as HTMLSelectElement;
    expect(green.options.length).toBeGreaterThan(1);
    // The menu's last trigger (a public welcome) can fire whatever is in place.
    const other = green.options[green.options.length - 1];
    await user.selectOptions(green, other.value);
    const notes = builder.querySelector('.trigger-notes')!.textContent!;
    // A second line offers something of your own in return, not a duplicate.
    await user.click(within(builder).getByRole('button', { name: 'Add a commitment' }));
    expect((within(builder).getAllByLabelText('Who')[1] as HTMLSelectElement).value).toBe('0');
    expect(within(builder).getByRole('status').textContent).toBe('✓ This package can be sent.');
    expect(notes).toContain(`Green fires ${other.text}:`);
    expect(notes).toMatch(/Red fires .+:/);
    expect((within(builder).getAllByLabelText('Verified by')[0] as HTMLSelectElement).options.length).toBeGreaterThan(0);
    expect(within(builder).getByText(/see through partial compliance or a cheat by Iran/).textContent).toMatch(/\d+ % of the time\.$/);
  });
});

describe('the inbox', () => {
  it('accepts a proposal addressed to you', async () => {
    const { session, p } = offered();
    await userEvent.setup().click(screen.getByRole('button', { name: `Accept proposal ${p.id}` }));
    expect(session.view('0')!.G.proposals[0].accepted).toContain('0');
    expect(screen.getByText(/United States ✓ accepted/)).toBeTruthy();
  });

  it('counters: the builder opens prefilled with the proposal it answers', async () => {
    const { session, p } = offered();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `Counter proposal ${p.id}` }));
    const builder = screen.getByRole('region', { name: `Counter proposal ${p.id}` });
    expect(document.activeElement).toBe(within(builder).getByRole('heading', { name: `Counter proposal ${p.id}` }));
    expect(within(builder).getAllByRole('group', { name: /Commitment \d/ })).toHaveLength(2);
    // Drop the U.S. line: ask Iran to move first.
    await user.click(within(builder).getByRole('button', { name: 'Remove commitment 1' }));
    await user.click(within(builder).getByRole('button', { name: 'Send counter-proposal' }));
    const proposals = session.view('0')!.G.proposals;
    expect(proposals.find((x) => x.id === p.id)!.status).toBe('countered');
    expect(proposals.find((x) => x.replaces === p.id)).toMatchObject({ by: '0', commitments: [{ seat: '1' }] });
  });

  it('shows a spectator the proposals on the table and who is to answer, with nothing to press', () => {
    // The spectator's view of a match, as the server sends it: public proposals, no seat's secrets.
    const m = newMatch({ seed: 'ui-test', setupData: { scenario: 'talks-resume' } });
    answerIncidentIn(m);
    const { schedule } = m.state.G;
    const offer: ProposalDraft = {
      channel: 'shuttle',
      commitments: [lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 2), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
    };
    ok(m, '1', 'propose', offer);
    const watching: Session = {
      humans: [],
      view: () => ({ G: playerView({ G: m.state.G, playerID: null }), ctx: m.state.ctx, stateID: m.state._stateID }),
      subscribe: () => () => {},
      move: () => {
        throw new Error('A spectator cannot move.');
      },
      stop: () => {},
    };
    act(() => useGame.getState().attach(watching, 'online'));
    renderGame();
    const inbox = screen.getByRole('region', { name: 'Proposals on the table (1)' });
    expect(within(inbox).getByText(/from Iran/)).toBeTruthy();
    expect(within(inbox).getByText('Waiting for United States, Mediator.')).toBeTruthy();
    expect(within(inbox).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Draft a proposal' })).toBeNull();
    expect(screen.queryByRole('region', { name: /Your seat/ })).toBeNull();
  });
});
