/** The round's regional incident: what happened, what softened it, and who must answer it. */
import { describeEffects } from '../../game/effects';
import { incidentModifier } from '../../game/incidents';
import { entry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import { useG } from '../hooks';
import { rules } from '../rules';
import { useGame } from '../store';

export function IncidentCard() {
  const G = useG((G) => G);
  // Null when watching an online match.
  const seat = useGame((s) => s.seat);
  const incident = G.incident;
  if (!incident) return null;
  const def = entry(rules, 'incidents', incident.id);
  const modifier = incident.modified ? incidentModifier(rules, G, def) : undefined;
  const response = incident.response;
  return (
    <section className={`panel incident incident-${def.kind}`} aria-labelledby="incident-title">
      <p className="eyebrow">
        Incident of round {G.round} · {def.kind === 'negative' ? '▼ setback' : '▲ opening'}
      </p>
      <h2 id="incident-title">{def.name}</h2>
      <p>{def.text}</p>
      {modifier ? <p className="incident-modified">{modifier.text}</p> : null}
      <p className="effects">Effect: {describeEffects(rules, modifier?.effects ?? def.effects)}.</p>
      {/* Your own pending answer is asked in your seat's panel, with its options. */}
      {response && !(response.choice === null && response.seat === seat) ? (
        <p className="incident-response">
          {response.choice === null
            ? `${SEAT_NAMES[response.seat]} must respond: ${def.response!.prompt}`
            : `${SEAT_NAMES[response.seat]} chose ${response.choice}: ${def.response![response.choice].text}`}
        </p>
      ) : null}
    </section>
  );
}
