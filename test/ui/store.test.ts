// @vitest-environment jsdom
/** The store's own rules, on a stand-in session: notices, the address, online moves, leaving. */
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OK } from '../../src/game/verdict';
import type { Session } from '../../src/ui/session/session';
import { useGame } from '../../src/ui/store';
import './helpers';

/** An online session that never hears from a server; `connected` says whether it claims a connection. */
function fakeOnline(connected: boolean) {
  const unsubscribe = vi.fn();
  const session = {
    humans: ['0'],
    view: () => null,
    subscribe: vi.fn(() => unsubscribe),
    move: vi.fn(),
    stop: vi.fn(),
    remote: { isConnected: () => connected, sending: vi.fn() },
  } satisfies Session;
  act(() => useGame.getState().attach(session, 'online'));
  return { session, unsubscribe };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  act(() => useGame.setState({ route: null }));
});

describe('notices', () => {
  it('keep the last three, each with its own id, until dismissed', () => {
    const { notify } = useGame.getState();
    act(() => ['one', 'two', 'three', 'four'].forEach((text) => notify('info', text)));
    const notices = useGame.getState().notices;
    expect(notices.map((n) => n.text)).toEqual(['two', 'three', 'four']);
    expect(new Set(notices.map((n) => n.id)).size).toBe(3);
    act(() => useGame.getState().dismiss(notices[1].id));
    expect(useGame.getState().notices.map((n) => n.text)).toEqual(['two', 'four']);
  });
});

describe('the address', () => {
  it('goes into the browser’s history, and Back away from an online match leaves it', () => {
    const { session, unsubscribe } = fakeOnline(true);
    act(() => useGame.getState().go({ kind: 'watch', matchID: 'm1' }));
    expect(window.location.search).toBe('?match=m1&watch');

    // A change of the hash alone is no new address: the match stays.
    window.history.pushState(null, '', '/?match=m1&watch#chat');
    act(() => useGame.getState().syncRoute());
    expect(session.stop).not.toHaveBeenCalled();

    window.history.pushState(null, '', '/?match=m1');
    act(() => useGame.getState().syncRoute());
    expect(useGame.getState().route).toEqual({ kind: 'table', matchID: 'm1' });
    expect(session.stop).toHaveBeenCalledTimes(1);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(useGame.getState()).toMatchObject({ screen: 'start', mode: null, session: null, view: null });
  });
});

describe('an online move', () => {
  it('waits for the connection, and otherwise goes to the server labelled', () => {
    const down = fakeOnline(false);
    expect(useGame.getState().send('done', [], OK, 'Done')).toBe(false);
    expect(down.session.move).not.toHaveBeenCalled();
    expect(useGame.getState().notices.at(-1)?.text).toMatch(/^Done: the connection to the game server is down/);

    const up = fakeOnline(true);
    expect(down.session.stop).toHaveBeenCalled();
    expect(useGame.getState().send('done', [], OK, 'Done')).toBe(true);
    expect(up.session.remote.sending).toHaveBeenCalledWith('Done');
    expect(up.session.move).toHaveBeenCalledWith('0', 'done', []);
  });

  it('is refused with the reason when its check fails', () => {
    const { session } = fakeOnline(true);
    expect(useGame.getState().send('done', [], { ok: false, code: 'not-negotiating', reason: 'not your turn' }, 'Done')).toBe(false);
    expect(session.move).not.toHaveBeenCalled();
    expect(useGame.getState().notices.at(-1)?.text).toBe('Done: not your turn');
  });
});
