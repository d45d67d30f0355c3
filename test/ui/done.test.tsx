// @vitest-environment jsdom
/** Done cannot be taken back: with something still open it lists what, links to each, and asks once. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { legalActions } from '../../src/game/actions';
import type { ItemId } from '../../src/game/ids';
import { entry } from '../../src/game/ruleset';
import type { CommitmentId } from '../../src/game/types';
import type { Session } from '../../src/ui/session/session';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident, moveAs, renderGame, startMatch } from './helpers';

/** Iran offers a package whose U.S. step is due `due`; the Mediator accepts it unless `open`. */
function iranOffers(session: Session, due: number, what: string): ItemId {
  const { schedule } = session.view('1')!.G;
  moveAs(session, '1', 'propose', {
    channel: 'shuttle',
    commitments: [lineFor(schedule, '0', what as CommitmentId, due), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
  });
  return session.view('1')!.G.proposals.at(-1)!.id;
}

const done = () => screen.getByRole('button', { name: 'Done for this round' });

describe('Done for this round', () => {
  it('lists points left, proposals unanswered and steps undecided, links to each, and asks once', async () => {
    const session = startMatch();
    answerIncident(session);
    // An agreement with a U.S. step due now, and a second offer the U.S. has not answered.
    const signed = iranOffers(session, 1, 'humanitarian-licences');
    moveAs(session, '2', 'accept', signed);
    moveAs(session, '0', 'accept', signed);
    const step = session.view('0')!.G.agreements[0].steps.find((s) => s.seat === '0')!;
    const waiting = iranOffers(session, 2, 'us-detainee-tranche');
    renderGame();
    const user = userEvent.setup();

    await user.click(done());
    expect(session.view('0')!.G.seats['0'].done).toBe(false);
    const ask = screen.getByRole('dialog', { name: 'Still open this round' });
    expect(document.activeElement).toBe(within(ask).getByRole('heading', { name: 'Still open this round' }));
    const items = within(ask).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^3 action points unspent: \d+ role actions you can still take\./),
      expect.stringMatching(new RegExp(`^Proposal ${waiting} from Iran waits for your answer\\. Unanswered, it stays on the table one more round, then lapses\\.`)),
      // Named by its agreement and place, as the compliance card and the agreement name it.
      `Agreement 1, step 1: ${entry(rules, 'commitments', step.what).name}, due round 1: you have not chosen, so you will comply in full. Decide on agreement 1, step 1`,
    ]);

    await user.click(within(ask).getByRole('button', { name: `Go to proposal ${waiting}` }));
    expect(document.activeElement?.id).toBe(`proposal-${waiting}-title`);
    await user.click(within(ask).getByRole('button', { name: 'Decide on agreement 1, step 1' }));
    expect(document.activeElement?.textContent).toBe(`Agreement 1, step 1: ${entry(rules, 'commitments', step.what).name}, due round 1 (now)`);
    await user.click(within(ask).getByRole('button', { name: 'Go to your role actions' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Role actions' }));

    await user.click(within(ask).getByRole('button', { name: 'Not yet' }));
    expect(screen.queryByRole('dialog', { name: 'Still open this round' })).toBeNull();
    expect(document.activeElement).toBe(done());
    // Escape says Not yet too.
    await user.click(done());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Still open this round' })).toBeNull();
    expect(document.activeElement).toBe(done());
    expect(session.view('0')!.G.seats['0'].done).toBe(false);

    await user.click(done());
    await user.click(screen.getByRole('button', { name: 'Done anyway' }));
    expect(session.view('0')!.G.seats['0'].done).toBe(true);
    expect(document.activeElement?.id).toBe('done-note');
  });

  it('is sent at once when nothing is left open', async () => {
    const session = startMatch();
    answerIncident(session);
    for (let legal = legalActions(rules, session.view('0')!.G, '0', 'negotiate'); legal.length; legal = legalActions(rules, session.view('0')!.G, '0', 'negotiate'))
      moveAs(session, '0', 'act', legal[0].id, ...(legal[0].amount === undefined ? [] : [legal[0].amount]));
    renderGame();
    await userEvent.setup().click(done());
    expect(screen.queryByRole('dialog', { name: 'Still open this round' })).toBeNull();
    expect(session.view('0')!.G.seats['0'].done).toBe(true);
  });
});
