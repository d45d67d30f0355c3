/**
 * Round step 3: what falls due happens. Agreement steps are verified, the programme advances and
 * time-limited measures lapse.
 */
import { shiftTrack } from './effects';
import { log } from './log';
import { hasMeasure, measureDef, expireMeasures } from './measures';
import { breakoutLabel, breakoutMonths } from './nuclear';
import { RULES } from './rules';
import type { GameState } from './state';
import { runVerification } from './verification';

export function runImplementation(G: GameState, dice: { Number(): number }): void {
  runVerification(G, dice);
  const { stockpilePerRound, haltedBy } = RULES.nuclear.growth;
  const halt = haltedBy.find((m) => hasMeasure(G, m));
  if (halt) {
    log(G, 'implementation', `${measureDef(halt).name} holds: the stockpile does not grow.`);
  } else if (stockpilePerRound > 0) {
    shiftTrack(G, 'stockpile', stockpilePerRound);
    log(
      G,
      'implementation',
      `Enrichment continues: stockpile now ${G.nuclear.stockpile}, breakout estimate ${breakoutLabel(breakoutMonths(G.nuclear))}.`,
    );
  }
  for (const id of expireMeasures(G)) log(G, 'implementation', `${measureDef(id).name} lapses.`);
}
