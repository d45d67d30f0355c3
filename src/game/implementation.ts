/**
 * Round step 3: what falls due happens. Agreement steps are verified and the programme advances.
 */
import { shiftTrack } from './effects';
import { log } from './log';
import { hasMeasure } from './measures';
import { breakoutLabel, breakoutMonths } from './nuclear';
import { growBehindFakeHalt, inForce } from './reality';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import { runVerification } from './verification';

export function runImplementation(rules: RuleSet, G: GameState, dice: { Number(): number }): void {
  runVerification(rules, G, dice);
  const { stockpilePerRound, haltedBy } = rules.nuclear.growth;
  const halt = haltedBy.find((m) => hasMeasure(G, m));
  if (halt) {
    log(rules, G, 'implementation', `${entry(rules, 'measures', halt).name} holds: the stockpile does not grow.`);
    // On paper only: the real stockpile grows behind a faked halt.
    if (!haltedBy.some((m) => inForce(G, m))) growBehindFakeHalt(G, halt, 'stockpile', stockpilePerRound);
  } else if (stockpilePerRound > 0) {
    shiftTrack(rules, G, 'stockpile', stockpilePerRound);
    log(
      rules,
      G,
      'implementation',
      `Enrichment continues: stockpile now ${G.nuclear.stockpile}, breakout estimate ${breakoutLabel(breakoutMonths(rules, G.nuclear))}.`,
    );
  }
}
