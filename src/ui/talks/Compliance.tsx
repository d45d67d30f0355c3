/**
 * Your steps falling due this round: comply, comply partly, or cheat — a secret choice, shown with
 * the verifier's chance of seeing through anything less than full compliance.
 */
import { checkCompliance, stepsToDecide } from '../../game/compliance';
import { checkNegotiating, stageOf } from '../../game/stages';
import type { Step } from '../../game/state';
import { COMPLIANCE, type Compliance as Choice } from '../../game/types';
import { detectionChance } from '../../game/verification';
import { isHidden } from '../../game/view';
import { allOf, percent } from '../engine';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { entry } from '../../game/ruleset';
import { rules } from '../rules';
import { stepTarget } from '../seat/unfinished';
import { stepName, stepShortName } from './names';

const WORDS: Record<Choice, string> = { comply: 'Comply in full', partial: 'Comply partly', cheat: 'Cheat' };

function StepChoice({ step, chosen }: { step: Step; chosen: Choice }) {
  const G = useG((G) => G);
  const ctx = useCtx();
  const seat = useSeat();
  const send = useSend();
  const def = entry(rules, 'commitments', step.what);
  const chance = percent(detectionChance(rules, G, step.verifier, seat));
  const partialGain = Math.floor(def.cheatGain * rules.negotiation.partialGainShare);
  const outcome: Record<Choice, string> = {
    comply: 'Reads green, unless the evidence is ambiguous.',
    partial: `${chance} chance it reads amber; unseen, +${partialGain} secret points.`,
    cheat: `${chance} chance of a red and its snapback; unseen, +${def.cheatGain} secret points.`,
  };
  return (
    <li className="comply-step">
      <h3 id={stepTarget(step.id)} tabIndex={-1}>
        {stepName(step)} <span className="muted">(now)</span>
      </h3>
      <p>
        Verified by {entry(rules, 'verifiers', step.verifier).name}: <strong>{chance}</strong> chance to see through partial compliance or a cheat.
      </p>
      <div className="choice-row" role="group" aria-label={`Your choice for ${stepShortName(step.id)}`}>
        {COMPLIANCE.map((choice) => {
          const verdict = allOf(checkNegotiating(G.seats[seat], stageOf(ctx, seat)), checkCompliance(G, seat, step.id, choice));
          return (
            <div key={choice} className={`choice choice-${choice}`}>
              <button
                type="button"
                aria-pressed={chosen === choice}
                disabled={!verdict.ok}
                onClick={() => send('comply', [step.id, choice], verdict, WORDS[choice])}
              >
                {chosen === choice ? '✓ ' : ''}
                {WORDS[choice]}
              </button>
              <p>{outcome[choice]}</p>
            </div>
          );
        })}
      </div>
    </li>
  );
}

export function Compliance() {
  const G = useG((G) => G);
  const seat = useSeat();
  const secret = G.secrets[seat];
  const steps = stepsToDecide(G, seat);
  if (steps.length === 0 || isHidden(secret)) return null;
  return (
    <section className="panel compliance" aria-labelledby="compliance-title">
      <h2 id="compliance-title">
        Your steps due this round <span className="private-tag">secret</span>
      </h2>
      <p className="muted">Only you see this choice. Without one, you comply in full.</p>
      <ul>
        {steps.map((step) => (
          <StepChoice key={step.id} step={step} chosen={secret.choices[step.id] ?? 'comply'} />
        ))}
      </ul>
    </section>
  );
}
