/** A bot's temperament and level, as chosen for a seat in solo and online setups. */
import { DIFFICULTIES, DIFFICULTY_NAMES, PERSONALITIES, PERSONALITY_NAMES, type BotConfig } from '../../bots/config';

export function BotPicker({ id, bot, onChange }: { id: string; bot: BotConfig; onChange: (patch: Partial<BotConfig>) => void }) {
  return (
    <>
      <label htmlFor={`${id}-personality`}>Personality</label>
      <select id={`${id}-personality`} value={bot.personality} onChange={(e) => onChange({ personality: e.target.value as BotConfig['personality'] })}>
        {PERSONALITIES.map((p) => (
          <option key={p} value={p}>
            {PERSONALITY_NAMES[p]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-difficulty`}>Difficulty</label>
      <select id={`${id}-difficulty`} value={bot.difficulty} onChange={(e) => onChange({ difficulty: e.target.value as BotConfig['difficulty'] })}>
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {DIFFICULTY_NAMES[d]}
          </option>
        ))}
      </select>
    </>
  );
}
