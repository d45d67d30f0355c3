/** The ways out of an online page: to the start page, or to watching the match. */
import type { ReactNode } from 'react';
import { useGame } from '../store';

export function StartPageButton() {
  const go = useGame((s) => s.go);
  const leave = useGame((s) => s.leave);
  const inGame = useGame((s) => s.mode === 'online');
  return (
    <button type="button" onClick={() => (inGame ? leave() : go(null))}>
      Go to the start page
    </button>
  );
}

export function WatchButton({ matchID, children = 'Watch this match' }: { matchID: string; children?: ReactNode }) {
  const go = useGame((s) => s.go);
  return (
    <button type="button" onClick={() => go({ kind: 'watch', matchID })}>
      {children}
    </button>
  );
}
