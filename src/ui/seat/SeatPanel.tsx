/** Your seat: action points and standing, the Done button, then your actions, cards and agendas. */
import { checkNegotiating } from '../../game/moves';
import { CAPITAL_NAMES, SEAT_NAMES } from '../../game/seats';
import { asState } from '../engine';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { Agendas } from './Agendas';
import { Hand } from './Hand';
import { IncidentResponse } from './IncidentResponse';
import { RoleActions } from './RoleActions';

export function SeatPanel() {
  const seat = useSeat();
  const G = useG((G) => G);
  const ctx = useCtx();
  const send = useSend();
  const me = G.seats[seat];
  const verdict = checkNegotiating(asState(G), ctx, seat);
  return (
    <section className="panel seat-panel" aria-labelledby="seat-title">
      <h2 id="seat-title">Your seat: {SEAT_NAMES[seat]}</h2>
      <IncidentResponse />
      <div className="seat-summary">
        <p className="ap">
          <span aria-hidden="true" className="ap-dots">
            {'●'.repeat(me.actionPoints)}
          </span>{' '}
          <strong>{me.actionPoints}</strong> action point{me.actionPoints === 1 ? '' : 's'} left
        </p>
        <p>
          {CAPITAL_NAMES[seat]}: <strong>{me.capital}</strong>
        </p>
        {me.crisis ? <p className="badge badge-warn">⚠ Domestic crisis: one action point fewer and no concessions this round.</p> : null}
      </div>
      <div className="done-row">
        <button
          type="button"
          className="primary"
          disabled={!verdict.ok}
          aria-describedby={verdict.ok ? undefined : 'done-why'}
          onClick={() => send('done', [], verdict, 'Done')}
        >
          Done for this round
        </button>
        {verdict.ok ? (
          <span className="hint">When you have nothing more to do. The round goes on when all three seats are done.</span>
        ) : (
          <span id="done-why" className="why">
            {verdict.reason}
          </span>
        )}
      </div>
      <RoleActions />
      <Hand />
      <Agendas />
    </section>
  );
}
