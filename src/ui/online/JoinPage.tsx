/** A seat's link: straight to the waiting room for a seat this browser holds, else the join form. */
import { useEffect, useMemo, useState } from 'react';
import { useGame } from '../store';
import { JoinForm } from './JoinForm';
import { WaitingRoom } from './WaitingRoom';
import type { JoinRoute } from './links';
import { savedSeat } from './saved';
import type { Me } from './state';

export function JoinPage({ route }: { route: JoinRoute }) {
  const go = useGame((s) => s.go);
  const [saved, setSaved] = useState(() => {
    const s = savedSeat(route.matchID, route.seat);
    return s && (!route.key || route.key === s.credentials) ? s : undefined;
  });
  useEffect(() => {
    // Back at a team link this browser has used: the key leaves the address bar.
    if (saved && route.key) go({ kind: 'join', matchID: route.matchID, seat: route.seat }, { replace: true });
  }, [saved, route, go]);
  const me = useMemo<Me | null>(
    () =>
      saved
        ? { matchID: saved.matchID, playerID: saved.playerID, credentials: saved.credentials, playerName: saved.playerName, teammate: saved.teammate }
        : null,
    [saved],
  );
  if (me) return <WaitingRoom me={me} />;
  return <JoinForm route={route} onJoined={setSaved} />;
}
