/** The store's copy of one seat's view of the match, kept up to date from the session. */
import type { MirrorSlice, Slice } from './types';

export const mirrorSlice: Slice<MirrorSlice> = (set, get) => ({
  seat: null,
  view: null,
  unmirror: null,
  mirror(seat, watching = false) {
    get().unmirror?.();
    set({ unmirror: null });
    const session = get().session;
    if (!session || (seat === null && !watching)) {
      set({ seat, view: null });
      return;
    }
    const update = () => {
      const view = session.view(seat);
      // A person's move marks its round seen in the session; the screen stops asking.
      set({ view, seenRound: session.pace?.seenRound() ?? 0 });
      if (seat !== null) get().handOverIfIdle(seat, view);
    };
    const unmirror = session.subscribe(seat, update);
    set({ seat, unmirror });
    update();
  },
});
