/**
 * Leaving asks once, saying how to come back: a game in this browser stays saved and is resumed
 * from the start page; online, the seat stays yours and its link brings you back. A finished game,
 * or watching, leaves at once.
 */
import { useState } from 'react';
import { useGame } from './store';

export function LeaveButton() {
  const leave = useGame((s) => s.leave);
  const over = useGame((s) => Boolean(s.view?.ctx.gameover));
  const online = useGame((s) => s.mode === 'online');
  const watching = useGame((s) => s.mode === 'online' && s.seat === null);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => (over || watching ? leave() : setAsking(true))}>
        {watching ? 'Stop watching' : 'Leave game'}
      </button>
    );
  return (
    <span className="leave-confirm" role="group" aria-label="Leave this game?">
      <span>{online
          ? 'Leave? Your seat waits for you: open your link again to come back.'
          : 'Leave? The game stays saved in this browser: resume it from the start page.'}</span>
      <button type="button" onClick={leave} autoFocus>
        Yes, leave
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Stay
      </button>
    </span>
  );
}
