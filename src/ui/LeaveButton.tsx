/** Leaving ends the match for good, so it asks once; a finished game leaves at once. */
import { useState } from 'react';
import { useGame } from './store';

export function LeaveButton() {
  const leave = useGame((s) => s.leave);
  const over = useGame((s) => Boolean(s.view?.ctx.gameover));
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => (over ? leave() : setAsking(true))}>
        Leave game
      </button>
    );
  return (
    <span className="leave-confirm" role="group" aria-label="Leave this game?">
      <span>Leave? The game is lost.</span>
      <button type="button" onClick={leave} autoFocus>
        Yes, leave
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Stay
      </button>
    </span>
  );
}
