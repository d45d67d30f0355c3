/**
 * Online play before the board: the page an address names — the table page (the links to share),
 * joining a seat (with a name, or a team link), watching, or what a link that does not work says.
 * Loaded only when the address names a match.
 */
import { JoinPage } from './JoinPage';
import { LinkProblem } from './LinkProblem';
import { TablePage } from './TablePage';
import { WatchPage } from './WatchPage';
import type { OnlineRoute } from './links';

export default function OnlineScreen({ route }: { route: OnlineRoute }) {
  switch (route.kind) {
    case 'bad':
      return <LinkProblem title="This link does not work" text={route.reason} />;
    case 'table':
      return <TablePage key={route.matchID} matchID={route.matchID} />;
    case 'watch':
      return <WatchPage key={`watch/${route.matchID}`} matchID={route.matchID} />;
    case 'join':
      return <JoinPage key={`${route.matchID}/${route.seat}`} route={route} />;
  }
}
