/**
 * Bent strategies (issue 11): a scripted bot made to play one way in bad faith or idleness, so the
 * balance report can ask whether that way pays. Each bends the moves the bot would make anyway
 * (`decide`'s hook) and sees only what the bot sees: its own seat's view. None draws dice, so a
 * bent bot is as deterministic for a seed as the bot it bends.
 */
import { checkAction } from '../game/actions';
import { stepsToDecide } from '../game/compliance';
import type { EnumeratedMove } from '../game/enumerate';
import type { RuleSet } from '../game/ruleset';
import type { ActionDef } from '../game/schema';
import { STAGES, type ActionId, type SeatId } from '../game/types';
import { detectionChance } from '../game/verification';
import type { GameView } from '../game/view';
import type { Bend, Choice } from './decide';

export const BENT_STRATEGIES = ['reject-all', 'partial-only', 'cheat-unseen', 'never-propose', 'passive', 'repeat-hostile'] as const;
export type BentStrategy = (typeof BENT_STRATEGIES)[number];

/** A cheat-unseen bot cheats on a step whose verifier would see through it less often than this. */
export const CHEAT_BELOW = 0.3;

export const BENT_NAMES: Record<BentStrategy, string> = {
  'reject-all': 'rejects every proposal',
  'partial-only': 'complies only in part',
  'cheat-unseen': `cheats whenever detection is under ${Math.round(CHEAT_BELOW * 100)} %`,
  'never-propose': 'never proposes',
  passive: 'stays passive (no actions, no cards)',
  'repeat-hostile': 'repeats its most hostile action',
};

/**
 * The seat's most hostile action by the rules: the hostile one that raises Tension most, then
 * lowers Trust most, then costs the fewest action points; undefined if the seat has none.
 */
export function mostHostile(rules: RuleSet, seat: SeatId): ActionDef | undefined {
  const hostile = rules.actions.filter((a) => a.seat === seat && a.tags.includes('hostile'));
  const key = (a: ActionDef) => [-(a.effects.tension ?? 0), a.effects.trust ?? 0, a.cost.ap];
  return hostile.sort((a, b) => key(a).reduce((d, x, i) => d || x - key(b)[i], 0))[0];
}

/** Whether `strategy` can change anything for `seat`: it has steps to keep, or a hostile action. */
export function appliesTo(rules: RuleSet, strategy: BentStrategy, seat: SeatId): boolean {
  if (strategy === 'partial-only' || strategy === 'cheat-unseen') return rules.commitments.some((c) => c.seat === seat);
  if (strategy === 'repeat-hostile') return mostHostile(rules, seat) !== undefined;
  return true;
}

type Rule = (choice: Choice, move: EnumeratedMove) => EnumeratedMove | undefined;

const complyAs = (move: EnumeratedMove, choice: string): EnumeratedMove => ({ move: 'comply', args: [move.args[0], choice] });

const RULES: Record<BentStrategy, (rules: RuleSet, G: GameView, seat: SeatId) => Rule> = {
  'reject-all': () => (choice, move) => (choice === 'answer' && move.move === 'accept' ? { move: 'reject', args: move.args } : move),
  'partial-only': () => (choice, move) => (choice === 'comply' ? complyAs(move, 'partial') : move),
  'cheat-unseen': (rules, G, seat) => (choice, move) => {
    if (choice !== 'comply') return move;
    const step = stepsToDecide(G, seat).find((s) => s.id === move.args[0]);
    return step && detectionChance(rules, G, step.verifier, seat) < CHEAT_BELOW ? complyAs(move, 'cheat') : move;
  },
  'never-propose': () => (choice, move) => (choice === 'propose' ? undefined : move),
  passive: () => (choice, move) => (choice === 'act' || choice === 'card' ? undefined : move),
  'repeat-hostile': (rules, G, seat) => {
    const id: ActionId | undefined = mostHostile(rules, seat)?.id;
    const hostile = id !== undefined && checkAction(rules, G, seat, STAGES.negotiate, id).ok;
    return (choice, move) => ((choice === 'act' || choice === 'done') && hostile ? { move: 'act', args: [id] } : move);
  },
};

/**
 * `strategy`'s bend for `seat` deciding on `G` (its own view). `onBent` hears of every move the
 * strategy changed, so a report can say how often it bit.
 */
export function bend(strategy: BentStrategy, rules: RuleSet, G: GameView, seat: SeatId, onBent: () => void = () => {}): Bend {
  const rule = RULES[strategy](rules, G, seat);
  return (choice, move) => {
    const out = rule(choice, move);
    if (out === undefined || out.move !== move.move || out.args.length !== move.args.length || out.args.some((a, i) => a !== move.args[i])) onBent();
    return out;
  };
}
