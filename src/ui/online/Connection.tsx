/** The link to the game server: a small mark in the status bar, and a banner while it is down. */
import { useOnline } from './state';

const WORDS = { connected: '● Connected', connecting: '◌ Connecting…', reconnecting: '⚠ Reconnecting…' } as const;

export function ConnectionBadge() {
  const connection = useOnline((s) => s.connection);
  return <span className={`conn conn-${connection}`}>{WORDS[connection]}</span>;
}

export function ConnectionBanner() {
  const connection = useOnline((s) => s.connection);
  if (connection === 'connected') return null;
  return connection === 'reconnecting' ? (
    <div className="conn-banner is-lost" role="alert">
      <strong>The connection to the game server was lost.</strong> Reconnecting… The board may be out of date, and your moves wait until
      the connection is back.
    </div>
  ) : (
    <div className="conn-banner" role="status">
      Connecting to the game server…
    </div>
  );
}
