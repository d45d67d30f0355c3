/** Restraint or retaliation, offered to the seat the incident asks to respond. */
import { describeEffects } from '../../game/effects';
import { checkResponse, pendingResponder } from '../../game/incidents';
import { entry } from '../../game/ruleset';
import { stageOf } from '../../game/stages';
import { RESPONSES } from '../../game/types';
import { OK, no } from '../../game/verdict';
import { allOf } from '../engine';
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
  const asked = stageOf(ctx, seat) === 'respond' ? OK : no('not-yours', 'Your seat is not asked to respond now.');
  return (
    <div className="response" role="group" aria-labelledby="response-title">
      <h3 id="response-title">Your response to {def.name.toLowerCase()}</h3>
      <p>{def.response!.prompt}</p>
      <div className="response-options">
        {RESPONSES.map((choice) => {
          // A strike moratorium, for one, bars a retaliatory strike: the button says why it is off.
          const verdict = allOf(asked, checkResponse(rules, G, seat, choice));
          return (
            <div key={choice} className={`response-option response-${choice}`}>
              <button
                type="button"
                disabled={!verdict.ok}
                aria-describedby={verdict.ok ? undefined : `response-${choice}-why`}
                onClick={() => send('respond', [choice], verdict, WORDS[choice])}
              >
                {WORDS[choice]}
              </button>
              {verdict.ok ? null : (
                <p className="why" id={`response-${choice}-why`}>
                  {verdict.reason}
                </p>
              )}
              <p>{def.response![choice].text}</p>
              <p className="effects">{describeEffects(rules, def.response![choice].effects)}</p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
