/** Hot-seat: three people at one screen, each seat revealed only to its player. */
import { useState } from 'react';
import { useGame } from '../store';
import { defaultSetup, SetupFields, toOptions } from './SetupFields';

export function HotseatForm() {
  const startHotseat = useGame((s) => s.startHotseat);
  const loading = useGame((s) => s.screen === 'loading');
  const [setup, setSetup] = useState(defaultSetup);
  return (
    <form
      className="start-form"
      onSubmit={(e) => {
        e.preventDefault();
        void startHotseat(toOptions(setup));
      }}
    >
      <SetupFields id="hotseat" setup={setup} onChange={setSetup} />
      <button type="submit" className="primary big" disabled={loading}>
        {loading ? 'Starting…' : 'Start hot-seat game'}
      </button>
    </form>
  );
}
