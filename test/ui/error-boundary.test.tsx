// @vitest-environment jsdom
/** A screen that throws shows what happened and a way back, never a blank page. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GameView } from '../../src/game/view';
import { App } from '../../src/ui/App';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { useGame } from '../../src/ui/store';
import { startMatch } from './helpers';

function Throwing(): never {
  throw new Error('the server sent a board without a Trust track');
}

/**
 * Puts a view on screen that the board cannot draw, as a bad value from a server would be. The
 * live session is detached first: an update still on its way would otherwise replace the broken
 * view before it is drawn (it did, on a loaded machine).
 */
function breakTheView() {
  const { view, unmirror } = useGame.getState();
  act(() => {
    unmirror?.();
    // No board at all: every selector of the game screen throws, not only those that dig deep.
    useGame.setState({ unmirror: null, view: { ...view!, G: null as unknown as GameView } });
  });
}

beforeEach(() => {
  // React reports every error a boundary catches on the console; the test looks at the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the error boundary', () => {
  it('shows the message and the ways back in place of a child that throws', () => {
    render(
      <ErrorBoundary>
        <Throwing />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Something went wrong on this screen' })).toBeTruthy();
    expect(within(alert).getByText(/the server sent a board without a Trust track/)).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Back to the start page' })).toBeTruthy();
  });

  it('keeps the masthead when a game screen throws, and goes back to the start page on request', async () => {
    startMatch('solo');
    render(<App />);
    await screen.findByRole('heading', { name: 'Your seat: United States' }, { timeout: 5000 });
    breakTheView();
    const main = screen.getByRole('main');
    // React may render the boundary's fallback after a retry of its own: wait for it.
    expect(await within(main).findByRole('heading', { name: 'Something went wrong on this screen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rulebook' })).toBeTruthy();

    await userEvent.setup().click(within(main).getByRole('button', { name: 'Back to the start page' }));
    expect(useGame.getState().session).toBeNull();
    expect(screen.getByRole('button', { name: 'Start solo game' })).toBeTruthy();
  });

  it('draws the page again once the player leaves the broken game from the masthead', async () => {
    startMatch('solo');
    render(<App />);
    await screen.findByRole('heading', { name: 'Your seat: United States' }, { timeout: 5000 });
    breakTheView();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Leave game' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    expect(screen.queryByRole('heading', { name: 'Something went wrong on this screen' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Start solo game' })).toBeTruthy();
  });
});
