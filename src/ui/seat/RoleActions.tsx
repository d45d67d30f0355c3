/** Your role actions with their cost and effect; a disabled action says why, in the engine's words. */
import { useState } from 'react';
import { actionsFor, capitalCost, checkAction } from '../../game/actions';
import { describeEffects } from '../../game/effects';
import { stageOf } from '../../game/stages';
import type { ActionDef } from '../../game/schema';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { phaseName } from '../../game/ruleset';
import { rules } from '../rules';
import { ACTIONS_TARGET } from './unfinished';

function ActionRow({ def }: { def: ActionDef }) {
  const G = useG((G) => G);
  const ctx = useCtx();
  const seat = useSeat();
  const send = useSend();
  const [amount, setAmount] = useState(def.amount?.min ?? 1);
  const arg = def.amount ? amount : undefined;
  const verdict = checkAction(rules, G, seat, stageOf(ctx, seat), def.id, arg);
  const capital = capitalCost(rules, G, def, arg ?? 1);
  const why = `why-${def.id}`;
  const limits = [def.once ? `once per ${def.once}` : '', def.phases.length < 3 ? def.phases.map((x) => phaseName(rules, x)).map((p) => p.split(' · ')[0]).join(', ') + ' only' : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <li className={verdict.ok ? 'action' : 'action is-disabled'}>
      <div className="action-main">
        <h4>{def.name}</h4>
        <p className="action-cost">
          {def.cost.ap} AP · {capital} capital{limits ? ` · ${limits}` : ''}
        </p>
        <p className="effects">{describeEffects(rules, def.effects, arg ?? 1)}</p>
        {def.amount ? (
          <label className="amount">
            How many {def.amount.units}
            <select value={amount} onChange={(e) => setAmount(Number(e.target.value))}>
              {Array.from({ length: def.amount.max - def.amount.min + 1 }, (_, i) => def.amount!.min + i).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="action-do">
        <button
          type="button"
          aria-label={`Take ${def.name}`}
          disabled={!verdict.ok}
          aria-describedby={verdict.ok ? undefined : why}
          onClick={() => send('act', arg === undefined ? [def.id] : [def.id, arg], verdict, def.name)}
        >
          Take
        </button>
      </div>
      {verdict.ok ? null : (
        <p id={why} className="why">
          {verdict.reason}
        </p>
      )}
    </li>
  );
}

export function RoleActions() {
  const G = useG((G) => G);
  const seat = useSeat();
  return (
    <section className="sub role-actions" aria-labelledby={ACTIONS_TARGET}>
      <h3 id={ACTIONS_TARGET} tabIndex={-1}>
        Role actions
      </h3>
      <ul className="action-list">
        {actionsFor(rules, G, seat).map((def) => (
          <ActionRow key={def.id} def={def} />
        ))}
      </ul>
    </section>
  );
}
