/**
 * The chance the engine draws on: boardgame.io's seeded `random`, so a game replays exactly from
 * its seed. A rule that shuffles or rolls takes the part it uses.
 */
export interface Random {
  Shuffle<T>(deck: T[]): T[];
  /** A number in [0, 1). */
  Number(): number;
}
