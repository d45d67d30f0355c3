/** A match's seats as the Lobby API reports them, asked again every couple of seconds. */
import { useEffect, useState } from 'react';
import { getMatch, LobbyProblem, type MatchInfo } from './lobby';

export const POLL_MS = 2000;

export interface MatchPoll {
  match?: MatchInfo;
  /** The last failure: `unknown-match` ends the polling; others are retried. */
  problem?: LobbyProblem;
}

export function useMatch(matchID: string, every = POLL_MS): MatchPoll {
  const [poll, setPoll] = useState<MatchPoll & { id: string }>({ id: matchID });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    const load = async () => {
      try {
        const match = await getMatch(matchID, abort.signal);
        if (cancelled) return;
        setPoll({ id: matchID, match });
      } catch (err) {
        if (cancelled) return;
        const problem = err instanceof LobbyProblem ? err : new LobbyProblem('unreachable', String(err));
        setPoll((p) => ({ id: matchID, match: p.id === matchID && problem.kind !== 'unknown-match' ? p.match : undefined, problem }));
        if (problem.kind === 'unknown-match') return;
      }
      timer = setTimeout(() => void load(), every);
    };
    void load();
    return () => {
      cancelled = true;
      abort.abort();
      clearTimeout(timer);
    };
  }, [matchID, every]);
  // What was polled for another match is not this one's.
  return poll.id === matchID ? poll : {};
}
