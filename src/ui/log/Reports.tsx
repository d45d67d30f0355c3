/** The verifiers' published findings, newest first: the plain-language side of the traffic light. */
import type { Step } from '../../game/state';
import { useG } from '../hooks';
import { stepName } from '../talks/names';
import { TrafficLight } from '../talks/TrafficLight';

/** How many reports stay in view; older ones fold away. */
const RECENT = 4;

function ReportList({ steps }: { steps: Step[] }) {
  return (
    <ul className="report-list">
      {steps.map((s) => (
        <li key={s.id}>
          <TrafficLight status={s.status} /> <strong className="report-step">{stepName(s)}.</strong> <span>{s.report}</span>
        </li>
      ))}
    </ul>
  );
}

export function Reports() {
  const agreements = useG((G) => G.agreements);
  const reports = agreements
    .flatMap((a) => a.steps)
    .filter((s) => s.report)
    .sort((a, b) => b.due - a.due);
  return (
    <section className="panel reports" aria-labelledby="reports-title">
      <h2 id="reports-title">Verifiers' reports ({reports.length})</h2>
      {reports.length === 0 ? <p className="muted">No step has fallen due yet. Verifiers publish here when one does.</p> : null}
      <ReportList steps={reports.slice(0, RECENT)} />
      {reports.length > RECENT ? (
        <details>
          <summary>Earlier reports ({reports.length - RECENT})</summary>
          <ReportList steps={reports.slice(RECENT)} />
        </details>
      ) : null}
    </section>
  );
}
