/** Until every human seat is taken: who is here, the links for the seats still open, then the match. */
import { useEffect, useRef } from 'react';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import { useGame } from '../store';
import { PageHeading } from './PageHeading';
import { Roster, setupLine } from './Roster';
import { TeamLink } from './TeamLink';
import { humanSeats } from './lobby';
import { lookup } from './lookup';
import { forgetSeat } from './saved';
import type { Me } from './state';
import { useMatch } from './useMatch';

export function WaitingRoom({ me }: { me: Me }) {
  const poll = useMatch(me.matchID);
  const startOnline = useGame((s) => s.startOnline);
  const leaving = useGame((s) => s.go);
  const started = useRef(false);
  const match = poll.match;
  const open = match ? humanSeats(match).open : [];
  const ready = Boolean(match && (match.over || open.length === 0));
  useEffect(() => {
    if (!ready || started.current || !match) return;
    started.current = true;
    void startOnline(me, match.bots);
  }, [ready, match, me, startOnline]);
  useEffect(() => {
    // A seat in a match the server no longer has is forgotten.
    if (poll.problem?.kind === 'unknown-match' && me.playerID !== null) forgetSeat(me.matchID, me.playerID);
  }, [poll.problem, me]);
  const problem = lookup(poll);
  if (problem) return problem;
  if (ready)
    return (
      <p className="loading" role="status">
        Opening the match…
      </p>
    );
  return (
    <section className="online-page waiting-room" aria-labelledby="waiting-title">
      <p className="eyebrow">
        {me.playerID === null ? 'Watching' : `${SEAT_NAMES[me.playerID]} · ${me.playerName}${me.teammate ? ' (teammate)' : ''}`} · {setupLine(match!)}
      </p>
      <PageHeading id="waiting-title">Waiting for {open.map((s) => SEAT_TITLES[s.id]).join(' and ')}</PageHeading>
      <p role="status">
        {open.length === 1 ? 'One seat is' : `${open.length} seats are`} still open. The match opens on every screen once every seat is taken;
        this page checks every few seconds.
      </p>
      <Roster match={match!} me={me.playerID} invite />
      {me.playerID !== null ? (
        <div className="panel team-panel">
          <TeamLink me={me} />
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => leaving(null)}>
          Leave the waiting room
        </button>
      </div>
    </section>
  );
}
