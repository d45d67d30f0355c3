/** The team link of a seat this browser plays, to pass to teammates: it carries the seat's key. */
import { SEAT_NAMES } from '../../game/seats';
import { CopyLink } from './CopyLink';
import { linkOf } from './links';
import type { Me } from './state';

const TEAM_SENTENCE = 'Anyone who opens the team link plays this seat with you, each from their own browser and under their own name in the chat — share it only with your teammates.';

export function TeamLink({ me }: { me: Me }) {
  if (me.playerID === null || !me.credentials) return null;
  return (
    <CopyLink
      id="team-link"
      label={`Team link for ${SEAT_NAMES[me.playerID]}`}
      url={linkOf({ kind: 'join', matchID: me.matchID, seat: me.playerID, key: me.credentials })}
      note={TEAM_SENTENCE}
    />
  );
}
