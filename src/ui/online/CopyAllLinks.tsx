/** Every open seat's link and the spectator link in one block of text, for a class chat. */
import { SEAT_NAMES } from '../../game/seats';
import { CopyStatus, useCopyStatus } from './CopyLink';
import { setupLine } from './Roster';
import { copyText } from './copy';
import { linkOf } from './links';
import { humanSeats, type MatchInfo } from './lobby';

export function CopyAllLinks({ match }: { match: MatchInfo }) {
  const [status, setStatus] = useCopyStatus();
  const { open } = humanSeats(match);
  const text = [
    `Backchannel — ${setupLine(match)}`,
    ...open.map((s) => `${SEAT_NAMES[s.id]}: ${linkOf({ kind: 'join', matchID: match.matchID, seat: s.id })}`),
    `Watch: ${linkOf({ kind: 'watch', matchID: match.matchID })}`,
  ].join('\n');
  return (
    <div className="copy-row copy-all">
      <button type="button" className="primary" onClick={() => void copyText(text).then((ok) => setStatus(ok ? 'copied' : 'manual'))}>
        Copy all links, for a class chat
      </button>
      <CopyStatus status={status} manual="The clipboard cannot be reached from this page: copy the links one by one." />
    </div>
  );
}
