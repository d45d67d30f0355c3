/**
 * The eighteen months: every round in its phase, with the round in play marked. Each phase is named
 * above its rounds and has a pattern of its own on the rounds' edge, so phases do not differ by
 * colour alone.
 */
import { placeOfRound, totalRounds } from '../../game/calendar';
import { phaseName, phaseShortName } from '../../game/ruleset';
import type { PhaseId } from '../../game/types';
import { useCtx, useG } from '../hooks';
import { rules } from '../rules';

export function Timeline() {
  const schedule = useG((G) => G.schedule);
  const round = useG((G) => G.round);
  const responding = Object.values(useCtx().activePlayers ?? {}).includes('respond');
  const total = totalRounds(schedule);
  const rounds = Array.from({ length: total }, (_, i) => i + 1);
  const place = placeOfRound(schedule, Math.max(1, round));
  // The phases in order with how many rounds each spans, for the names above the rounds.
  const spans: { phase: PhaseId; rounds: number }[] = [];
  for (const r of rounds) {
    const { phase } = placeOfRound(schedule, r);
    if (spans.at(-1)?.phase === phase) spans.at(-1)!.rounds++;
    else spans.push({ phase, rounds: 1 });
  }
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        Round {round} of {total} · {phaseName(rules, place.phase)}
      </h2>
      <p className="timeline-sub">
        Months {place.monthStart}–{place.monthEnd} of 18 · {responding ? 'Incident response' : 'Negotiation'}
      </p>
      <div className="timeline-phases" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${total}, 1fr)` }}>
        {spans.map((s) => (
          <span key={s.phase} className={`tl-phase tl-${s.phase}`} style={{ gridColumn: `span ${s.rounds}` }}>
            {phaseShortName(rules, s.phase)}
          </span>
        ))}
      </div>
      <ol className="timeline-rounds" style={{ gridTemplateColumns: `repeat(${total}, 1fr)` }}>
        {rounds.map((r) => {
          const p = placeOfRound(schedule, r);
          const state = r < round ? 'past' : r === round ? 'now' : 'future';
          return (
            <li key={r} className={`tl-${state} tl-${p.phase}`} aria-current={r === round ? 'step' : undefined}>
              <span className="tl-round">R{r}</span>
              <span className="tl-months">m{p.monthStart}–{p.monthEnd}</span>
              <span className="sr-only">
                , {phaseShortName(rules, p.phase)}
                {state === 'now' ? ' (now)' : state === 'past' ? ' (played)' : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
