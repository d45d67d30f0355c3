/** Your seat: action points and standing, the Done button, then your actions, cards and agendas. */
import { useEffect, useRef } from 'react';
import { CAPITAL_NAMES, SEAT_NAMES } from '../../game/seats';
import { checkNegotiating, stageOf } from '../../game/stages';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { Agendas } from './Agendas';
import { Hand } from './Hand';
import { IncidentResponse } from './IncidentResponse';
import { RoleActions } from './RoleActions';

export function SeatPanel() {
  const seat = useSeat();
  const me = useG((G) => G.seats[seat]);
  const ctx = useCtx();
  const send = useSend();
  const verdict = checkNegotiating(me, stageOf(ctx, seat));
  // Done disables itself: the keyboard focus goes to the line saying why, not back to the page.
  const pressed = useRef(false);
  const note = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (pressed.current && !verdict.ok) note.current?.focus();
    pressed.current = false;
  }, [verdict.ok]);
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
          aria-describedby={verdict.ok ? undefined : 'done-note'}
          onClick={() => {
            pressed.current = true;
            send('done', [], verdict, 'Done');
          }}
        >
          Done for this round
        </button>
        <span id="done-note" ref={note} tabIndex={-1} className={verdict.ok ? 'hint' : 'why'}>
          {verdict.ok ? 'When you have nothing more to do. The round goes on when all three seats are done.' : verdict.reason}
        </span>
      </div>
      <RoleActions />
      <Hand />
      <Agendas />
    </section>
  );
}
