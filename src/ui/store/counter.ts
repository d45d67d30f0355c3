/** The proposal a seat is countering, which the proposal builder starts from. */
import type { CounterSlice, Slice } from './types';

export const counterSlice: Slice<CounterSlice> = (set) => ({
  counter: null,
  setCounter: (counter) => set({ counter }),
});
