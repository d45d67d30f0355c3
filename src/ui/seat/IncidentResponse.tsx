/** Restraint or retaliation, offered to the seat the incident asks to respond. */
import { describeEffects } from '../../game/effects';
import { pendingResponder } from '../../game/incidents';
import { entry } from '../../game/ruleset';
import { stageOf } from '../../game/stages';
import { RESPONSES } from '../../game/types';
import { OK, no } from '../../game/verdict';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { rules } from '../rules';

const WORDS = { restraint: 'Show restraint', retaliation: 'Retaliate' } as const;

export function IncidentResponse() {
  const G = useG((G) => G);
  const ctx = useCtx();
  const seat = useSeat();
  const send = useSend();
  if (pendingResponder(G) !== seat || !G.incident) return null;
  const def = entry(rules, 'incidents', G.incident.id);
  const verdict = stageOf(ctx, seat) === 'respond' ? OK : no('not-yours', 'Your seat is not asked to respond now.');
  return (
    <div className="response" role="group" aria-labelledby="response-title">
      <h3 id="response-title">Your response to {def.name.toLowerCase()}</h3>
      <p>{def.response!.prompt}</p>
      <div className="response-options">
        {RESPONSES.map((choice) => (
          <div key={choice} className={`response-option response-${choice}`}>
            <button type="button" onClick={() => send('respond', [choice], verdict, WORDS[choice])}>
              {WORDS[choice]}
            </button>
            <p>{def.response![choice].text}</p>
            <p className="effects">{describeEffects(rules, def.response![choice].effects)}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
