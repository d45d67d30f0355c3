/**
 * Your role actions with their cost and effect; a disabled action says why, in the engine's words.
 * A hostile action (tagged so in the rules) is marked, and asks once before it is taken: it looks
 * like any other button, and it can set the region on the road to war.
 */
import { useEffect, useRef, useState } from 'react';
import { actionsFor, capitalCost, checkAction } from '../../game/actions';
import { describeEffects } from '../../game/effects';
import { phaseName } from '../../game/ruleset';
import type { ActionDef } from '../../game/schema';
import { stageOf } from '../../game/stages';
import { nextEnabled } from '../focus';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { rules } from '../rules';
import { costLine } from './cost';
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
  const hostile = def.tags.includes('hostile');
  const [asking, setAsking] = useState(false);
  const take = useRef<HTMLButtonElement>(null);
  // When the question closes, the focus goes back to Take, or to why it is now off.
  const refocus = useRef(false);
  useEffect(() => {
    if (asking || !refocus.current) return;
    refocus.current = false;
    (take.current?.disabled ? document.getElementById(why) : take.current)?.focus();
  });
  const limits = [def.once ? `once per ${def.once}` : '', def.phases.length < 3 ? def.phases.map((x) => phaseName(rules, x)).map((p) => p.split(' · ')[0]).join(', ') + ' only' : '']
    .filter(Boolean)
    .join(' · ');
  const effects = describeEffects(rules, def.effects, arg ?? 1);
  // Then Take again while it can be, else the next action's, else Done.
  const act = () => send('act', arg === undefined ? [def.id] : [def.id, arg], verdict, def.name, () => nextEnabled('.action-do button', take.current));
  const close = () => {
    refocus.current = true;
    setAsking(false);
  };
  return (
    <li className={['action', verdict.ok ? '' : 'is-disabled', hostile ? 'is-hostile' : ''].filter(Boolean).join(' ')}>
      <div className="action-main">
        <h4>
          {def.name}
          {hostile ? <span className="badge badge-hostile">⚠ hostile</span> : null}
        </h4>
        <p className="action-cost">
          {costLine(seat, { ap: def.cost.ap, capital }, def.effects, arg ?? 1)}
          {limits ? ` · ${limits}` : ''}
        </p>
        <p className="effects">Effect: {effects}</p>
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
          ref={take}
          type="button"
          aria-label={`Take ${def.name}`}
          disabled={!verdict.ok}
          aria-describedby={verdict.ok ? undefined : why}
          onClick={() => (hostile ? setAsking(true) : act())}
        >
          Take
        </button>
      </div>
      {asking ? (
        <div
          className="hostile-confirm"
          role="dialog"
          aria-label={`Take ${def.name}? It is a hostile act.`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p>
            A hostile act: {effects}. The other seats will see it, and it can push the region towards war. Take it anyway?
          </p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={() => {
                act();
                close();
              }}
            >
              Take it anyway
            </button>
            <button
              type="button"
              autoFocus
              onClick={close}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {verdict.ok ? null : (
        <p id={why} className="why" tabIndex={-1}>
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
