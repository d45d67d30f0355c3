/** Solo: pick your seat; bots with the personalities and difficulty you choose take the other two. */
import { useState } from 'react';
import { DIFFICULTIES, DIFFICULTY_NAMES, PERSONALITIES, PERSONALITY_NAMES, type BotConfig } from '../../bots/config';
import { SEAT_NAMES } from '../../game/seats';
import { SEATS, type SeatId } from '../../game/types';
import { useGame } from '../store';
import { defaultSetup, SetupFields, toOptions } from './SetupFields';

const DEFAULT_BOT: BotConfig = { personality: 'pragmatist', difficulty: 'novice' };

export function SoloForm() {
  const startSolo = useGame((s) => s.startSolo);
  const loading = useGame((s) => s.screen === 'loading');
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
          <label htmlFor={`bot-${seat}-personality`}>Personality</label>
          <select id={`bot-${seat}-personality`} value={bots[seat].personality} onChange={(e) => setBot(seat, { personality: e.target.value as BotConfig['personality'] })}>
            {PERSONALITIES.map((p) => (
              <option key={p} value={p}>
                {PERSONALITY_NAMES[p]}
              </option>
            ))}
          </select>
          <label htmlFor={`bot-${seat}-difficulty`}>Difficulty</label>
          <select id={`bot-${seat}-difficulty`} value={bots[seat].difficulty} onChange={(e) => setBot(seat, { difficulty: e.target.value as BotConfig['difficulty'] })}>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {DIFFICULTY_NAMES[d]}
              </option>
            ))}
          </select>
        </fieldset>
      ))}
      <SetupFields id="solo" setup={setup} onChange={setSetup} />
      <button type="submit" className="primary big" disabled={loading}>
        {loading ? 'Starting…' : 'Start solo game'}
      </button>
    </form>
  );
}
