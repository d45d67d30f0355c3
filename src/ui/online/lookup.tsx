/** What a page says while its match is being looked up, or when it cannot be. */
import type { ReactNode } from 'react';
import { LinkProblem } from './LinkProblem';
import type { LobbyProblem, MatchInfo } from './lobby';

/** A message for each case, else null: the match is there. */
export function lookup(poll: { match?: MatchInfo; problem?: LobbyProblem }): ReactNode {
  if (poll.match) return null;
  if (poll.problem?.kind === 'unknown-match')
    return (
      <LinkProblem
        title="This link does not open a match"
        text="The game server has no match with this code. The link may be cut short or mistyped, or the match was removed. Ask whoever set up the match for the link again."
      />
    );
  if (poll.problem) return <LinkProblem title="The game server does not answer" text={`${poll.problem.message} Trying again every few seconds…`} />;
  return (
    <p className="loading" role="status">
      Looking up the match…
    </p>
  );
}
