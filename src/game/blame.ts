/**
 * Blame (as DEFCON in Twilight Struggle): the talks remember who raised Tension and broke Trust by
 * its own hand — hostile acts, retaliation, cards, steps found red or only partly done — and who
 * said a plain no to proposals. Whatever the ending, the seat that stands out pays for it:
 * a seat must not come out ahead by letting the others carry the talks while it says no.
 */
import type { RuleSet } from './ruleset';
import type { Effects } from './schema';
import type { GameState } from './state';
import { SEATS, type SeatId } from './types';
import type { GameView } from './view';

/** What `effects` (taken `scale` times) add to their author's blame: Tension raised, Trust broken. */
export function blameOf(effects: Effects, scale = 1): number {
  return (Math.max(0, effects.tension ?? 0) + Math.max(0, -(effects.trust ?? 0))) * scale;
}

export function addBlame(G: GameState, seat: SeatId, points: number): void {
  if (points > 0) G.blame[seat] += points;
}

/** The seat blamed for a breakdown: the sole leader, with at least the rules' minimum; else none. */
export function blamed(rules: RuleSet, G: Pick<GameView, 'blame'>): SeatId | undefined {
  const top = Math.max(...SEATS.map((s) => G.blame[s]));
  const leaders = SEATS.filter((s) => G.blame[s] === top);
  return leaders.length === 1 && top >= rules.endings.blame.min ? leaders[0] : undefined;
}
