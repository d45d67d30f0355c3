// @vitest-environment jsdom
/** The table chat and the connection marks: the server's length limit in the input, names on lines. */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHAT_MAX_LENGTH } from '../../src/protocol/chat';
import { Chat } from '../../src/ui/online/Chat';
import { cleanName, decodeChat, encodeChat, textLimit } from '../../src/ui/online/chat';
import { ConnectionBadge, ConnectionBanner } from '../../src/ui/online/Connection';
import { useOnline, type Me } from '../../src/ui/online/state';
import './helpers';

const alice: Me = { matchID: 'm1', playerID: '0', playerName: 'Alice', credentials: 'k', teammate: false };

afterEach(() => act(() => useOnline.getState().reset()));

describe('chat lines', () => {
  it('carry the writer’s name ahead of the text, within the server’s limit', () => {
    const line = encodeChat('Alice', 'x'.repeat(textLimit('Alice')));
    expect(line.length).toBe(CHAT_MAX_LENGTH);
    expect(decodeChat(line, 'Seat name')).toEqual({ name: 'Alice', text: 'x'.repeat(textLimit('Alice')) });
    // A line from a client that signs nothing goes under its seat's player.
    expect(decodeChat('plain words', 'Babak')).toEqual({ name: 'Babak', text: 'plain words' });
    expect(cleanName('  Ca\u001frol \n ')).toBe('Ca rol');
    expect(cleanName('n'.repeat(80)).length).toBe(32);
  });
});

describe('the chat panel', () => {
  it('stops the input at the limit, counts to it, and sends at most that', async () => {
    const say = vi.fn();
    useOnline.setState({ me: alice, say, connection: 'connected', chat: [{ id: 'a', seat: '1', name: 'Babak', text: 'Salaam' }] });
    render(<Chat />);
    const user = userEvent.setup();
    expect(screen.getByText('Babak')).toBeTruthy();
    expect(screen.getByText('· Iran', { exact: false })).toBeTruthy();
    expect(screen.getByText('Salaam')).toBeTruthy();

    const input = screen.getByLabelText('Message to the table') as HTMLInputElement;
    const limit = CHAT_MAX_LENGTH - 'Alice'.length - 1;
    expect(input.maxLength).toBe(limit);
    expect(screen.getByText(`0 / ${limit} characters`)).toBeTruthy();
    await user.click(input);
    await user.paste('y'.repeat(limit + 100));
    expect(input.value.length).toBe(limit);
    expect(screen.getByText(`${limit} / ${limit} characters — that is the limit`)).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(say).toHaveBeenCalledTimes(1);
    const sent = say.mock.calls[0][0] as string;
    expect(sent.length).toBe(limit);
    expect(encodeChat('Alice', sent).length).toBeLessThanOrEqual(CHAT_MAX_LENGTH);
    expect(input.value).toBe('');
  });

  it('sends nothing blank, and waits for the connection', async () => {
    useOnline.setState({ me: alice, say: null, connection: 'reconnecting' });
    render(<Chat />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message to the table'), 'hello');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/sending waits for the connection/)).toBeTruthy();
  });

  it('is read-only for a spectator', () => {
    useOnline.setState({ me: { ...alice, playerID: null, credentials: undefined }, say: null, connection: 'connected' });
    render(<Chat />);
    expect(screen.queryByLabelText('Message to the table')).toBeNull();
    expect(screen.getByText(/only the seated players write here/)).toBeTruthy();
  });
});

describe('the connection', () => {
  it('is marked in the status bar, and a lost one is announced', () => {
    useOnline.setState({ me: alice, connection: 'connected' });
    const { rerender } = render(
      <>
        <ConnectionBanner />
        <ConnectionBadge />
      </>,
    );
    expect(screen.getByText('● Connected')).toBeTruthy();
    expect(screen.queryByText(/connection to the game server was lost/)).toBeNull();
    act(() => useOnline.setState({ connection: 'reconnecting' }));
    rerender(
      <>
        <ConnectionBanner />
        <ConnectionBadge />
      </>,
    );
    expect(screen.getByText('⚠ Reconnecting…')).toBeTruthy();
    expect(screen.getByText(/connection to the game server was lost/).closest('[role="alert"]')).toBeTruthy();
  });
});
