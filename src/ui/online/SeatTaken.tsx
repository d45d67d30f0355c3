/** A seat someone else has: how to join as a teammate (with their team link), or watch. */
import { useState, type FormEvent } from 'react';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import { useGame } from '../store';
import { StartPageButton, WatchButton } from './NavButtons';
import { PageHeading } from './PageHeading';
import { setupLine } from './Roster';
import { parseRoute, type JoinRoute, type OnlineRoute } from './links';
import type { MatchInfo } from './lobby';

export function SeatTaken({ route, match }: { route: JoinRoute; match: MatchInfo }) {
  const go = useGame((s) => s.go);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const holder = match.seats.find((s) => s.id === route.seat)?.name ?? 'someone';
  const open = (e: FormEvent) => {
    e.preventDefault();
    let next: OnlineRoute | null;
    try {
      next = parseRoute(new URL(pasted.trim(), window.location.origin).search);
    } catch {
      next = null;
    }
    if (next?.kind === 'join' && next.key && next.matchID === route.matchID) go(next);
    else setError('That is not a team link for this match. A team link ends with "&key=…".');
  };
  return (
    <section className="online-page seat-taken" aria-labelledby="taken-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="taken-title">{SEAT_NAMES[route.seat]} is already taken</PageHeading>
      <p>
        <strong>{holder}</strong> plays {SEAT_TITLES[route.seat]} in this match.
      </p>
      <h3>Join as a teammate</h3>
      <p>
        Ask {holder} for the team link on their screen: it carries the seat’s key, so you play {SEAT_TITLES[route.seat]} together, each from
        your own browser.
      </p>
      <form className="paste-form" onSubmit={open}>
        <label htmlFor="paste-team-link">Paste the team link here</label>
        <div className="copy-row">
          <input
            id="paste-team-link"
            className="link-field"
            value={pasted}
            onChange={(e) => {
              setPasted(e.target.value);
              setError(null);
            }}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'paste-error' : undefined}
          />
          <button type="submit" disabled={!pasted.trim()}>
            Join as a teammate
          </button>
        </div>
        {error ? (
          <p id="paste-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <div className="button-row">
        <WatchButton matchID={route.matchID}>Watch instead</WatchButton>
        <StartPageButton />
      </div>
    </section>
  );
}
