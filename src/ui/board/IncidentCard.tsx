/**
 * The round's regional incident: what happened, what softened it, and who must answer it. In solo
 * the bots wait until the person has read it: a button here lets them go (so does any move).
 */
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
  const session = useGame((s) => s.session);
  const seenRound = useGame((s) => s.seenRound);
  const seeRound = useGame((s) => s.seeRound);
  const incident = G.incident;
  if (!incident) return null;
  const def = entry(rules, 'incidents', incident.id);
  const modifier = incident.modified ? incidentModifier(rules, G, def) : undefined;
  const response = incident.response;
  const botsWait = Boolean(session?.pace) && seenRound < G.round;
  return (
    <section className={`panel incident incident-${def.kind}`} aria-labelledby="incident-title">
      <p className="eyebrow">
        Incident of round {G.round} · {def.kind === 'negative' ? '▼ setback' : '▲ opening'}
      </p>
      <h2 id="incident-title" tabIndex={-1}>
        {def.name}
      </h2>
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
      {botsWait ? (
        <div className="bots-wait">
          <p>The bots wait until you have read this.</p>
          <button type="button" className="primary" onClick={seeRound}>
            Let the round begin
          </button>
        </div>
      ) : null}
    </section>
  );
}
