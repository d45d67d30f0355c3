/** The display name a person joins a seat under, as the table will see it in the roster and the chat. */
import { NAME_MAX_LENGTH } from './chat';
import { savedSeats } from './saved';

/** The name a person last used here, to save typing it again. */
export const lastName = () => savedSeats()[0]?.playerName ?? '';

export function NameField({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <>
      <label htmlFor="player-name">Your name, as the table will see it</label>
      <input
        id="player-name"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={NAME_MAX_LENGTH}
        autoComplete="nickname"
        required
        autoFocus
        aria-describedby="player-name-note"
      />
      <p id="player-name-note" className="field-note">
        Up to {NAME_MAX_LENGTH} characters; a first name or a team name is enough.
      </p>
    </>
  );
}
