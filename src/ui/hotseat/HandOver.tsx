/**
 * Between two seats at one screen: nothing of any seat is rendered here, so the next seat's secrets
 * reach the page only when that seat presses Reveal.
 */
import { useEffect, useRef } from 'react';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import type { SeatId } from '../../game/types';
import { useGame } from '../store';

export function HandOver({ to }: { to: SeatId }) {
  const reveal = useGame((s) => s.reveal);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [to]);
  return (
    <section className="hand-over" aria-labelledby="handover-title">
      <p className="eyebrow">Hot-seat</p>
      <h2 id="handover-title">Pass the device to {SEAT_TITLES[to]}</h2>
      <p>
        {SEAT_NAMES[to]}, press Reveal when only you can see the screen. Everyone else, look away: your agendas and cards are
        private.
      </p>
      <button ref={button} type="button" className="primary big" onClick={reveal}>
        Reveal the screen for {SEAT_NAMES[to]}
      </button>
    </section>
  );
}
