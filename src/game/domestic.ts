/**
 * Round step 4: domestic politics. Capital moves with the pressures in `rules/domestic.json`; a seat
 * left at zero faces a domestic crisis that constrains its next round.
 */
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { holdsAll } from './metrics';
import type { RuleSet } from './ruleset';
import type { ActionTag } from './schema';
import { SEAT_NAMES } from './seats';
import type { GameState, SeatState } from './state';
import { SEATS } from './types';
import { OK, no, type Verdict } from './verdict';

export function runDomestic(rules: RuleSet, G: GameState): void {
  const { pressures, crisis } = rules.domestic;
  for (const seat of SEATS) {
    const me = G.seats[seat];
    if (me.crisis) {
      me.crisis = false;
      me.capital = Math.max(me.capital, crisis.recoverTo);
      log(rules, G, 'domestic', `${SEAT_NAMES[seat]} weathers its domestic crisis (capital back to ${me.capital}).`, seat);
    }
  }
  // Every pressure reads the board as the round left it, before any of them applies.
  const active = pressures.filter((p) => holdsAll(rules, G, p.when));
  for (const p of active) {
    applyEffects(rules, G, p.effects, null);
    log(rules, G, 'domestic', `${p.text} (${describeEffects(rules, p.effects)})`);
  }
  for (const seat of SEATS) {
    const me = G.seats[seat];
    if (me.capital === 0) {
      me.crisis = true;
      log(rules, G, 'domestic', `${SEAT_NAMES[seat]} faces a domestic crisis: next round it has fewer action points and can make no concessions.`, seat);
    }
  }
}

/** A seat in a domestic crisis can make no concessions this round. */
export function checkConcession(seat: Pick<SeatState, 'crisis'>, tags: readonly ActionTag[]): Verdict {
  return seat.crisis && tags.includes('concession') ? no('crisis', 'Domestic crisis: no concessions this round.') : OK;
}

/** Action points for the round about to begin. */
export function actionPointsFor(rules: RuleSet, G: GameState, seat: (typeof SEATS)[number]): number {
  const base = rules.board.actionPoints[seat];
  return Math.max(0, base - (G.seats[seat].crisis ? rules.domestic.crisis.apPenalty : 0));
}
