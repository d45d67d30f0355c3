// @vitest-environment jsdom
/**
 * Online play before the board, against a fake Lobby API (fetch is stubbed): the create form's
 * body, the links per human seat, joining with a name, the team link, and what each kind of link
 * that does not work says.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backchannel } from '../../src/game';
import { App } from '../../src/ui/App';
import { GAME_NAME } from '../../src/protocol/match';
import { hrefOf, parseRoute } from '../../src/ui/online/links';
import { savedSeat, saveSeat } from '../../src/ui/online/saved';
import { useGame } from '../../src/ui/store';
import './helpers';

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

type Handler = (call: Call) => { status?: number; body: unknown } | undefined;

/** Stubs fetch with `handler`; unknown routes answer 500. Returns the calls made. */
function fakeLobby(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const call: Call = { method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer = handler(call) ?? { status: 500, body: 'not faked' };
    const status = answer.status ?? 200;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status, headers: { 'Content-Type': typeof answer.body === 'string' ? 'text/plain' : 'application/json' } });
  });
  return calls;
}

/** A match's metadata as `GET /games/backchannel/:id` returns it. */
function matchData(opts: { names?: (string | undefined)[]; bots?: Record<string, { personality: string; difficulty: string }>; over?: boolean } = {}) {
  const names = opts.names ?? [undefined, undefined, 'Pragmatist bot (Novice)'];
  return {
    matchID: 'm1',
    gameName: 'backchannel',
    players: names.map((name, id) => (name ? { id, name } : { id })),
    setupData: { scenario: 'talks-resume' },
    bots: opts.bots ?? { '2': { personality: 'pragmatist', difficulty: 'novice' } },
    ...(opts.over ? { gameover: { path: 'stalemate' } } : {}),
  };
}

/** Opens the app at `search`, as a pasted link would. */
function openAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  act(() => useGame.setState({ route: parseRoute(window.location.search) }));
  return render(<App />);
}

const linkOn = (id: string) => document.getElementById(id)?.textContent;

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  act(() => useGame.setState({ route: null }));
  localStorage.clear();
});

describe('online links', () => {
  it('parse and print the four kinds of address', () => {
    expect(GAME_NAME).toBe(Backchannel.name);
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('?match=abc_12-X')).toEqual({ kind: 'table', matchID: 'abc_12-X' });
    expect(parseRoute('?match=abc&seat=1')).toEqual({ kind: 'join', matchID: 'abc', seat: '1' });
    expect(parseRoute('?match=abc&seat=1&key=K3y-_')).toEqual({ kind: 'join', matchID: 'abc', seat: '1', key: 'K3y-_' });
    expect(parseRoute('?match=abc&watch')).toEqual({ kind: 'watch', matchID: 'abc' });
    expect(parseRoute('?match=a%20b&seat=1')?.kind).toBe('bad');
    expect(parseRoute('?match=abc&seat=7')?.kind).toBe('bad');
    for (const search of ['?match=abc', '?match=abc&seat=2', '?match=abc&seat=0&key=xyz', '?match=abc&watch'])
      expect(hrefOf(parseRoute(search))).toBe(`/${search}`);
  });
});

