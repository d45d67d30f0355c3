/** Moves from the screen: checked first, then sent to the session, with a notice when one fails. */
import type { DispatchSlice, Slice } from './types';

export const dispatchSlice: Slice<DispatchSlice> = (set, get) => ({
  send(name, args, verdict, label, focus) {
    const { seat, session, notify } = get();
    if (!verdict.ok) {
      notify('error', `${label}: ${verdict.reason}`);
      return false;
    }
    if (!session || seat === null) {
      notify('error', `${label}: no game is running.`);
      return false;
    }
    if (session.remote) {
      // Online, the server answers later: a refusal comes back as a notice from the session.
      if (!session.remote.isConnected()) {
        notify('error', `${label}: the connection to the game server is down. Wait until it is back, then try again.`);
        return false;
      }
      session.remote.sending(label);
      // The focus moves when the server's answer is on screen.
      if (focus) set({ focusNext: focus });
      session.move(seat, name, args);
      return true;
    }
    const before = session.view(seat)?.stateID;
    // Asked for before the move, so that it is there when the move's view renders.
    if (focus) set({ focusNext: focus });
    session.move(seat, name, args);
    // The local master answers synchronously, so an unchanged state means the move was refused.
    if (session.view(seat)?.stateID === before) {
      if (focus) set({ focusNext: null });
      notify('error', `${label}: the game did not accept this move. Check the board and try again.`);
      return false;
    }
    if (name === 'done') get().handOverAfterDone(seat);
    return true;
  },
});
