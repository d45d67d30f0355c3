/** Your secret agendas, with whether the board would score them if the game ended now. */
import { agendaMet } from '../../game/agendas';
import { entry } from '../../game/ruleset';
import { isHidden } from '../../game/view';
import { useG, useSeat } from '../hooks';
import { rules } from '../rules';

export function Agendas() {
  const G = useG((G) => G);
  const seat = useSeat();
  const secret = G.secrets[seat];
  if (isHidden(secret)) return null;
  return (
    <section className="sub agendas" aria-labelledby="agendas-title">
      <h3 id="agendas-title">
        Your agendas <span className="private-tag">private</span>
      </h3>
      <ul className="agenda-list">
        {secret.agendas.map((id) => {
          const def = entry(rules, 'agendas', id);
          const met = agendaMet(rules, G, id);
          return (
            <li key={id}>
              <strong>{def.name}</strong> · {def.points} points
              <p>{def.text}</p>
              <p className={met ? 'met' : 'unmet'}>{met ? '✓ met on the board now' : '✗ not met yet'}</p>
            </li>
          );
        })}
      </ul>
      {secret.cheats.length ? (
        <p className="muted">
          Unseen cheats: {secret.cheats.length} (+{secret.cheats.reduce((n, c) => n + c.gain, 0)} points while they stay hidden).
        </p>
      ) : null}
    </section>
  );
}
