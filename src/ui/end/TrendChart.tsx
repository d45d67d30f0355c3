/** Trust and Tension round by round: an inline SVG line chart, told apart by dash and marker, not colour alone. */
import type { RoundRecord } from '../../game/state';

interface Props {
  /** The opening values, plotted as round 0. */
  start: { trust: number; tension: number };
  history: RoundRecord[];
  rounds: number;
  max: number;
}

const W = 520;
const H = 300;
const PAD = { left: 44, right: 16, top: 16, bottom: 44 };

export function TrendChart({ start, history, rounds, max }: Props) {
  const points = [{ round: 0, trust: start.trust, tension: start.tension }, ...history];
  const x = (r: number) => PAD.left + (r / Math.max(1, rounds)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const path = (key: 'trust' | 'tension') => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.round)},${y(p[key])}`).join(' ');
  const ticks = Array.from({ length: max / 2 + 1 }, (_, i) => i * 2);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title" aria-describedby="chart-desc">
        <title id="chart-title">Trust and Tension, round by round</title>
        <desc id="chart-desc">
          {points.map((p) => `Round ${p.round}: Trust ${p.trust}, Tension ${p.tension}`).join('. ')}.
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="axis">
              {t}
            </text>
          </g>
        ))}
        {Array.from({ length: rounds + 1 }, (_, r) => (
          <text key={r} x={x(r)} y={H - PAD.bottom + 18} textAnchor="middle" className="axis">
            {r === 0 ? 'start' : `R${r}`}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle" className="axis">
          Round
        </text>
        <path d={path('trust')} className="line-trust" />
        <path d={path('tension')} className="line-tension" />
        {points.map((p) => (
          <g key={p.round}>
            <circle cx={x(p.round)} cy={y(p.trust)} r={5} className="dot-trust" />
            <rect x={x(p.round) - 5} y={y(p.tension) - 5} width={10} height={10} className="dot-tension" />
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        <span className="key-trust">
          <span aria-hidden="true">●━</span> Trust (solid, circles)
        </span>
        <span className="key-tension">
          <span aria-hidden="true">■┅</span> Tension (dashed, squares)
        </span>
      </figcaption>
    </figure>
  );
}
