/** The two shared tracks, largest on the board: what the process has earned and how close war is. */
import { phaseShortName } from '../../game/ruleset';
import { useG } from '../hooks';
import { rules } from '../rules';

type TrackName = 'trust' | 'tension';

/** The thresholds the endings set on a track, in words, so players see what each step means. */
function thresholds(track: TrackName): string[] {
  const { paths, tensionMax, trustCollapse, sustainedRounds, protectedPhases } = rules.endings;
  const notes = paths.flatMap((p) =>
    p.when.flatMap((c) => ('metric' in c && c.metric === track ? [`${p.name} ${c.op === '>=' ? '≥' : '≤'} ${c.value}`] : [])),
  );
  const spared = protectedPhases.map((p) => phaseShortName(rules, p)).join(' and ');
  return track === 'trust'
    ? [`Talks collapse at ${trustCollapse} as a round ends (suspended in ${spared})`, ...notes]
    : [`Escalation at ${tensionMax} as ${sustainedRounds} rounds in a row end (not in ${spared})`, ...notes];
}

function Track({ track, label, value, change }: { track: TrackName; label: string; value: number; change?: number }) {
  const { min, max } = rules.board.bounds[track];
  const cells = Array.from({ length: max - min }, (_, i) => min + 1 + i);
  return (
    <div className={`track track-${track}`}>
      <div className="track-head">
        <h3 id={`track-${track}`}>{label}</h3>
        <p className="track-value">
          <strong>{value}</strong>
          <span className="muted"> / {max}</span>
          {change ? <span className="track-change">{change > 0 ? ` ▲ +${change}` : ` ▼ −${-change}`} this round</span> : null}
        </p>
      </div>
      <div
        className="track-scale"
        role="meter"
        aria-labelledby={`track-${track}`}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={`${label} ${value} of ${max}`}
      >
        {cells.map((n) => (
          <span key={n} className={n <= value ? 'cell filled' : 'cell'} aria-hidden="true">
            {n}
          </span>
        ))}
      </div>
      <p className="track-notes">{thresholds(track).join(' · ')}</p>
    </div>
  );
}

export function Tracks() {
  const trust = useG((G) => G.trust);
  const tension = useG((G) => G.tension);
  const trustAtStart = useG((G) => G.trustAtRoundStart);
  return (
    <section className="panel tracks" aria-label="Trust and Tension">
      <Track track="trust" label="Trust" value={trust} change={trust - trustAtStart} />
      <Track track="tension" label="Tension" value={tension} />
    </section>
  );
}
