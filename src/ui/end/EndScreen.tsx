/** The debrief: the path reached and why, scores with every agenda revealed, and the game's curve. */
import { agendaMet } from '../../game/agendas';
import { totalRounds } from '../../game/calendar';
import { pathsMissed, type GameOver } from '../../game/endings';
import { readerOf } from '../../game/log';
import { METRIC_LABELS, describeCondition, metricValue } from '../../game/metrics';
import { entry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import { SEATS, type Metric } from '../../game/types';
import type { GameView } from '../../game/view';
import { useG } from '../hooks';
import { LogList } from '../log/Log';
import { rules } from '../rules';
import { useGame } from '../store';
import { TrendChart } from './TrendChart';

function cause(over: GameOver, rounds: number): string {
  const { tensionMax, trustCollapse, sustainedRounds } = rules.endings;
  const blame = over.blamed !== undefined ? ` ${SEAT_NAMES[over.blamed]} bears the blame: its hostile acts, breaches and refusals stood out.` : '';
  if (over.cause === 'tension') return `Tension stood at ${tensionMax} as ${sustainedRounds} rounds in a row ended: the region escalated into war.${blame}`;
  if (over.cause === 'collapse') return `Trust stood at ${trustCollapse} as a round ended: the talks collapsed.${blame}`;
  return `The talks ran all ${rounds} rounds; the final board decided the path.${blame}`;
}

/** What hidden cheats left undone: the board as declared against the board as it really is. */
function realGaps(G: GameView, over: GameOver): string[] {
  const real: GameView = { ...G, ...over.real };
  const metrics: Metric[] = ['breakoutMonths', 'enrichment', 'stockpile', 'centrifuges', 'access', 'sanctions', 'escrow', 'releasedTotal'];
  const gaps = metrics
    .filter((m) => metricValue(rules, G, m) !== metricValue(rules, real, m))
    .map((m) => `${METRIC_LABELS[m]}: declared ${metricValue(rules, G, m)}, really ${metricValue(rules, real, m)}`);
  const faked = G.measures.filter((m) => !over.real.measures.some((r) => r.id === m.id)).map((m) => `${entry(rules, 'measures', m.id).name}: declared, never in force`);
  return [...gaps, ...faked];
}

/** The rounds where Trust and Tension moved most: where to start the debrief. */
function turningPoints(history: { round: number; trust: number; tension: number }[], start: { trust: number; tension: number }): string[] {
  const steps = history.map((h, i) => {
    const prev = i === 0 ? start : history[i - 1];
    return { round: h.round, trust: h.trust - prev.trust, tension: h.tension - prev.tension };
  });
  const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);
  const worstTrust = [...steps].sort((a, b) => a.trust - b.trust)[0];
  const worstTension = [...steps].sort((a, b) => b.tension - a.tension)[0];
  const bestTrust = [...steps].sort((a, b) => b.trust - a.trust)[0];
  return [
    bestTrust && bestTrust.trust > 0 ? `Round ${bestTrust.round}: Trust ${signed(bestTrust.trust)}, the best round for the process.` : '',
    worstTrust && worstTrust.trust < 0 ? `Round ${worstTrust.round}: Trust ${signed(worstTrust.trust)}, the worst setback.` : '',
    worstTension && worstTension.tension > 0 ? `Round ${worstTension.round}: Tension ${signed(worstTension.tension)}, the most dangerous moment.` : '',
  ].filter(Boolean);
}

export function EndScreen({ over }: { over: GameOver }) {
  const G = useG((G) => G);
  const reader = useGame((s) => readerOf(s.seat));
  const lines = useG((G) => G.log[reader]);
  const leave = useGame((s) => s.leave);
  const path = rules.endings.paths.find((p) => p.path === over.path)!;
  const scenario = entry(rules, 'scenarios', G.scenario);
  const rounds = totalRounds(G.schedule);
  const bonus = rules.endings.outcomeBonus[over.path];
  const real: GameView = { ...G, ...over.real };
  const gaps = realGaps(G, over);
  const ranked = [...SEATS].sort((a, b) => over.scores[b] - over.scores[a]);
  const points = turningPoints(G.history, scenario.start);
  return (
    <section className={`end-screen path-${over.path}`} aria-labelledby="end-title">
      <p className="eyebrow">The talks are over</p>
      <h2 id="end-title">{path.name}</h2>
      <p className="end-text">{path.text}</p>
      <p className="end-cause">
        <strong>Why:</strong> {cause(over, rounds)}
      </p>
      {gaps.length ? (
        <div className="end-real">
          <p>
            <strong>Declared and real:</strong> cheats no verifier found left steps undone. The ending was decided on the real board.
          </p>
          <ul>
            {gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {over.cause === 'final'
        ? pathsMissed(rules, real, over.path).map((p) => (
            <p key={p.path} className="end-missed">
              <strong>Why not {p.name}:</strong> it {p.unmet.join('; ')}.
            </p>
          ))
        : null}
      {over.cause === 'final' && path.when.length ? (
        <ul className="end-conditions">
          {path.when.map((c, i) => (
            <li key={i}>
              ✓ {describeCondition(rules, c)} {'metric' in c ? `(final: ${metricValue(rules, real, c.metric)})` : ''}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>Scores</h3>
      <p className="muted">
        {over.path === 'escalation'
          ? 'Escalation: every seat scores 0. Everyone loses.'
          : `Each seat scores what ${path.name} is worth to it (U.S. ${bonus['0']}, Iran ${bonus['1']}, Mediator ${bonus['2']}) plus its agendas met on the real board, plus any cheat never found, less ${rules.negotiation.redPenalty} for each step a verifier found red and ${rules.negotiation.partialPenalty} for each found done only in part.`}{' '}
        {over.blamed !== undefined ? `${SEAT_NAMES[over.blamed]}, blamed, loses ${rules.endings.blame.penalty}.` : ''}{' '}
        {over.winner !== undefined ? `Winner: ${SEAT_NAMES[over.winner]}.` : 'No single winner.'}
      </p>
      <ol className="score-cards" aria-label="Scores, highest first">
        {ranked.map((seat) => (
          <li key={seat} className={over.winner === seat ? 'score-card winner' : 'score-card'}>
            <h4>
              {SEAT_NAMES[seat]}
              {over.winner === seat ? <span className="badge">★ winner</span> : null}
            </h4>
            <p className="score">
              {over.scores[seat]} <span className="muted">points</span>
            </p>
            <ul className="agenda-reveal" aria-label={`${SEAT_NAMES[seat]}'s agendas`}>
              {over.agendas[seat].map((id) => {
                const def = entry(rules, 'agendas', id);
                const met = agendaMet(rules, real, id);
                return (
                  <li key={id}>
                    <span className={met ? 'met' : 'unmet'}>{met ? '✓ met' : '✗ missed'}</span> <strong>{def.name}</strong> ({def.points}{' '}
                    pts) — {def.text}
                  </li>
                );
              })}
            </ul>
            <p className="muted">
              Cheats never found: {over.hiddenCheats[seat]} · Breaches found red: {over.breaches[seat]}
            </p>
          </li>
        ))}
      </ol>

      <h3>Trust and Tension, round by round</h3>
      <TrendChart start={scenario.start} history={G.history} rounds={rounds} max={rules.board.bounds.trust.max} />
      {points.length ? (
        <>
          <h3>Turning points</h3>
          <ul>
            {points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={leave}>
          New game
        </button>
      </div>
      <details className="debrief-log">
        <summary>The public record, for the debrief</summary>
        <LogList entries={lines.flat().filter((e) => !e.to)} />
      </details>
    </section>
  );
}
