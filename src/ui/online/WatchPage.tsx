/** `?match=ID&watch`: a spectator, who waits with the others and then sees the board without secrets. */
import { useState } from 'react';
import { WaitingRoom } from './WaitingRoom';
import type { Me } from './state';

export function WatchPage({ matchID }: { matchID: string }) {
  // One spectator for the page's life, so the waiting room does not start over on each render.
  const [me] = useState<Me>(() => ({ matchID, playerID: null, playerName: 'Spectator', teammate: false }));
  return <WaitingRoom me={me} />;
}
