/** Sanctions, frozen assets and escrow, and the channels the talks can travel through. */
import { hasMeasure } from '../../game/measures';
import { measureName } from '../../game/ruleset';
import type { MeasureId } from '../../game/types';
import { useG } from '../hooks';
import { rules } from '../rules';


function Open({ on, label }: { on: boolean; label: string }) {
  return (
    <li className={on ? 'open' : 'closed'}>
      <span aria-hidden="true">{on ? '●' : '○'}</span> {label}: <strong>{on ? 'open' : 'not yet'}</strong>
    </li>
  );
}

export function Sanctions() {
  const { level, frozenAssets, escrow } = useG((G) => G.sanctions);
  const measures = useG((G) => G.measures);
  const has = (id: string) => hasMeasure({ measures }, id as MeasureId);
  const { directNeeds, backchannelNeeds } = rules.negotiation.channels;
  return (
    <section className="panel sanctions" aria-labelledby="sanctions-title">
      <h2 id="sanctions-title">Sanctions and channels</h2>
      <dl className="facts">
        <div>
          <dt>Sanctions</dt>
          <dd>
            {level} <span className="muted">/ {rules.board.bounds.sanctions.max}</span>
          </dd>
        </div>
        <div>
          <dt>Frozen assets</dt>
          <dd>${frozenAssets}bn</dd>
        </div>
        <div>
          <dt>In audited escrow</dt>
          <dd>${escrow}bn</dd>
        </div>
      </dl>
      <ul className="channels" aria-label="Channels">
        <Open on={has('humanitarian-channel')} label={measureName(rules, 'humanitarian-channel' as MeasureId)} />
        <Open on={has('escrow-channel')} label={measureName(rules, 'escrow-channel' as MeasureId)} />
        <Open on label="Shuttle through the Mediator" />
        <Open on={directNeeds.some(has)} label="Direct talks" />
        <Open on={backchannelNeeds.every(has)} label="Secure backchannel" />
      </ul>
    </section>
  );
}
