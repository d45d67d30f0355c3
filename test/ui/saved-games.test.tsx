// @vitest-environment jsdom
/** Games in this browser are saved after every move and resumed after a reload, bots' moves included. */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeatId } from '../../src/game/types';
import { App } from '../../src/ui/App';
import { loadGame, saveGame, savedGames } from '../../src/ui/session/saved';
import { useGame } from '../../src/ui/store';
import './helpers';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const BOTS = { '1': { personality: 'hardliner', difficulty: 'novice' }, '2': { personality: 'conciliator', difficulty: 'expert' } } as const;
const BOTS_FOR_IRAN = { '0': BOTS['1'], '2': BOTS['2'] };

/**
 * Plays seat 0 (restraint, then Done) until round `round`, then waits until the round waits for
 * seat 0 alone: the bots have nothing left to do, so the state holds still.
 */
async function playUntil(round: number) {
  await waitFor(
    () => {
      const { session, view, seeRound } = useGame.getState();
      act(seeRound);
      const stage = view!.ctx.activePlayers?.['0'];
      const others = Object.keys(view!.ctx.activePlayers ?? {}).filter((s) => s !== '0');
      if (stage === 'respond') act(() => session!.move('0', 'respond', ['restraint']));
      else if (view!.G.round < round && stage) act(() => session!.move('0', 'done', []));
      else if (view!.G.round >= round && stage && others.length === 0) return;
      throw new Error(`still playing: round ${view!.G.round}, ${JSON.stringify(view!.ctx.activePlayers)}`);
    },
    { timeout: 20_000, interval: 20 },
  );
}

