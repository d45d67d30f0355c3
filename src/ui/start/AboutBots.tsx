/**
 * Every personality and difficulty side by side, before the choice: the pickers' notes describe
 * only the one chosen, and a first-time player does not know what the others would be.
 */
import { DIFFICULTIES, DIFFICULTY_NAMES, PERSONALITIES, PERSONALITY_NAMES } from '../../bots/config';
import { DIFFICULTY_LINES, PERSONALITY_LINES } from './BotPicker';

export function AboutBots() {
  return (
    <details className="about-bots">
      <summary>How the bots play: personalities and difficulty</summary>
      <p>
        A <strong>personality</strong> is what a delegation wants from the talks; the <strong>difficulty</strong> is how well
        it judges an offer. Each seat's bot gets both.
      </p>
      <dl>
        {PERSONALITIES.map((p) => (
          <div key={p}>
            <dt>{PERSONALITY_NAMES[p]}</dt>
            <dd>{PERSONALITY_LINES[p]}</dd>
          </div>
        ))}
        {DIFFICULTIES.map((d) => (
          <div key={d}>
            <dt>{DIFFICULTY_NAMES[d]}</dt>
            <dd>{DIFFICULTY_LINES[d]}</dd>
          </div>
        ))}
      </dl>
      <p>For a first game: Pragmatist or Conciliator bots on Novice.</p>
    </details>
  );
}
