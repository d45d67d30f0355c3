/** Where each track lives in `G`: one place to read and write a track by name. */
import type { GameState } from './state';
import { TRACKS, type Track } from './types';
import type { GameView } from './view';

export function isTrack(x: string): x is Track {
  return (TRACKS as readonly string[]).includes(x);
}

export function readTrack(G: GameView, t: Track): number {
  switch (t) {
    case 'trust':
    case 'tension':
      return G[t];
    case 'sanctions':
      return G.sanctions.level;
    case 'frozenAssets':
    case 'escrow':
      return G.sanctions[t];
    case 'enrichment':
    case 'stockpile':
    case 'centrifuges':
    case 'access':
      return G.nuclear[t];
    case 'heldByIran':
    case 'heldByUS':
    case 'releasedByIran':
    case 'releasedByUS':
      return G.detainees[t];
  }
}

export function writeTrack(G: GameState, t: Track, v: number): void {
  switch (t) {
    case 'trust':
    case 'tension':
      G[t] = v;
      return;
    case 'sanctions':
      G.sanctions.level = v;
      return;
    case 'frozenAssets':
    case 'escrow':
      G.sanctions[t] = v;
      return;
    case 'enrichment':
    case 'stockpile':
    case 'centrifuges':
    case 'access':
      G.nuclear[t] = v;
      return;
    case 'heldByIran':
    case 'heldByUS':
    case 'releasedByIran':
    case 'releasedByUS':
      G.detainees[t] = v;
      return;
  }
}
