/**
 * The browser's online session against the real server in this process: a seat's view arrives,
 * a move the server refuses comes back as a notice in words, chat crosses signed by name, and a
 * wrong key or a vanished match becomes a problem the page can show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChat } from '../../src/ui/online/chat';
import { createOnlineSession } from '../../src/ui/online/session';
import { useOnline, type Me, type SeatPlayer } from '../../src/ui/online/state';
import { createMatch, gameClient, startTestServer, waitFor, type TestServer } from '../server/helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const socketOpts = { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 300 };

function open(me: Me) {
  const notices: string[] = [];
  let players: Partial<Record<string, SeatPlayer>> = {};
  const session = createOnlineSession({ me, notify: (kind, text) => notices.push(`${kind}: ${text}`), onPlayers: (p) => (players = p), server: server.url, socketOpts });
  return { session, notices, players: () => players };
}

describe('an online session', () => {
  it('shows the seat’s view, reports a refused move in words, and carries chat both ways', async () => {
    const { matchID, seats } = await createMatch(server.url, { bots: { '2': { personality: 'pragmatist', difficulty: 'novice' } }, join: ['0', '1'] });
    const us = open({ matchID, playerID: '0', credentials: seats['0'].credentials, playerName: 'Alice', teammate: false });
    try {
      const view = await waitFor(() => us.session.view('0'), 'the first state');
      expect(Object.keys(view.G.secrets['0'])).toContain('agendas');
      expect(view.G.secrets['1']).toMatchObject({ hidden: true });
      await waitFor(() => useOnline.getState().connection === 'connected', 'the connection');
      expect(us.session.remote?.isConnected()).toBe(true);
      await waitFor(() => us.players()['1']?.name === 'Player 1', 'the names at the table');
      expect(us.players()['0']?.name).toBe('Alice');

      // A move the rules do not allow reaches the server, which refuses it; the page hears why.
      us.session.remote!.sending('Take a made-up action');
      us.session.move('0', 'act', ['no-such-action']);
      const refusal = await waitFor(() => us.notices.find((n) => n.startsWith('error: Take a made-up action: not accepted — ')), 'the refusal');
      expect(refusal).toMatch(/act/);

      // Chat: Iran's plain boardgame.io client writes; Alice's session signs her lines.
      const iran = gameClient(server.url, matchID, '1', seats['1'].credentials);
      try {
        await waitFor(() => iran.getState(), 'Iran’s state');
        iran.sendChatMessage('Salaam');
        await waitFor(() => useOnline.getState().chat.find((l) => l.text === 'Salaam'), 'Iran’s line');
        expect(useOnline.getState().chat.find((l) => l.text === 'Salaam')).toMatchObject({ seat: '1', name: 'Player 1' });
        useOnline.getState().say!('Hello from Washington');
        const heard = await waitFor(() => iran.chatMessages.find((m) => String(m.payload).endsWith('Hello from Washington')), 'Alice’s line');
        expect(decodeChat(heard.payload, '?')).toEqual({ name: 'Alice', text: 'Hello from Washington' });
        expect(heard.sender).toBe('0');
      } finally {
        iran.stop();
      }
    } finally {
      us.session.stop();
    }
    expect(useOnline.getState().me).toBeNull();
  });

  it('turns a wrong key and an unknown match into problems, not an empty board', async () => {
    const { matchID } = await createMatch(server.url, { join: ['0'] });
    const wrong = open({ matchID, playerID: '0', credentials: 'not-the-key', playerName: 'Mallory', teammate: true });
    try {
      const problem = await waitFor(() => useOnline.getState().problem, 'the refused key');
      expect(problem.title).toBe('This seat’s key was not accepted');
      expect(wrong.session.view('0')).toBeNull();
    } finally {
      wrong.session.stop();
    }
    const gone = open({ matchID: 'NoSuchMatch', playerID: null, playerName: 'Spectator', teammate: false });
    try {
      const problem = await waitFor(() => useOnline.getState().problem, 'the unknown match');
      expect(problem.title).toBe('This match is no longer on the server');
    } finally {
      gone.session.stop();
    }
  });

  it('lets a spectator watch without a seat', async () => {
    const { matchID } = await createMatch(server.url, { join: ['0', '1', '2'] });
    const watch = open({ matchID, playerID: null, playerName: 'Spectator', teammate: false });
    try {
      const view = await waitFor(() => watch.session.view(null), 'the spectator’s state');
      for (const seat of ['0', '1', '2'] as const) expect(view.G.secrets[seat]).toMatchObject({ hidden: true });
      expect(watch.session.humans).toEqual([]);
      await waitFor(() => useOnline.getState().connection === 'connected', 'the connection');
      expect(useOnline.getState().say).toBeNull();
    } finally {
      watch.session.stop();
    }
  });
});
