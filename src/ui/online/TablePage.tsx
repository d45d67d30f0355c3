/** `?match=ID`: for whoever set the match up — every seat's link, the spectator link, who has joined. */
import { SEAT_NAMES } from '../../game/seats';
import { useGame } from '../store';
import { CopyAllLinks } from './CopyAllLinks';
import { CopyLink } from './CopyLink';
import { StartPageButton, WatchButton } from './NavButtons';
import { PageHeading } from './PageHeading';
import { Roster, setupLine } from './Roster';
import { linkOf } from './links';
import { humanSeats } from './lobby';
import { lookup } from './lookup';
import { savedSeats } from './saved';
import { useMatch } from './useMatch';

export function TablePage({ matchID }: { matchID: string }) {
  const poll = useMatch(matchID);
  const go = useGame((s) => s.go);
  const problem = lookup(poll);
  if (problem) return problem;
  const match = poll.match!;
  const { open } = humanSeats(match);
  const mine = savedSeats().filter((s) => s.matchID === matchID);
  return (
    <section className="online-page table-page" aria-labelledby="table-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="table-title">
        {match.over ? 'This match has finished' : open.length ? 'Send each seat its link' : 'Every seat is taken: the match is on'}
      </PageHeading>
      {match.over ? (
        <p>The talks are over. Watch to see how they ended, and to debrief.</p>
      ) : open.length ? (
        <p>
          Send each link to whoever plays that seat — for a team, to its first player, who then gets a team link for the others. The
          match opens on every screen once every seat is taken. This page shows who has joined.
        </p>
      ) : (
        <p>Everyone is at the table. Open the spectator link on a projector to follow the board and the chat.</p>
      )}
      {poll.problem ? <p className="why">{poll.problem.message} Trying again…</p> : null}
      {open.length && !match.over ? <CopyAllLinks match={match} /> : null}
      <Roster match={match} invite />
      <div className="panel watch-panel">
        <CopyLink
          id="watch-link"
          label="Spectator link"
          url={linkOf({ kind: 'watch', matchID })}
          note="For a projector or observers: the board, the agreements and the chat, and none of the seats’ secrets."
        />
      </div>
      <div className="button-row">
        {mine.map((s) => (
          <button key={s.playerID} type="button" className="primary" onClick={() => go({ kind: 'join', matchID, seat: s.playerID })}>
            Return to your seat: {SEAT_NAMES[s.playerID]}, as {s.playerName}
          </button>
        ))}
        <WatchButton matchID={matchID}>{match.over ? 'See how it ended' : 'Watch this match'}</WatchButton>
        <StartPageButton />
      </div>
    </section>
  );
}
