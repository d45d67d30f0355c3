/**
 * An online match on screen: the same board as solo and hot-seat, with the connection, the chat and
 * the table's links around it; or, when the server turned the link down, why and what to do.
 */
import { SEAT_NAMES } from '../../game/seats';
import { SEATS } from '../../game/types';
import GameScreen from '../game/GameScreen';
import { useGame } from '../store';
import { Chat } from './Chat';
import { ConnectionBadge, ConnectionBanner } from './Connection';
import { CopyLink } from './CopyLink';
import { LinkProblem } from './LinkProblem';
import { TeamLink } from './TeamLink';
import { linkOf } from './links';
import { forgetSeat } from './saved';
import { useOnline } from './state';

/** The table's links, folded away: the team link for this seat, and the spectator link. */
function TableLinks() {
  const me = useOnline((s) => s.me);
  const bots = useGame((s) => s.bots);
  const players = useGame((s) => s.players);
  if (!me) return null;
  const open = SEATS.filter((s) => !bots[s] && !players[s]?.name);
  return (
    <details className="panel table-links">
      <summary>{me.playerID === null ? 'Links to this match' : 'Team link and links to this match'}</summary>
      {me.playerID !== null ? <TeamLink me={me} /> : null}
      {open.map((seat) => (
        <CopyLink key={seat} id={`game-join-${seat}`} label={`Join link for ${SEAT_NAMES[seat]}`} url={linkOf({ kind: 'join', matchID: me.matchID, seat })} />
      ))}
      <CopyLink id="game-watch-link" label="Spectator link" url={linkOf({ kind: 'watch', matchID: me.matchID })} />
    </details>
  );
}

export default function OnlineGame() {
  const problem = useOnline((s) => s.problem);
  const me = useOnline((s) => s.me);
  const leave = useGame((s) => s.leave);
  const go = useGame((s) => s.go);
  if (problem && me)
    return (
      <LinkProblem title={problem.title} text={problem.text}>
        {me.playerID !== null ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              const seat = me.playerID!;
              forgetSeat(me.matchID, seat);
              leave();
              go({ kind: 'join', matchID: me.matchID, seat });
            }}
          >
            Forget this seat and open its link again
          </button>
        ) : null}
      </LinkProblem>
    );
  return (
    <>
      <ConnectionBanner />
      <GameScreen
        status={<ConnectionBadge />}
        talks={
          <>
            <Chat />
            <TableLinks />
          </>
        }
      />
    </>
  );
}
