/** Who a scripted bot is: its temperament and how well it plays. */
export const PERSONALITIES = ['hardliner', 'pragmatist', 'conciliator'] as const;
export type Personality = (typeof PERSONALITIES)[number];

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
