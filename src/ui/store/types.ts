/**
 * The shape of the UI's one store, slice by slice. Each slice's state and actions live in a file of
 * its own; the slices reach each other only through the store (`get()`), so they import nothing from
 * one another but these types. Actions marked "internal" are for the other slices, not components.
 */
import type { StateCreator } from 'zustand';
import type { BotConfig } from '../../bots/config';
import type { MoveName } from '../../game/enumerate';
import type { ItemId } from '../../game/ids';
import type { SetupData } from '../../game/setup';
import type { ProposalDraft } from '../../game/state';
import type { SeatId } from '../../game/types';
import type { Verdict } from '../../game/verdict';
import type { SeatView } from '../engine';
import type { OnlineRoute } from '../online/links';
import type { Me, SeatPlayer } from '../online/state';
import type { SavedGame, UnreadableSave } from '../session/saved';
import type { Session } from '../session/session';

export type Mode = 'solo' | 'hotseat' | 'online';

export type Bots = Partial<Record<SeatId, BotConfig>>;

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface MatchOptions {
  seed: string;
  setupData?: SetupData;
}

/** Where the page is: an online address, in step with the browser's history. */
export interface RouteSlice {
  /** The match, seat or table the address names (see `online/links.ts`); null on the start page. */
  route: OnlineRoute | null;
  /** Goes to an online address (or the start page), in the browser's history too. */
  go(route: OnlineRoute | null, opts?: { replace?: boolean }): void;
  /** Follows the address after the browser's Back or Forward; leaves an online match on screen. */
  syncRoute(): void;
}

/** Messages about moves and matches, the last three kept. */
export interface NoticesSlice {
  notices: Notice[];
  /** The id the next notice gets. */
  noticeSeq: number;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

/** The match on screen: starting one, putting its session on screen, leaving it. */
export interface MatchSlice {
  screen: 'start' | 'loading' | 'game';
  mode: Mode | null;
  bots: Bots;
  /** Online: the people at the table, by seat. */
  players: Partial<Record<SeatId, SeatPlayer>>;
  /** The running match; the store owns it and stops it on leaving. */
  session: Session | null;
  /** The games saved in this browser, newest first, as the start page lists them. */
  saved: SavedGame[];
  /** What is stored as a saved game but cannot be read: kept, and listed so it can be deleted. */
  unreadable: UnreadableSave[];
  startSolo(human: SeatId, bots: Bots, options: MatchOptions): Promise<void>;
  startHotseat(options: MatchOptions): Promise<void>;
  /** Replays a saved game and goes on with it; says why not if it cannot be replayed. */
  resume(id: string): Promise<void>;
  /** After a reload: goes straight back into the game this tab was playing, if it is still saved. */
  resumeAfterReload(): Promise<void>;
  /** Deletes a saved game (or an unreadable one) from this browser. */
  forget(id: string): void;
  /** Connects to a match on the game server as `me` (a seat, or a spectator). */
  startOnline(me: Me, bots: Bots): Promise<void>;
  /** Puts a running session on screen (the start actions use it; tests call it directly). */
  attach(session: Session, mode: Mode, bots?: Bots): void;
  /** Stops the match and goes back to the start page (online, its address too). */
  leave(): void;
  /** Internal: stops the match, leaving the address as it is. */
  close(): void;
}

/** The one seat whose client the store mirrors. */
export interface MirrorSlice {
  /** The seat whose screen is shown; null while a hot-seat device is being handed over, or when watching online. */
  seat: SeatId | null;
  view: SeatView | null;
  /** Ends the mirror's subscription to the session. */
  unmirror: (() => void) | null;
  /** Internal: mirrors `seat`'s client into the store, and only that one; a spectator's with `watching`. */
  mirror(seat: SeatId | null, watching?: boolean): void;
}

/** Hot-seat: one device passed between the seats, no seat's secrets on screen in between. */
export interface HotseatSlice {
  /** The seat asked to take the device and reveal its screen. */
  handOverTo: SeatId | null;
  reveal(): void;
  passDevice(): void;
  /** Internal: hides the screen and asks `to` to take the device. */
  handOver(to: SeatId): void;
  /** Internal: at the start, the device goes to the first seat the round waits for. */
  handOverFirst(): void;
  /** Internal: once the revealed seat has nothing left to do, the device goes to the next seat. */
  handOverIfIdle(seat: SeatId, view: SeatView | null): void;
  /** Internal: a seat that is done hands the device on, even when its Done opened a new round. */
  handOverAfterDone(seat: SeatId): void;
}

/** Solo: the bots' pace, and whether they wait for the person to see the round (`session/pacing.ts`). */
export interface PacingSlice {
  /** Milliseconds before each bot move; the player's pick, kept in this browser. */
  botDelay: number;
  setBotDelay(ms: number): void;
  /** The last round the person has seen, as the session has it; bots wait in any later round. */
  seenRound: number;
  /** The person has seen the round on screen: the bots may move in it. */
  seeRound(): void;
}

/** Keyboard focus after a move: the control a player goes on with, picked once the move is on screen. */
export interface FocusSlice {
  focusNext: (() => HTMLElement | null) | null;
  /** After the next change of the view, focuses what `pick` returns (nothing if it returns null). */
  focusAfterMove(pick: () => HTMLElement | null): void;
}

/** Moves from the screen to the session. */
export interface DispatchSlice {
  /**
   * Sends a move if `verdict` allows it; says why not otherwise, or if the game did not take it.
   * `focus` picks the control the keyboard focus goes to once the move is on screen.
   */
  send(name: MoveName, args: unknown[], verdict: Verdict, label: string, focus?: () => HTMLElement | null): boolean;
}

/** A proposal being countered, prefilled into the builder. */
export interface CounterSlice {
  counter: { id: ItemId; draft: ProposalDraft } | null;
  setCounter(counter: CounterSlice['counter']): void;
}

export type UIState = RouteSlice & NoticesSlice & MatchSlice & MirrorSlice & HotseatSlice & DispatchSlice & CounterSlice & PacingSlice & FocusSlice;

/** One slice's part of the store, with the whole store in reach. */
export type Slice<T> = StateCreator<UIState, [], [], T>;
