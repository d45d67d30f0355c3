// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import './helpers';

describe('the start page', () => {
  it('offers solo, hot-seat, and online through the game server', () => {
    render(<App />);
    expect(screen.getByRole('button', { name: 'Start solo game' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start hot-seat game' })).toBeTruthy();
    const online = screen.getByRole('region', { name: 'Online' });
    expect((within(online).getByRole('button', { name: 'Create online match' }) as HTMLButtonElement).disabled).toBe(false);
    expect(within(online).getByText(/share a link per seat/)).toBeTruthy();
  });

  it('starts a solo game as the chosen seat, with bots in the other two', async () => {
    render(<App />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Iran' }));
    expect(screen.getByRole('group', { name: 'United States (bot)' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Personality', { selector: '#bot-2-personality' }), 'hardliner');
    await user.clear(screen.getByLabelText('Match seed', { selector: '#solo-seed' }));
    await user.type(screen.getByLabelText('Match seed', { selector: '#solo-seed' }), 'app-test');
    await user.click(screen.getByRole('button', { name: 'Start solo game' }));
    expect(await screen.findByRole('heading', { name: 'Your seat: Iran' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Bot · Hardliner, novice/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Leave game' }));
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.getByRole('heading', { name: 'Your seat: Iran' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Leave game' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    expect(screen.getByRole('button', { name: 'Start solo game' })).toBeTruthy();
  });

  it('opens the rulebook in a dialog, loaded on demand, and closes it with Escape', async () => {
    render(<App />);
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: 'Rulebook' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rulebook' });
    expect(await within(dialog).findByRole('heading', { name: 'Backchannel — the rulebook' })).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close the rulebook' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
