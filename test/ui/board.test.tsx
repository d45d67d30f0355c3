// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderGame, startMatch } from './helpers';
import { DEFAULT_RULES as rules } from '../../src/game';

describe('the board', () => {
  it('shows Trust and Tension as labelled meters with the scenario start values', () => {
    const G = startMatch().view('0')!.G;
    renderGame();
    const trust = screen.getByRole('meter', { name: 'Trust' });
    const tension = screen.getByRole('meter', { name: 'Tension' });
    expect(trust.getAttribute('aria-valuenow')).toBe(String(G.trust));
    expect(tension.getAttribute('aria-valuenow')).toBe(String(G.tension));
    expect(trust.getAttribute('aria-valuetext')).toBe(`Trust ${G.trust} of ${rules.board.bounds.trust.max}`);
    expect(screen.getByText(/Escalation at 10 as 2 rounds in a row end/)).toBeTruthy();
  });

  it('shows the timeline, the incident, the nuclear file, sanctions, detainees and measures', () => {
    startMatch();
    renderGame();
    expect(screen.getByRole('heading', { name: /Round 1 of 9 · Phase I · Confidence-building/ })).toBeTruthy();
    expect(screen.getByText(/Months 0–1 of 18/)).toBeTruthy();
    expect(screen.getByText(/Incident of round 1/)).toBeTruthy();
    const nuclear = screen.getByRole('region', { name: 'Nuclear file' });
    expect(within(nuclear).getByText('Breakout estimate')).toBeTruthy();
    expect(within(nuclear).getByText('Basic safeguards')).toBeTruthy();
    const sanctions = screen.getByRole('region', { name: 'Sanctions and channels' });
    expect(within(sanctions).getByText('$6bn')).toBeTruthy();
    const detainees = screen.getByRole('region', { name: 'Detainees' });
    expect(within(detainees).getAllByText(/held/).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: /Measures in place/ })).toBeTruthy();
    expect(screen.getByRole('log')).toBeTruthy();
  });

  it('lists a measure with its expiry once a seat puts it in place', async () => {
    startMatch();
    renderGame();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Take Moratorium on strikes' }));
    const measures = screen.getByRole('region', { name: /Measures in place/ });
    expect(within(measures).getByText('Moratorium on strikes')).toBeTruthy();
    expect(within(measures).getByText(/until the end of round 3/)).toBeTruthy();
  });
});
