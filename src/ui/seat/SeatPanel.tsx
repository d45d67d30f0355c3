/** Your seat: action points and standing, the Done button, then your actions, cards and agendas. */
import { CAPITAL_NAMES, SEAT_NAMES } from '../../game/seats';
import { useG, useSeat } from '../hooks';
import { Agendas } from './Agendas';
import { DoneButton } from './DoneButton';
import { Hand } from './Hand';
import { IncidentResponse } from './IncidentResponse';
import { RoleActions } from './RoleActions';

export function SeatPanel() {
  const seat = useSeat();
  const me = useG((G) => G.seats[seat]);
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
      <DoneButton />
      <RoleActions />
      <Hand />
      <Agendas />
    </section>
  );
}
