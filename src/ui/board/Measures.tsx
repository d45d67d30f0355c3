/** The measures in place, who put them there and when each lapses. */
import { entry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import { useG } from '../hooks';
import { rules } from '../rules';

export function Measures() {
  const measures = useG((G) => G.measures);
  const round = useG((G) => G.round);
  return (
    <section className="panel measures" aria-labelledby="measures-title">
      <h2 id="measures-title">Measures in place ({measures.length})</h2>
      {measures.length === 0 ? (
        <p className="muted">None yet. Moratoria, channels and monitoring teams appear here.</p>
      ) : (
        <ul className="measure-list">
          {measures.map((m) => {
            const def = entry(rules, 'measures', m.id);
            const left = m.until === null ? null : m.until - round;
            return (
              <li key={m.id}>
                <strong>{def.name}</strong>
                <span className={left !== null && left <= 0 ? 'expiry expiring' : 'expiry'}>
                  {m.until === null ? 'stays' : left! <= 0 ? 'lapses at the end of this round' : `until the end of round ${m.until}`}
                </span>
                <span className="muted measure-by">{m.by === null ? 'from the start' : `by ${SEAT_NAMES[m.by]}`}</span>
                <p className="measure-text">{def.text}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