describe('saved games', () => {
  it('saves a solo game after every move, and resumes it exactly, the bots’ moves included', async () => {
    await act(() => useGame.getState().startSolo('0', BOTS, { seed: 'saved-test', setupData: { scenario: 'talks-resume' } }));
    await playUntil(2);
    const before = useGame.getState().view!;
    // The save is written once every client has the update.
    await act(() => Promise.resolve());
    const [saved] = savedGames().games;
    expect(saved).toMatchObject({ mode: 'solo', humans: ['0'], bots: BOTS, seed: 'saved-test', round: before.G.round });
    const by = new Set(saved.moves.map(([seat]) => seat));
    expect([...by].sort()).toEqual(['0', '1', '2'] satisfies SeatId[]);
    expect(saved.moves).toHaveLength(before.stateID);

    act(() => useGame.getState().leave());
    expect(useGame.getState().saved.map((g) => g.id)).toEqual([saved.id]);
    await act(() => useGame.getState().resume(saved.id));
    const after = useGame.getState().view!;
    expect(useGame.getState().mode).toBe('solo');
    expect(after.stateID).toBe(before.stateID);
    expect(after.G).toEqual(before.G);
    expect(after.ctx).toEqual(before.ctx);
  }, 30_000);

  it('goes straight back into the game after a reload, but not after leaving it', async () => {
    await act(() => useGame.getState().startHotseat({ seed: 'reload-test', setupData: { scenario: 'talks-resume' } }));
    act(() => useGame.getState().reveal());
    const seat = useGame.getState().seat!;
    act(() => useGame.getState().session!.move(seat, useGame.getState().view!.ctx.activePlayers?.[seat] === 'respond' ? 'respond' : 'done', ['restraint']));
    await act(() => Promise.resolve());
    const before = useGame.getState().session!.view(seat)!;
    // A reload: the page and its store start afresh; the tab's storage stays.
    useGame.getState().session!.stop();
    useGame.setState({ session: null, unmirror: null, screen: 'start', mode: null, seat: null, view: null, handOverTo: null });
    render(<App />);
    expect(await screen.findByRole('button', { name: /^Reveal the screen for / }, { timeout: 5000 })).toBeTruthy();
    expect(useGame.getState().mode).toBe('hotseat');
    expect(useGame.getState().session!.view(seat)!.stateID).toBe(before.stateID);

    act(() => useGame.getState().leave());
    cleanup();
    render(<App />);
    await act(() => Promise.resolve());
    expect(useGame.getState().screen).toBe('start');
    expect(screen.getByRole('region', { name: 'Your games in progress' })).toBeTruthy();
  });

  it('says so when a saved game cannot be replayed, and keeps it', async () => {
    saveGame({ id: 'bad', mode: 'hotseat', humans: ['0', '1', '2'], bots: {}, seed: 's', moves: [['0', 'accept', [999]]], round: 1, rounds: 12 });
    useGame.setState({ saved: savedGames().games });
    await act(() => useGame.getState().resume('bad'));
    expect(useGame.getState().screen).toBe('start');
    expect(useGame.getState().notices.at(-1)?.text).toMatch(/^The saved game could not be resumed: move 1 of 1 \(accept\) is refused/);
    expect(loadGame('bad')).toBeDefined();
  });

  it('lists the games in progress on the start page, to resume or delete (asked once)', async () => {
    saveGame({ id: 'g1', mode: 'solo', humans: ['1'], bots: BOTS_FOR_IRAN, seed: 's1', setupData: { scenario: 'talks-resume' }, moves: [], round: 3, rounds: 12 });
    saveGame({ id: 'g2', mode: 'hotseat', humans: ['0', '1', '2'], bots: {}, seed: 's2', moves: [], round: 1, rounds: 12 });
    useGame.setState({ saved: savedGames().games });
    render(<App />);
    const user = userEvent.setup();
    const list = screen.getByRole('region', { name: 'Your games in progress' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(list).getByText(/Solo: you play Iran against United States \(Hardliner\) and Mediator \(Conciliator\)/)).toBeTruthy();
    expect(within(list).getByText(/round 3 of 12/)).toBeTruthy();

    const hotseat = within(list).getByRole('button', { name: /^Delete Hot-seat/ });
    await user.click(hotseat);
    const ask = within(list).getByRole('group', { name: /^Delete Hot-seat/ });
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Yes, delete' }));
    await user.click(within(ask).getByRole('button', { name: 'Keep it' }));
    expect(loadGame('g2')).toBeDefined();
    await user.click(within(list).getByRole('button', { name: /^Delete Hot-seat/ }));
    await user.click(within(list).getByRole('button', { name: 'Yes, delete' }));
    expect(loadGame('g2')).toBeUndefined();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your games in progress' }));

    await user.click(within(list).getByRole('button', { name: /^Resume Solo/ }));
    expect(await screen.findByRole('heading', { name: 'Your seat: Iran' }, { timeout: 5000 })).toBeTruthy();
  });

  it('lists stored data that is not a saved game with what is wrong, keeps it, and deletes it only when asked', async () => {
    saveGame({ id: 'ok', mode: 'hotseat', humans: ['0', '1', '2'], bots: {}, seed: 's', moves: [], round: 2, rounds: 12 });
    localStorage.setItem('backchannel.local.broken', '{"id":"broken","mode":"solo","moves":"lots"');
    localStorage.setItem('backchannel.local.old', JSON.stringify({ id: 'old', mode: 'solo', humans: ['0'], bots: {}, seed: 's', moves: [['0', 7, []]], round: 1, rounds: 12, savedAt: 1 }));
    const { games, unreadable } = savedGames();
    expect(games.map((g) => g.id)).toEqual(['ok']);
    expect(unreadable).toEqual([
      { id: 'broken', problem: 'it is not valid JSON' },
      { id: 'old', problem: expect.stringMatching(/^moves\.0\.1: .*string/) },
    ]);
    useGame.setState({ saved: games, unreadable });
    render(<App />);
    const user = userEvent.setup();
    const list = screen.getByRole('region', { name: 'Your games in progress' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const old = within(list).getByText('Saved game old cannot be read').closest('li')!;
    expect(old.textContent).toMatch(/another version of the game, or damaged \(moves\.0\.1: .*\)\. It is kept until you delete it\./);
    expect(within(old).queryByRole('button', { name: /^Resume/ })).toBeNull();

    // Resuming it anyway (an old link, another tab) says why not and loses nothing.
    await act(() => useGame.getState().resume('old'));
    expect(useGame.getState().notices.at(-1)?.text).toMatch(/^That saved game cannot be read \(moves\.0\.1: .*\)\. It stays in this browser until you delete it\.$/);
    expect(localStorage.getItem('backchannel.local.old')).not.toBeNull();

    await user.click(within(old).getByRole('button', { name: 'Delete Saved game old cannot be read' }));
    await user.click(within(list).getByRole('button', { name: 'Yes, delete' }));
    expect(localStorage.getItem('backchannel.local.old')).toBeNull();
    expect(localStorage.getItem('backchannel.local.broken')).not.toBeNull();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });
});
