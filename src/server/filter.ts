/**
 * What a seat is sent: boardgame.io's filter (`playerView` and the redacted log), plus what it
 * misses. 0.50.2 sends the initial state a sync carries whole (every seat's agendas and hand, the
 * decks and the random seed), and names other seats' secret moves in the log.
 */
import type { LogEntry } from 'boardgame.io';
import { getFilterPlayerView, type ProcessGameConfig } from 'boardgame.io/internal';

export type Filter = ReturnType<typeof getFilterPlayerView>;

/**
 * In the action log boardgame.io sends a seat, another seat's secret (`redact`) move keeps its
 * name with its arguments blanked: a `propose` nobody else can see would betray backchannel
 * traffic. Those entries are sent as a move named `secret`.
 */
function hideSecretMoves(log: LogEntry[] | undefined, playerID: string | null): LogEntry[] | undefined {
  return log?.map((e) =>
    e.action.payload.args === null && e.action.payload.playerID !== playerID
      ? ({ ...e, action: { ...e.action, payload: { ...e.action.payload, type: 'secret' } } } as LogEntry)
      : e,
  );
}

export function seatFilter(game: ReturnType<typeof ProcessGameConfig>): Filter {
  const filter = getFilterPlayerView(game);
  return (playerID, payload) => {
    const out = filter(playerID, payload);
    if (out.type === 'update') {
      const [id, state, log] = out.args;
      return { type: 'update', args: [id, state, hideSecretMoves(log, playerID)!] };
    }
    if (out.type === 'sync') {
      const [id, info] = out.args;
      const initial = info.initialState && filter(playerID, { type: 'update', args: [id, info.initialState] });
      const initialState = initial?.type === 'update' ? initial.args[1] : undefined;
      return { type: 'sync', args: [id, { ...info, log: hideSecretMoves(info.log, playerID)!, initialState: initialState! }] };
    }
    return out;
  };
}
