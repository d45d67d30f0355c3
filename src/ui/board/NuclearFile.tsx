/** The nuclear file and the figure everything turns on: how fast Iran could break out. */
import { currentPhase } from '../../game/calendar';
import { breakoutLabel, breakoutMonths } from '../../game/nuclear';
import { phaseShortName } from '../../game/ruleset';
import { PHASES } from '../../game/types';
import { useG } from '../hooks';
import { rules } from '../rules';


export function NuclearFile() {
  const nuclear = useG((G) => G.nuclear);
  const phase = useG((G) => PHASES.indexOf(currentPhase(G)));
  const { enrichmentTiers, accessTiers } = rules.nuclear;
  const bounds = rules.board.bounds;
  const months = breakoutMonths(rules, nuclear);
  return (
    <section className="panel nuclear" aria-labelledby="nuclear-title">
      <h2 id="nuclear-title">Nuclear file</h2>
      <p className="breakout">
        <span className="breakout-label">Breakout estimate</span>
        <strong className="breakout-value">{breakoutLabel(months)}</strong>
        <span className="muted">longer is safer</span>
      </p>
      <dl className="facts">
        <div>
          <dt>Enrichment</dt>
          <dd>{enrichmentTiers[nuclear.enrichment].label}</dd>
        </div>
        <div>
          <dt>Stockpile</dt>
          <dd>
            {nuclear.stockpile} <span className="muted">/ {bounds.stockpile.max} units</span>
          </dd>
        </div>
        <div>
          <dt>Advanced cascades</dt>
          <dd>
            {nuclear.centrifuges} <span className="muted">/ {bounds.centrifuges.max}</span>
          </dd>
        </div>
      </dl>
      <h3 className="small-head">IAEA access</h3>
      <ol className="ladder" aria-label="IAEA access tiers">
        {accessTiers.map((tier, i) => (
          <li key={tier.name} className={i <= nuclear.access ? 'reached' : ''} aria-current={i === nuclear.access ? 'true' : undefined}>
            <span aria-hidden="true">{i <= nuclear.access ? '◆' : '◇'}</span> {tier.name}
            {i > nuclear.access ? (
              <span className="muted"> · {PHASES.indexOf(tier.opensIn) > phase ? `opens in ${phaseShortName(rules, tier.opensIn)}` : 'available this phase'}</span>
            ) : null}
            {i === nuclear.access ? <span className="sr-only"> (current)</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
