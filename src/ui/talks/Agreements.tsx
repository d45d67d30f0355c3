/** Agreements reached, each step with its traffic light; those with nothing left pending fold away. */
import { SEAT_NAMES } from '../../game/seats';
import type { Agreement } from '../../game/state';
import { useG } from '../hooks';
import { CommitmentText } from './CommitmentText';
import { CHANNEL_WORDS } from './describe';
import { agreementName, inSentence, proposalName, stepPlace } from './names';
import { SigningCost } from './SigningCost';
import { TrafficLight } from './TrafficLight';

function AgreementCard({ a, round }: { a: Agreement; round: number }) {
  return (
    <li className="agreement">
      <h3>
        {agreementName(a.id)}{' '}
        <span className="muted">
          · from {inSentence(proposalName(a.proposal))} · round {a.round} · {CHANNEL_WORDS[a.channel]}
        </span>
        {a.leaked ? <span className="badge badge-warn"> leaked</span> : null}
      </h3>
      <p className="muted">Between {a.parties.map((s) => SEAT_NAMES[s]).join(', ')}.</p>
      <SigningCost commitments={a.steps} signed />
      <ol className="step-list">
        {a.steps.map((step) => (
          <li key={step.id} className={`step step-${step.status}`}>
            <span className="step-head">
              <span className="step-place">Step {stepPlace(step.id).place}</span> <TrafficLight status={step.status} dueNow={step.due <= round} />
            </span>
            <CommitmentText c={step} />
          </li>
        ))}
      </ol>
    </li>
  );
}

export function Agreements() {
  const agreements = useG((G) => G.agreements);
  const round = useG((G) => G.round);
  const newestFirst = [...agreements].reverse();
  const live = newestFirst.filter((a) => a.steps.some((s) => s.status === 'pending'));
  const settled = newestFirst.filter((a) => !live.includes(a));
  return (
    <section className="panel agreements" aria-labelledby="agreements-title">
      <h2 id="agreements-title">Agreements ({agreements.length})</h2>
      {agreements.length === 0 ? (
        <p className="muted">No agreement yet. A proposal every party accepts becomes one; its steps fall due tranche by tranche.</p>
      ) : null}
      {live.length ? (
        <ul className="agreement-list">
          {live.map((a) => (
            <AgreementCard key={a.id} a={a} round={round} />
          ))}
        </ul>
      ) : null}
      {settled.length ? (
        <details open={live.length === 0}>
          <summary>Carried out or suspended ({settled.length})</summary>
          <ul className="agreement-list">
            {settled.map((a) => (
              <AgreementCard key={a.id} a={a} round={round} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
