/** Who you are, whom the round is waiting for, and in hot-seat the button to pass the device. */
import { SEAT_NAMES } from '../../game/seats';
import { SEATS } from '../../game/types';
import { useCtx, useSeat } from '../hooks';
import { useGame } from '../store';

export function StatusBar() {
  const seat = useSeat();
  const ctx = useCtx();
  const mode = useGame((s) => s.mode);
  const bots = useGame((s) => s.bots);
  const passDevice = useGame((s) => s.passDevice);
  const active = ctx.activePlayers ?? {};
  const waitingFor = SEATS.filter((s) => s in active);
  const mine = seat in active;
  const botsBusy = waitingFor.some((s) => bots[s]);
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <p>
        <strong>{mode === 'hotseat' ? 'Hot-seat' : 'Solo'}</strong> · You are <strong>{SEAT_NAMES[seat]}</strong>
        {' · '}
        {mine
          ? active[seat] === 'respond'
            ? 'Answer the incident to open the talks.'
            : 'Your move: act, propose, answer, then say Done.'
          : `Waiting for ${waitingFor.map((s) => SEAT_NAMES[s]).join(', ')}${botsBusy ? ' (bots are thinking)' : ''}.`}
      </p>
      {mode === 'hotseat' ? (
        <button type="button" onClick={passDevice}>
          Pass the device
        </button>
      ) : null}
    </div>
  );
}
