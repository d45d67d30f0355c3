/**
 * A match on the game server: one boardgame.io client over socket.io, for a seat (with its
 * credentials) or for a spectator (no seat). It is a `Session` like solo and hot-seat, so the same
 * store and board render it; what only online play has (connection, chat, a link gone bad) goes to
 * `useOnline`. Loaded only when an online match starts.
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { Backchannel } from '../../game';
import { isSeat, SEAT_NAMES } from '../../game/seats';
import type { GameState } from '../../game/state';
import type { SeatId } from '../../game/types';
import { REFUSED_EVENT, type Refusal } from '../../protocol/refusals';
import type { SeatView } from '../engine';
import type { Session } from '../session/session';
import type { Notice } from '../store/types';
import { decodeChat, encodeChat } from './chat';
import { useOnline, type ChatLine, type Me, type SeatPlayer } from './state';

/** The part of socket.io's client socket this file uses. */
interface SocketLike {
  connected: boolean;
  on(event: string, fn: (...args: never[]) => void): unknown;
  connect(): unknown;
}

export interface OnlineSessionOptions {
  me: Me;
  notify(kind: Notice['kind'], text: string): void;
  /** Who plays each seat, as the server says (names and connections), whenever it changes. */
  onPlayers?(players: Partial<Record<SeatId, SeatPlayer>>): void;
  /** The server's origin; this page's by default. */
  server?: string;
  socketOpts?: Record<string, unknown>;
}

/** A refused move, in words for the person who made it. */
function refusalText(r: Refusal): string {
  switch (r.code) {
    case 'stale-state':
      return 'another move reached the server first. Your screen now shows the current board; check it and try again.';
    case 'not-active':
      return 'your seat cannot act at this moment. The board has been brought up to date.';
    case 'game-over':
      return 'the match is over.';
    case 'unauthorized':
      return 'the server did not recognise this seat’s key.';
    default:
      return r.error.replace(/\.$/, '') + '.';
  }
}

export function createOnlineSession({ me, notify, onPlayers, server, socketOpts }: OnlineSessionOptions): Session {
  const client = Client<GameState>({
    game: Backchannel,
    numPlayers: 3,
    matchID: me.matchID,
    playerID: me.playerID ?? undefined,
    credentials: me.credentials,
    debug: false,
    multiplayer: SocketIO({ server: server ?? window.location.origin, socketOpts }),
  });
  const transport = (client as unknown as { transport: { socket?: SocketLike; isConnected: boolean } }).transport;
  const online = useOnline;
  // A copy of its own, so that stopping an older session never clears this one's state.
  me = { ...me };
  online.setState({ me, connection: 'connecting', chat: [], problem: null, say: null });

  let stopped = false;
  let sending = 'Your move';
  let view: SeatView | null = null;
  let everConnected = false;
  let lastConnected = false;
  /** Back after a loss: said once the server has sent the match again (not if it refuses). */
  let announceReconnect = false;
  let chatSeen: unknown[] = [];
  let playersSeen: unknown;
  const listeners = new Set<() => void>();

  const nameOf = (seat: string) => {
    const players = client.matchData ?? [];
    return players.find((p) => String(p.id) === seat)?.name ?? (isSeat(seat) ? SEAT_NAMES[seat] : 'Someone');
  };

  /** Mirrors the client into the view, the chat, the connection and the seat list, each only when it changed. */
  const update = () => {
    if (stopped) return;
    const s = client.getState();
    if (s && (!view || view.G !== (s.G as unknown) || view.ctx !== s.ctx || view.stateID !== s._stateID)) {
      view = { G: s.G, ctx: s.ctx, stateID: s._stateID };
      listeners.forEach((l) => l());
      if (announceReconnect && transport.isConnected) {
        announceReconnect = false;
        notify('info', 'Reconnected to the game server: the board is up to date.');
      }
    }
    const connected = transport.isConnected;
    if (connected !== lastConnected) {
      lastConnected = connected;
      announceReconnect = connected && everConnected;
      if (connected) everConnected = true;
      online.setState({
        connection: connected ? 'connected' : everConnected ? 'reconnecting' : 'connecting',
        say: connected && me.playerID !== null ? (text: string) => client.sendChatMessage(encodeChat(me.playerName, text)) : null,
      });
    }
    if (client.chatMessages !== chatSeen) {
      chatSeen = client.chatMessages;
      const chat: ChatLine[] = client.chatMessages.map((m) => {
        const { name, text } = decodeChat(m.payload, nameOf(m.sender));
        return { id: m.id, seat: isSeat(m.sender) ? m.sender : null, name, text };
      });
      online.setState({ chat });
    }
    if (client.matchData !== playersSeen) {
      playersSeen = client.matchData;
      const players: Partial<Record<SeatId, SeatPlayer>> = {};
      for (const p of client.matchData ?? []) {
        const id = String(p.id);
        // This browser's own seat goes by this browser's name (a teammate's, on a shared seat).
        if (isSeat(id)) players[id] = { name: id === me.playerID ? me.playerName : p.name, connected: p.isConnected };
      }
      onPlayers?.(players);
    }
  };

  // One subscription, fanned out here: boardgame.io numbers subscribers by count, so unsubscribing
  // one and subscribing another would overwrite a third.
  client.subscribe(update);
  client.start();

  const socket = transport.socket;
  if (socket) {
    socket.on(REFUSED_EVENT, (r: Refusal) => {
      if (stopped) return;
      if (r.event === 'update') notify('error', `${sending}: not accepted — ${refusalText(r)}`);
      else if (r.event === 'chat') notify('error', `Your chat message was not sent: ${r.error}`);
      else if (r.event === 'sync') {
        announceReconnect = false;
        const gone = r.code === 'unknown-match';
        online.setState({
          problem: gone
            ? { title: 'This match is no longer on the server', text: 'The server does not know this match any more (it may have been restarted without saving). Ask for a new link.' }
            : {
                title: 'This seat’s key was not accepted',
                text:
                  r.code === 'unauthorized'
                    ? 'The server did not recognise the key this browser keeps for the seat. If you came with a team link, ask your teammate to copy it again; otherwise open your join link again.'
                    : r.error,
              },
        });
      } else notify('error', r.error);
    });
    // A server that closes a socket itself (when it stops) is not retried by socket.io: retry.
    socket.on('disconnect', (reason: string) => {
      if (stopped || reason !== 'io server disconnect') return;
      setTimeout(() => {
        if (!stopped && !socket.connected) socket.connect();
      }, 1000);
    });
  }

  return {
    humans: me.playerID === null ? [] : [me.playerID],
    view: () => view,
    subscribe(_seat, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    move(seat, name, args) {
      if (seat !== me.playerID) throw new Error(`Seat ${seat} is not played from this browser.`);
      client.moves[name](...args);
    },
    stop() {
      stopped = true;
      listeners.clear();
      client.stop();
      if (online.getState().me === me) online.getState().reset();
    },
    remote: {
      isConnected: () => transport.isConnected,
      sending: (label) => {
        sending = label;
      },
    },
  };
}
