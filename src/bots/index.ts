/** Scripted opponents for solo play, the server's bot seats and the simulator. */
export { DIFFICULTIES, DIFFICULTY_NAMES, PERSONALITIES, PERSONALITY_NAMES, type BotConfig, type Difficulty, type Personality } from './config';
export { scriptedBot, type BotClass } from './bot';
export { decide } from './decide';
