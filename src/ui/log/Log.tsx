/** The log in plain language, as this seat (or a spectator) may read it, newest first. */
import { readerOf } from '../../game/log';
import { SEAT_NAMES } from '../../game/seats';
import type { LogEntry } from '../../game/state';
import { useG } from '../hooks';
import { useGame } from '../store';

const STEP_WORDS: Record<LogEntry['step'], string> = {
  setup: 'Setup',
  incident: 'Incident',
  negotiation: 'Talks',
  implementation: 'Implementation',
  domestic: 'At home',
  review: 'Review',
  end: 'End',
};

export function LogList({ entries }: { entries: LogEntry[] }) {
  const rounds = [...new Set(entries.map((e) => e.round))].sort((a, b) => b - a);
  return (
    <div className="log-rounds">
      {rounds.map((r) => (
        <section key={r} aria-label={r === 0 ? 'Setup' : `Round ${r}`}>
          <h3 className="small-head">{r === 0 ? 'Setup' : `Round ${r}`}</h3>
          <ul className="log-list">
            {entries
              .filter((e) => e.round === r)
              .reverse()
              .map((e, i) => (
                <li key={i} className={`log-${e.step}${e.to ? ' log-private' : ''}`}>
                  <span className="log-step">{STEP_WORDS[e.step]}</span> {e.text}
                  {e.to ? <span className="private-tag">{e.to.length === 1 ? 'only you' : `private: ${e.to.map((s) => SEAT_NAMES[s]).join(', ')}`}</span> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function Log() {
  const reader = useGame((s) => readerOf(s.seat));
  const log = useG((G) => G.log[reader]);
  return (
    <section className="panel log" aria-labelledby="log-title">
      <h2 id="log-title">Log</h2>
      <div role="log" aria-live="polite" aria-relevant="additions" className="log-scroll" tabIndex={0} aria-labelledby="log-title">
        <LogList entries={log.flat()} />
      </div>
    </section>
  );
}
