/**
 * The UI's single store: a zustand mirror of the boardgame.io client that the screen shows, plus
 * what only the UI knows (the address, notices, the hot-seat hand-over, a counter-proposal being
 * drafted). It is composed of one slice per concern (see `types.ts`). Components select the slices
 * they need; moves go through `send`, which checks them first.
 */
import { create } from 'zustand';
import { counterSlice } from './counter';
import { dispatchSlice } from './dispatch';
import { focusSlice } from './focus';
import { hotseatSlice } from './hotseat';
import { matchSlice } from './match';
import { mirrorSlice } from './mirror';
import { noticesSlice } from './notices';
import { pacingSlice } from './pacing';
import { routeSlice } from './route';
import type { UIState } from './types';

export type { MatchOptions, Mode, Notice, UIState } from './types';

export const useGame = create<UIState>()((...api) => ({
  ...routeSlice(...api),
  ...noticesSlice(...api),
  ...matchSlice(...api),
  ...mirrorSlice(...api),
  ...hotseatSlice(...api),
  ...dispatchSlice(...api),
  ...counterSlice(...api),
  ...pacingSlice(...api),
  ...focusSlice(...api),
}));
