/**
 * Online: a teacher (or anyone) sets up a match on the game server — which seats people play and
 * which bots play, the scenario and the Mediator — then shares its links from the table page.
 * The lobby code loads only when the form is sent.
 */
import { useState } from 'react';
import type { BotConfig } from '../../bots/config';
import { SEAT_NAMES } from '../../game/seats';
import { SEATS, type SeatId } from '../../game/types';
import type { CreateMatchBody } from '../../protocol/lobby';
import { hrefOf } from '../online/links';
import { createdMatches, rememberCreated } from '../online/saved';
import { rules } from '../rules';
import { useGame } from '../store';
import { BotPicker } from './BotPicker';
import { defaultSetup, SetupFields, toOptions } from './SetupFields';

type Player = 'person' | 'bot';

const DEFAULT_BOT: BotConfig = { personality: 'pragmatist', difficulty: 'novice' };

/** The Lobby API body for these choices: bot seats in `bots`, setup in `setupData`, unlisted. */
export function createBody(players: Record<SeatId, Player>, bots: Record<SeatId, BotConfig>, setupData: CreateMatchBody['setupData']): CreateMatchBody {
  const botSeats = Object.fromEntries(SEATS.filter((s) => players[s] === 'bot').map((s) => [s, bots[s]]));
  // Unlisted: only people with a link find the match, not anyone listing the server's matches.
  return { numPlayers: 3, setupData, unlisted: true, bots: botSeats };
}

function RecentTables() {
  const go = useGame((s) => s.go);
  const recent = createdMatches().slice(0, 5);
  if (!recent.length) return null;
  return (
    <div className="recent-tables">
      <h3 className="small-head">Tables you created here</h3>
      <ul>
        {recent.map((m) => (
          <li key={m.matchID}>
            <a
              href={hrefOf({ kind: 'table', matchID: m.matchID })}
              onClick={(e) => {
                e.preventDefault();
                go({ kind: 'table', matchID: m.matchID });
              }}
            >
              {m.label}
            </a>{' '}
            <span className="muted">· {new Date(m.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OnlineForm() {
  const go = useGame((s) => s.go);
  const [players, setPlayers] = useState<Record<SeatId, Player>>({ '0': 'person', '1': 'person', '2': 'bot' });
  const [bots, setBots] = useState<Record<SeatId, BotConfig>>({ '0': DEFAULT_BOT, '1': DEFAULT_BOT, '2': DEFAULT_BOT });
  const [setup, setSetup] = useState(defaultSetup);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setBot = (seat: SeatId, patch: Partial<BotConfig>) => setBots({ ...bots, [seat]: { ...bots[seat], ...patch } });
  const people = SEATS.filter((s) => players[s] === 'person');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { setupData } = toOptions(setup);
      const { createMatch } = await import('../online/lobby');
      const matchID = await createMatch(createBody(players, bots, setupData));
      const scenario = rules.scenarios.find((s) => s.id === setup.scenario)?.name ?? setup.scenario;
      rememberCreated(matchID, `${scenario} · ${people.length ? people.map((s) => SEAT_NAMES[s]).join(' and ') + ' played by people' : 'bots only'}`);
      go({ kind: 'table', matchID });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <>
      <form
        className="start-form"
        aria-describedby={error ? 'online-error' : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {SEATS.map((seat) => (
          <fieldset key={seat} className="seat-pick">
            <legend>{SEAT_NAMES[seat]}</legend>
            <div className="radio-row">
              <label className="radio">
                <input type="radio" name={`online-${seat}`} value="person" checked={players[seat] === 'person'} onChange={() => setPlayers({ ...players, [seat]: 'person' })} />
                A person (or a team)
              </label>
              <label className="radio">
                <input type="radio" name={`online-${seat}`} value="bot" checked={players[seat] === 'bot'} onChange={() => setPlayers({ ...players, [seat]: 'bot' })} />
                A bot
              </label>
            </div>
            {players[seat] === 'bot' ? (
              <div className="bot-pick">
                <BotPicker id={`online-${seat}`} bot={bots[seat]} onChange={(patch) => setBot(seat, patch)} />
              </div>
            ) : null}
          </fieldset>
        ))}
        <SetupFields id="online" setup={setup} onChange={setSetup} seed={false} />
        {people.length === 0 ? <p className="field-note">With no person at the table, the bots play it out while you watch.</p> : null}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? 'Creating…' : 'Create online match'}
        </button>
        {error ? (
          <p id="online-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <RecentTables />
    </>
  );
}
