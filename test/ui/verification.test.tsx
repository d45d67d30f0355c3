// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { GameState, SeatSecret, StepStatus } from '../../src/game/state';
import type { CommitmentId } from '../../src/game/types';
import { detectionChance } from '../../src/game/verification';
import { TrafficLight } from '../../src/ui/talks/TrafficLight';
import { lineFor } from '../../src/ui/talks/drafts';
import { answerIncident, moveAs, renderGame, startMatch } from './helpers';
import { DEFAULT_RULES as rules } from '../../src/game';

describe('the traffic light', () => {
  it.each<[StepStatus, string, string]>([
    ['green', '●', 'GREEN ✓ verified'],
    ['amber', '▲', 'AMBER partial'],
    ['red', '■', 'RED ✗ violated'],
    ['pending', '○', 'PENDING not yet due'],
    ['suspended', '–', 'SUSPENDED after a red'],
  ])('%s reads as a shape and words, not colour alone', (status, icon, words) => {
    const { container } = render(<TrafficLight status={status} />);
    const light = container.firstElementChild!;
    expect(light.textContent).toBe(`${icon} ${words}`);
    // The shape is decoration for screen readers; the words carry the meaning.
    expect(light.querySelector('[aria-hidden="true"]')!.textContent).toBe(icon);
  });
});

describe('compliance and agreements', () => {
  it('offers comply, partly or cheat with the detection chance, then lights the step', async () => {
    const session = startMatch();
    answerIncident(session);
    const { schedule } = session.view('1')!.G;
    moveAs(session, '1', 'propose', {
      channel: 'shuttle',
      commitments: [lineFor(schedule, '0', 'humanitarian-licences' as CommitmentId, 1), lineFor(schedule, '1', 'naval-notifications' as CommitmentId, 2)],
    });
    const id = session.view('1')!.G.proposals[0].id;
    moveAs(session, '2', 'accept', id);
    renderGame();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `Accept proposal ${id}` }));

    const agreements = screen.getByRole('region', { name: /Agreements \(1\)/ });
    // The U.S. step falls due this round, Iran's next round.
    expect(within(agreements).getAllByText('DUE NOW')).toHaveLength(1);
    expect(within(agreements).getAllByText('PENDING')).toHaveLength(1);

    const compliance = screen.getByRole('region', { name: /Your steps due this round/ });
    const G = session.view('0')!.G as unknown as GameState;
    const step = G.agreements[0].steps.find((s) => s.seat === '0')!;
    const chance = `${Math.round(detectionChance(rules, G, step.verifier, '0') * 100)} %`;
    expect(within(compliance).getAllByText(chance).length).toBeGreaterThan(0);
    const cheat = within(compliance).getByRole('button', { name: 'Cheat' });
    expect(cheat.getAttribute('aria-pressed')).toBe('false');
    await user.click(cheat);
    expect((session.view('0')!.G.secrets['0'] as SeatSecret).choices[step.id]).toBe('cheat');
    expect(within(compliance).getByRole('button', { name: '✓ Cheat' }).getAttribute('aria-pressed')).toBe('true');

    // Everyone says Done; the step falls due and the verifier publishes.
    await user.click(screen.getByRole('button', { name: 'Done for this round' }));
    await user.click(screen.getByRole('button', { name: 'Done anyway' }));
    moveAs(session, '1', 'done');
    moveAs(session, '2', 'done');
    const lit = session.view('0')!.G.agreements[0].steps.find((s) => s.id === step.id)!;
    expect(['green', 'red']).toContain(lit.status);
    const word = lit.status === 'green' ? 'GREEN' : 'RED';
    expect(within(screen.getByRole('region', { name: /Agreements/ })).getByText(word)).toBeTruthy();
    const reports = screen.getByRole('region', { name: /Verifiers' reports \(1\)/ });
    expect(within(reports).getByText(lit.report!)).toBeTruthy();
  });
});
