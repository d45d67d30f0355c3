/**
 * What a seat is sent: boardgame.io's filter (`playerView` and the redacted log), plus what it
 * misses. 0.50.2 sends the initial state a sync carries whole (every seat's agendas and hand, the
 * decks and the random seed), and marks other seats' secret moves in the log.
 */
import type { LogEntry } from 'boardgame.io';
import { getFilterPlayerView, type ProcessGameConfig } from 'boardgame.io/internal';

export type Filter = ReturnType<typeof getFilterPlayerView>;

/**
 * Leaves out of the action log boardgame.io sends a seat every other seat's secret (`redact`)
 * move. boardgame.io keeps such an entry with its arguments blanked, and even renamed it would
 * still carry its seat and state id: each one would mark the moment of a hidden move, such as a
 * backchannel proposal.
 */
function withoutSecretMoves(log: LogEntry[] | undefined, playerID: string | null): LogEntry[] | undefined {
  return log?.filter((e) => e.action.payload.args !== null || e.action.payload.playerID === playerID);
}

export function seatFilter(game: ReturnType<typeof ProcessGameConfig>): Filter {
  const filter = getFilterPlayerView(game);
  return (playerID, payload) => {
    const out = filter(playerID, payload);
    if (out.type === 'update') {
      const [id, state, log] = out.args;
      return { type: 'update', args: [id, state, withoutSecretMoves(log, playerID)!] };
    }
    if (out.type === 'sync') {
      const [id, info] = out.args;
      const initial = info.initialState && filter(playerID, { type: 'update', args: [id, info.initialState] });
      const initialState = initial?.type === 'update' ? initial.args[1] : undefined;
      return { type: 'sync', args: [id, { ...info, log: withoutSecretMoves(info.log, playerID)!, initialState: initialState! }] };
    }
    return out;
  };
}
