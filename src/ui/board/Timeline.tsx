/** The eighteen months: every round in its phase, with the round in play marked. */
import { placeOfRound, totalRounds } from '../../game/calendar';
import { phaseName } from '../../game/ruleset';
import { useCtx, useG } from '../hooks';
import { rules } from '../rules';


export function Timeline() {
  const schedule = useG((G) => G.schedule);
  const round = useG((G) => G.round);
  const responding = Object.values(useCtx().activePlayers ?? {}).includes('respond');
  const total = totalRounds(schedule);
  const rounds = Array.from({ length: total }, (_, i) => i + 1);
  const place = placeOfRound(schedule, Math.max(1, round));
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        Round {round} of {total} · {phaseName(rules, place.phase)}
      </h2>
      <p className="timeline-sub">
        Months {place.monthStart}–{place.monthEnd} of 18 · {responding ? 'Incident response' : 'Negotiation'}
      </p>
      <ol className="timeline-rounds">
        {rounds.map((r) => {
          const p = placeOfRound(schedule, r);
          const state = r < round ? 'past' : r === round ? 'now' : 'future';
          return (
            <li key={r} className={`tl-${state} tl-${p.phase}`} aria-current={r === round ? 'step' : undefined}>
              <span className="tl-round">R{r}</span>
              <span className="tl-months">m{p.monthStart}–{p.monthEnd}</span>
              <span className="sr-only">{state === 'now' ? ' (now)' : state === 'past' ? ' (played)' : ''}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
