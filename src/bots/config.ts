/**
 * Who a scripted bot is: its temperament (the game's vocabulary, tuned in `rules/bots.json`) and
 * how well it plays.
 */
import type { Temperament as Personality } from '../game/types';

export { TEMPERAMENTS as PERSONALITIES, type Temperament as Personality } from '../game/types';

export const DIFFICULTIES = ['novice', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface BotConfig {
  personality: Personality;
  difficulty: Difficulty;
}

export const PERSONALITY_NAMES: Record<Personality, string> = {
  hardliner: 'Hardliner',
  pragmatist: 'Pragmatist',
  conciliator: 'Conciliator',
};

export const DIFFICULTY_NAMES: Record<Difficulty, string> = {
  novice: 'Novice',
  expert: 'Expert',
};
