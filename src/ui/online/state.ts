/**
 * What only online play has, beside the board the main store mirrors: who this browser is at the
 * table, the connection, the chat, and a problem that stops the match from showing (a link that is
 * no longer good). The online session writes it; the online components read it.
 */
import { create } from 'zustand';
import type { SeatId } from '../../game/types';

export interface Me {
  matchID: string;
  /** null: watching. */
  playerID: SeatId | null;
  playerName: string;
  credentials?: string;
  teammate: boolean;
}

/** Who plays a seat online, as the server reports it. */
export interface SeatPlayer {
  name?: string;
  connected?: boolean;
}

export interface ChatLine {
  id: string;
  seat: SeatId | null;
  name: string;
  text: string;
}

export type Connection = 'connecting' | 'connected' | 'reconnecting';

export interface Problem {
  title: string;
  text: string;
}

export interface OnlineState {
  me: Me | null;
  connection: Connection;
  chat: ChatLine[];
  problem: Problem | null;
  /** Sends a chat line; null while no seat is connected (or when watching). */
  say: ((text: string) => void) | null;
  reset(): void;
}

const initial = { me: null, connection: 'connecting' as Connection, chat: [], problem: null, say: null };

export const useOnline = create<OnlineState>((set) => ({
  ...initial,
  reset: () => set(initial),
}));
