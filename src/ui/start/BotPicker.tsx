/**
 * A bot's temperament and level, as chosen for a seat in solo and online setups, each with one line
 * on how it plays (from the bots' tuning in `rules/bots.json` and `src/bots/decide.ts`), so a
 * first-time player knows what they are choosing.
 */
import { DIFFICULTIES, DIFFICULTY_NAMES, PERSONALITIES, PERSONALITY_NAMES, type BotConfig, type Difficulty, type Personality } from '../../bots/config';

export const PERSONALITY_LINES: Record<Personality, string> = {
  hardliner: 'Puts its own side first: asks a lot, accepts little, and cheats when it thinks it will not be seen.',
  pragmatist: 'Weighs give and take: accepts a fair package and seldom cheats.',
  conciliator: 'Puts the talks first: accepts readily and keeps its word.',
};

export const DIFFICULTY_LINES: Record<Difficulty, string> = {
  novice: 'Misjudges offers now and then and sometimes forgets to propose: good for a first game.',
  expert: 'Values every offer closely and proposes every round.',
};

export function BotPicker({ id, bot, onChange }: { id: string; bot: BotConfig; onChange: (patch: Partial<BotConfig>) => void }) {
  return (
    <>
      <label htmlFor={`${id}-personality`}>Personality</label>
      <select
        id={`${id}-personality`}
        value={bot.personality}
        aria-describedby={`${id}-personality-note`}
        onChange={(e) => onChange({ personality: e.target.value as BotConfig['personality'] })}
      >
        {PERSONALITIES.map((p) => (
          <option key={p} value={p}>
            {PERSONALITY_NAMES[p]}
          </option>
        ))}
      </select>
      <p id={`${id}-personality-note`} className="field-note">
        {PERSONALITY_LINES[bot.personality]}
      </p>
      <label htmlFor={`${id}-difficulty`}>Difficulty</label>
      <select
        id={`${id}-difficulty`}
        value={bot.difficulty}
        aria-describedby={`${id}-difficulty-note`}
        onChange={(e) => onChange({ difficulty: e.target.value as BotConfig['difficulty'] })}
      >
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {DIFFICULTY_NAMES[d]}
          </option>
        ))}
      </select>
      <p id={`${id}-difficulty-note`} className="field-note">
        {DIFFICULTY_LINES[bot.difficulty]}
      </p>
    </>
  );
}
