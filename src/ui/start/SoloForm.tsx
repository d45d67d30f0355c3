/** Solo: pick your seat; bots with the personalities and difficulty you choose take the other two. */
import { useState } from 'react';
import type { BotConfig } from '../../bots/config';
import { BotPicker } from './BotPicker';
import { SEAT_NAMES } from '../../game/seats';
import { SEATS, type SeatId } from '../../game/types';
import { BOT_PACES } from '../session/pacing';
import { useGame } from '../store';
import { defaultSetup, SetupFields, toOptions } from './SetupFields';

const DEFAULT_BOT: BotConfig = { personality: 'pragmatist', difficulty: 'novice' };

export function SoloForm() {
  const startSolo = useGame((s) => s.startSolo);
  const loading = useGame((s) => s.screen === 'loading');
  const botDelay = useGame((s) => s.botDelay);
  const setBotDelay = useGame((s) => s.setBotDelay);
  const [human, setHuman] = useState<SeatId>('0');
  const [bots, setBots] = useState<Record<SeatId, BotConfig>>({ '0': DEFAULT_BOT, '1': DEFAULT_BOT, '2': DEFAULT_BOT });
  const [setup, setSetup] = useState(defaultSetup);
  const others = SEATS.filter((s) => s !== human);
  const setBot = (seat: SeatId, patch: Partial<BotConfig>) => setBots({ ...bots, [seat]: { ...bots[seat], ...patch } });
  return (
    <form
      className="start-form"
      onSubmit={(e) => {
        e.preventDefault();
        void startSolo(human, Object.fromEntries(others.map((s) => [s, bots[s]])), toOptions(setup));
      }}
    >
      <fieldset>
        <legend>Your seat</legend>
        {SEATS.map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="solo-seat" value={s} checked={human === s} onChange={() => setHuman(s)} />
            {SEAT_NAMES[s]}
          </label>
        ))}
      </fieldset>
      {others.map((seat) => (
        <fieldset key={seat} className="bot-pick">
          <legend>{SEAT_NAMES[seat]} (bot)</legend>
          <BotPicker id={`bot-${seat}`} bot={bots[seat]} onChange={(patch) => setBot(seat, patch)} />
        </fieldset>
      ))}
      <div className="setup-fields">
        <label htmlFor="solo-pace">Bots' pace</label>
        <select id="solo-pace" value={botDelay} aria-describedby="solo-pace-note" onChange={(e) => setBotDelay(Number(e.target.value))}>
          {BOT_PACES.map((p) => (
            <option key={p.ms} value={p.ms}>
              {p.name}
            </option>
          ))}
        </select>
        <p id="solo-pace-note" className="field-note">
          A pause before each bot move, so you can follow it. Whatever the pace, the bots wait each round until you have read its incident.
        </p>
      </div>
      <SetupFields id="solo" setup={setup} onChange={setSetup} />
      <button type="submit" className="primary big" disabled={loading}>
        {loading ? 'Starting…' : 'Start solo game'}
      </button>
    </form>
  );
}
