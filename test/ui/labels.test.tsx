// @vitest-environment jsdom
/** Words a first-time player reads: due steps, lapsing proposals, cards, phases, bots. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES as rules } from '../../src/game';
import { checkCard } from '../../src/game/initiatives';
import type { GameState, SeatSecret } from '../../src/game/state';
import type { CommitmentId } from '../../src/game/types';
import { App } from '../../src/ui/App';
import { TrafficLight } from '../../src/ui/talks/TrafficLight';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident, moveAs, renderGame, seedWhere, startMatch } from './helpers';

describe('labels', () => {
  it('a pending step due this round says so, not "not yet due"', () => {
    const { container } = render(<TrafficLight status="pending" dueNow />);
    expect(container.textContent).toBe('◐ DUE NOW verified at the end of this round');
  });

  it('an unanswered proposal stays one more round, as the rules keep it', () => {
    const session = startMatch();
    answerIncident(session);
    renderGame();
    const inbox = screen.getByRole('region', { name: /Proposals on the table/ });
    expect(within(inbox).getByText('No open proposal. An unanswered proposal stays on the table for one more round, then lapses.')).toBeTruthy();
    const { schedule } = session.view('1')!.G;
    moveAs(session, '1', 'propose', {
      channel: 'shuttle',
      commitments: [lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 2), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
    });
    expect(within(inbox).getByText('Unanswered, it stays on the table one more round, then lapses.')).toBeTruthy();
    // Into the next round: the same proposal now lapses at this round's end.
    for (const seat of ['0', '1', '2'] as const) moveAs(session, seat, 'done');
    answerIncident(session);
    expect(within(inbox).getByText('Tabled last round: it lapses when this round ends.')).toBeTruthy();
  });

  it('counts another seat’s cards in words that agree with the number', () => {
    // Iran holds a card it may play at once, so that one card is left.
    const seed = seedWhere((G: GameState) => G.secrets['1'].hand.some((id) => checkCard(rules, G, '1', 'negotiate', id).ok));
    const session = startMatch('solo', seed);
    answerIncident(session);
    renderGame();
    const iran = within(screen.getByRole('region', { name: 'The seats' })).getByRole('heading', { name: 'Iran' }).closest('li')!;
    expect(iran.textContent).toMatch(/· 2 cards in hand/);
    const iranView = session.view('1')!.G;
    const card = (iranView.secrets['1'] as SeatSecret).hand.find((id) => checkCard(rules, iranView, '1', 'negotiate', id).ok);
    moveAs(session, '1', 'playCard', card);
    expect(iran.textContent).toMatch(/· 1 card in hand$/);
  });

  it('names each phase above its rounds on the timeline, not by colour alone', () => {
    startMatch();
    renderGame();
    const timeline = screen.getByRole('region', { name: /^Round \d+ of \d+ ·/ });
    for (const phase of ['Phase I', 'Phase II', 'Phase III']) expect(within(timeline).getByText(phase)).toBeTruthy();
    expect(within(timeline).getAllByRole('listitem')[0].textContent).toMatch(/R1.*, Phase I \(now\)$/);
  });

  it('says in one line how each bot personality and difficulty plays', async () => {
    render(<App />);
    const user = userEvent.setup();
    const personality = screen.getByLabelText('Personality', { selector: '#bot-1-personality' });
    const note = () => document.getElementById(personality.getAttribute('aria-describedby')!)!.textContent;
    expect(note()).toMatch(/^Weighs give and take/);
    await user.selectOptions(personality, 'hardliner');
    expect(note()).toMatch(/^Puts its own side first/);
    const difficulty = screen.getByLabelText('Difficulty', { selector: '#bot-1-difficulty' });
    expect(document.getElementById(difficulty.getAttribute('aria-describedby')!)!.textContent).toMatch(/good for a first game/);
    // All of them side by side, before choosing.
    const about = screen.getByText('How the bots play: personalities and difficulty').closest('details')!;
    for (const name of ['Hardliner', 'Pragmatist', 'Conciliator', 'Novice', 'Expert']) expect(within(about).getByText(name, { selector: 'dt' })).toBeTruthy();
  });

  it('names each step by its agreement and place, so two alike steps of two agreements differ', () => {
    const session = startMatch();
    answerIncident(session);
    const { schedule } = session.view('1')!.G;
    // Two packages with the same U.S. step, due next round, each signed by all of its parties.
    for (let i = 0; i < 2; i++) {
      moveAs(session, '1', 'propose', {
        channel: 'shuttle',
        commitments: [lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 2), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 3)],
      });
      const id = session.view('1')!.G.proposals.at(-1)!.id;
      moveAs(session, '2', 'accept', id);
      moveAs(session, '0', 'accept', id);
    }
    for (const seat of ['0', '1', '2'] as const) moveAs(session, seat, 'done');
    answerIncident(session);
    renderGame();
    const name = 'Humanitarian channel';
    const compliance = screen.getByRole('region', { name: /Your steps due this round/ });
    expect(within(compliance).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      `Agreement 1, step 1: ${name}, due round 2 (now)`,
      `Agreement 2, step 1: ${name}, due round 2 (now)`,
    ]);
    expect(within(compliance).getByRole('group', { name: 'Your choice for Agreement 2, step 1' })).toBeTruthy();
    const agreements = screen.getByRole('region', { name: /^Agreements/ });
    const headings = within(agreements).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([expect.stringMatching(/^Agreement 2 · from proposal 2 · round 1/), expect.stringMatching(/^Agreement 1 · from proposal 1 · round 1/)]);
    expect(within(agreements).getAllByText('Step 2')).toHaveLength(2);
  });
});