describe('creating an online match', () => {
  it('sends the seats, bots, scenario and Mediator, then shows a join link per human seat and a spectator link', async () => {
    const calls = fakeLobby(({ method, path }) => {
      if (method === 'POST' && path === '/games/backchannel/create') return { body: { matchID: 'm1' } };
      if (method === 'GET' && path === '/games/backchannel/m1')
        return { body: matchData({ names: [undefined, 'Hardliner bot (Expert)', undefined], bots: { '1': { personality: 'hardliner', difficulty: 'expert' } } }) };
    });
    render(<App />);
    const user = userEvent.setup();
    const card = screen.getByRole('region', { name: 'Online' });
    const group = (name: string) => within(card).getByRole('group', { name });
    // Defaults: people in the U.S. and Iran seats, a bot Mediator.
    expect((within(group('Mediator')).getByRole('radio', { name: 'A bot' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(group('Iran')).getByRole('radio', { name: 'A bot' }));
    await user.selectOptions(within(group('Iran')).getByLabelText('Personality'), 'hardliner');
    await user.selectOptions(within(group('Iran')).getByLabelText('Difficulty'), 'expert');
    await user.click(within(group('Mediator')).getByRole('radio', { name: 'A person (or a team)' }));
    expect(within(group('Mediator')).queryByLabelText('Personality')).toBeNull();
    await user.selectOptions(within(card).getByLabelText('Scenario'), 'after-the-strike');
    await user.selectOptions(within(card).getByLabelText('Mediator'), 'eu');
    expect(within(card).queryByLabelText('Match seed')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Create online match' }));

    expect(await screen.findByRole('heading', { name: 'Send each seat its link' }, { timeout: 5000 })).toBeTruthy();
    const create = calls.find((c) => c.method === 'POST')!;
    expect(create.path).toBe('/games/backchannel/create');
    expect(create.body).toEqual({
      numPlayers: 3,
      setupData: { scenario: 'after-the-strike', flavour: 'eu' },
      unlisted: true,
      bots: { '1': { personality: 'hardliner', difficulty: 'expert' } },
    });
    expect(window.location.search).toBe('?match=m1');
    const origin = window.location.origin;
    expect(linkOn('join-0')).toBe(`${origin}/?match=m1&seat=0`);
    expect(linkOn('join-2')).toBe(`${origin}/?match=m1&seat=2`);
    expect(document.getElementById('join-1')).toBeNull();
    expect(screen.getByText(/Bot · Hardliner, expert/)).toBeTruthy();
    expect(linkOn('watch-link')).toBe(`${origin}/?match=m1&watch`);
    expect(screen.getByRole('button', { name: 'Copy join link for United States' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy spectator link' })).toBeTruthy();
  });

  it('says so when the game server does not answer', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create online match' }));
    expect((await screen.findByText(/game server did not answer/, {}, { timeout: 5000 })).getAttribute('role')).toBe('alert');
    expect(screen.getByRole('button', { name: 'Create online match' })).toBeTruthy();
  });
});

describe('joining from a link', () => {
  it('asks for a name, takes the seat, remembers it, and waits for the other seats', async () => {
    let joined = false;
    const calls = fakeLobby(({ method, path }) => {
      if (method === 'GET' && path === '/games/backchannel/m1') return { body: matchData({ names: [joined ? 'Alice' : undefined, undefined, 'Pragmatist bot (Novice)'] }) };
      if (method === 'POST' && path === '/games/backchannel/m1/join') {
        joined = true;
        return { body: { playerID: '0', playerCredentials: 'secret-key' } };
      }
    });
    openAt('?match=m1&seat=0');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Play the United States' }, { timeout: 5000 });
    const name = screen.getByLabelText('Your name, as the table will see it') as HTMLInputElement;
    expect(name.maxLength).toBe(32);
    await user.type(name, 'Alice');
    await user.click(screen.getByRole('button', { name: 'Join as United States' }));

    expect(await screen.findByRole('heading', { name: 'Waiting for Iran' }, { timeout: 5000 })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ playerID: '0', playerName: 'Alice' });
    expect(savedSeat('m1', '0')).toMatchObject({ matchID: 'm1', playerID: '0', credentials: 'secret-key', playerName: 'Alice', teammate: false });
    // The team link carries the seat's key, with one sentence on what it does.
    expect(linkOn('team-link')).toBe(`${window.location.origin}/?match=m1&seat=0&key=secret-key`);
    expect(screen.getByText(/Anyone who opens the team link plays this seat with you/)).toBeTruthy();
    // And Iran's join link, to invite the missing seat.
    expect(linkOn('join-1')).toBe(`${window.location.origin}/?match=m1&seat=1`);
  });

  it('goes straight back to a seat this browser holds (a reload), without asking the name again', async () => {
    saveSeat({ matchID: 'm1', playerID: '1', credentials: 'k1', playerName: 'Babak', teammate: false });
    fakeLobby(({ path }) => (path === '/games/backchannel/m1' ? { body: matchData({ names: [undefined, 'Babak', 'Pragmatist bot (Novice)'] }) } : undefined));
    openAt('?match=m1&seat=1');
    expect(await screen.findByRole('heading', { name: 'Waiting for the United States' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByLabelText('Your name, as the table will see it')).toBeNull();
  });

  it('joins a taken seat as a teammate with the team link, and takes the key out of the address bar', async () => {
    fakeLobby(({ path }) => (path === '/games/backchannel/m1' ? { body: matchData({ names: ['Alice', undefined, 'Pragmatist bot (Novice)'] }) } : undefined));
    openAt('?match=m1&seat=0&key=alices-key');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Join the United States team' }, { timeout: 5000 });
    expect(screen.getByText(/Alice already plays the United States; with this team link you play the seat together/)).toBeTruthy();
    await user.clear(screen.getByLabelText('Your name, as the table will see it'));
    await user.type(screen.getByLabelText('Your name, as the table will see it'), 'Carol');
    await user.click(screen.getByRole('button', { name: 'Join as a teammate' }));
    expect(await screen.findByRole('heading', { name: 'Waiting for Iran' }, { timeout: 5000 })).toBeTruthy();
    expect(savedSeat('m1', '0')).toMatchObject({ credentials: 'alices-key', playerName: 'Carol', teammate: true });
    expect(window.location.search).toBe('?match=m1&seat=0');
  });
});

describe('links that do not work', () => {
  it('an unknown match: the server answers 404', async () => {
    fakeLobby(({ path }) => (path === '/games/backchannel/nope' ? { status: 404, body: 'Match nope not found' } : undefined));
    openAt('?match=nope&seat=1');
    expect(await screen.findByRole('heading', { name: 'This link does not open a match' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/The link may be cut short or mistyped/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to the start page' })).toBeTruthy();
  });

  it('a damaged link', async () => {
    openAt('?match=abc&seat=9');
    expect(await screen.findByRole('heading', { name: 'This link does not work' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/the seats are 0 \(United States\), 1 \(Iran\) and 2 \(Mediator\)/)).toBeTruthy();
  });

  it('a taken seat: explains how to join as a teammate, or to watch', async () => {
    fakeLobby(({ path }) => (path === '/games/backchannel/m1' ? { body: matchData({ names: [undefined, 'Babak', 'Pragmatist bot (Novice)'] }) } : undefined));
    openAt('?match=m1&seat=1');
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Iran is already taken' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Ask Babak for the team link/)).toBeTruthy();
    await user.type(screen.getByLabelText('Paste the team link here'), 'https://example.org/?match=other&seat=1&key=k');
    await user.click(screen.getByRole('button', { name: 'Join as a teammate' }));
    expect(screen.getByText(/not a team link for this match/).getAttribute('role')).toBe('alert');
    expect(screen.getByRole('button', { name: 'Watch instead' })).toBeTruthy();
  });

  it('a seat someone takes between loading the page and joining (409)', async () => {
    fakeLobby(({ method, path }) => {
      if (method === 'GET' && path === '/games/backchannel/m1') return { body: matchData() };
      if (method === 'POST') return { status: 409, body: 'Player 1 not available' };
    });
    openAt('?match=m1&seat=1');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Play Iran' }, { timeout: 5000 });
    await user.type(screen.getByLabelText('Your name, as the table will see it'), 'Babak');
    await user.click(screen.getByRole('button', { name: 'Join as Iran' }));
    expect(await screen.findByRole('heading', { name: 'Iran is already taken' }, { timeout: 5000 })).toBeTruthy();
  });

  it('a finished match, and a seat a bot plays', async () => {
    fakeLobby(({ path }) => (path === '/games/backchannel/m1' ? { body: matchData({ over: true }) } : undefined));
    const { unmount } = openAt('?match=m1&seat=0');
    expect(await screen.findByRole('heading', { name: 'This match has finished' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'See how it ended' })).toBeTruthy();
    unmount();
    fakeLobby(({ path }) => (path === '/games/backchannel/m1' ? { body: matchData() } : undefined));
    openAt('?match=m1&seat=2');
    expect(await screen.findByRole('heading', { name: 'A bot plays the Mediator' }, { timeout: 5000 })).toBeTruthy();
  });
});
