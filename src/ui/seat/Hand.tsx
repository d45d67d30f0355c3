/** Your private initiative cards, free to play during negotiation. */
import { describeEffects } from '../../game/effects';
import { checkCard } from '../../game/initiatives';
import { entry } from '../../game/ruleset';
import { stageOf } from '../../game/stages';
import { isHidden } from '../../game/view';
import { nextEnabled } from '../focus';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { rules } from '../rules';
import { costLine } from './cost';

export function Hand() {
  const G = useG((G) => G);
  const ctx = useCtx();
  const seat = useSeat();
  const send = useSend();
  const secret = G.secrets[seat];
  if (isHidden(secret)) return null;
  return (
    <section className="sub hand" aria-labelledby="hand-title">
      <h3 id="hand-title">
        Initiative cards <span className="private-tag">private</span>
      </h3>
      {secret.hand.length === 0 ? (
        <p className="muted">No cards in hand. Each phase deals new ones.</p>
      ) : (
        <ul className="card-list">
          {secret.hand.map((id) => {
            const def = entry(rules, 'initiatives', id);
            const verdict = checkCard(rules, G, seat, stageOf(ctx, seat), id);
            return (
              <li key={id} className="card">
                <h4>{def.name}</h4>
                <p>{def.text}</p>
                <p className="action-cost">{costLine(seat, { ap: 0, capital: 0 }, def.effects)}</p>
                <p className="effects">Effect: {describeEffects(rules, def.effects)}</p>
                <button
                  type="button"
                  aria-label={`Play ${def.name}`}
                  disabled={!verdict.ok}
                  aria-describedby={verdict.ok ? undefined : `why-card-${id}`}
                  // The card leaves the hand: the focus goes to the next card's Play, else to Done.
                  onClick={(e) => send('playCard', [id], verdict, def.name, () => nextEnabled('.hand .card button', e.currentTarget))}
                >
                  Play
                </button>
                {verdict.ok ? null : (
                  <p id={`why-card-${id}`} className="why">
                    {verdict.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
