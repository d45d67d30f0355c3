/**
 * `?match=ID&seat=N` (take the seat) or `…&key=K` (join its team): a name, then the waiting room;
 * or, for a seat that cannot be joined, why not.
 */
import { useState, type FormEvent } from 'react';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import { useGame } from '../store';
import { LinkProblem } from './LinkProblem';
import { lastName, NameField } from './NameField';
import { WatchButton } from './NavButtons';
import { PageHeading } from './PageHeading';
import { Roster, setupLine } from './Roster';
import { SeatTaken } from './SeatTaken';
import { cleanName } from './chat';
import type { JoinRoute } from './links';
import { joinMatch, LobbyProblem } from './lobby';
import { lookup } from './lookup';
import { saveSeat, type SavedSeat } from './saved';
import { useMatch } from './useMatch';

export function JoinForm({ route, onJoined }: { route: JoinRoute; onJoined(seat: SavedSeat): void }) {
  const poll = useMatch(route.matchID);
  const go = useGame((s) => s.go);
  const [name, setName] = useState(lastName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const problem = lookup(poll);
  if (problem) return problem;
  const match = poll.match!;
  const { matchID, seat, key } = route;
  const info = match.seats.find((s) => s.id === seat);
  if (!info) return <LinkProblem title="This seat is not in the match" text={`The match has no seat ${seat}.`} />;
  if (match.bots[seat])
    return (
      <LinkProblem
        title={`A bot plays ${SEAT_TITLES[seat]}`}
        text={`This match was set up with a bot in the seat of ${SEAT_TITLES[seat]}, so nobody can join it. You can watch the match instead.`}
      >
        <WatchButton matchID={matchID} />
      </LinkProblem>
    );
  if (match.over)
    return (
      <LinkProblem title="This match has finished" text="The talks are over, so no seat can be joined any more. You can still see how they ended.">
        <WatchButton matchID={matchID}>See how it ended</WatchButton>
      </LinkProblem>
    );
  if (key && !info.name)
    return (
      <LinkProblem
        title="There is no team to join yet"
        text={`Nobody has taken the seat of ${SEAT_TITLES[seat]} yet, so this team link cannot work. Open the seat’s join link instead.`}
      >
        <button type="button" className="primary" onClick={() => go({ kind: 'join', matchID, seat })}>
          Take the seat
        </button>
      </LinkProblem>
    );
  if (!key && (info.name || taken)) return <SeatTaken route={route} match={match} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const playerName = cleanName(name);
    if (!playerName) return setError('Write a name first.');
    setBusy(true);
    setError(null);
    try {
      if (key) {
        const saved = saveSeat({ matchID, playerID: seat, credentials: key, playerName, teammate: true });
        // The key leaves the address bar (it may be on a projector); this browser keeps it.
        go({ kind: 'join', matchID, seat }, { replace: true });
        onJoined(saved);
        return;
      }
      const credentials = await joinMatch(matchID, seat, playerName);
      onJoined(saveSeat({ matchID, playerID: seat, credentials, playerName, teammate: false }));
    } catch (err) {
      setBusy(false);
      if (err instanceof LobbyProblem && err.kind === 'seat-taken') setTaken(true);
      else setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="online-page join-page" aria-labelledby="join-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="join-title" focus={false}>
        {key ? `Join the ${SEAT_NAMES[seat]} team` : `Play ${SEAT_TITLES[seat]}`}
      </PageHeading>
      <p>
        {key
          ? `${info.name} already plays ${SEAT_TITLES[seat]}; with this team link you play the seat together, each from your own browser.`
          : `You take the seat of ${SEAT_TITLES[seat]}. Once you have joined, you get a team link for anyone who is to play the seat with you.`}
      </p>
      <form className="start-form join-form" onSubmit={(e) => void submit(e)}>
        <div className="setup-fields">
          <NameField value={name} onChange={setName} />
        </div>
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? 'Joining…' : key ? `Join as a teammate` : `Join as ${SEAT_NAMES[seat]}`}
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <Roster match={match} invite={false} />
    </section>
  );
}
