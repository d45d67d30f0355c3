/**
 * How moves and hooks change the state. boardgame.io 0.50 runs each of them through its own
 * immer 9, which copies every object read through a draft with property descriptors: a third of a
 * move's cost went there. So the engine changes the state with its own immer, whose copies are
 * cheap, and hands boardgame.io the finished state; a move or hook may return its new `G`.
 *
 * `enginePlugin` wraps moves and hooks outside boardgame.io's immer, where `G` is still plain, and
 * passes it on as `base`, with the game's rule set as `rules`; `asMove` and `asHook` run the
 * engine's code on a draft of `base` and return the result. boardgame.io's own draft is never
 * touched, so it costs next to nothing.
 */
import type { Plugin } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { current, freeze, isDraft, produce } from 'immer';
import type { RuleSet } from './ruleset';
import type { GameState } from './state';

/** What the engine adds to boardgame.io's context for every move and hook. */
export type Engine = { base: GameState; rules: RuleSet };

/**
 * boardgame.io applies plugins' wrappers in the order it lists them, and puts its own immer
 * innermost only by that order, which it does not document: if that ever changes, `G` arrives as
 * a draft here, and every move would silently pay for immer 9 again. So it fails loudly instead.
 */
export function enginePlugin(rules: RuleSet): Plugin<undefined, undefined, GameState> {
  return {
    name: 'engine',
    fnWrap: (fn) => (context, ...args) => {
      if (isDraft(context.G)) throw new Error('enginePlugin was handed a draft: it must wrap moves outside boardgame.io\'s immer.');
      return fn({ ...context, base: context.G, rules }, ...args);
    },
  };
}

type Context = { G: GameState };

/**
 * A move written as mutations of `G`, run on a draft of the plain `base`. Its checks read `base`:
 * reads through a draft cost a proxy each. `INVALID_MOVE` leaves the state as it was.
 */
export function asMove<C extends Context, A extends unknown[]>(
  fn: (context: C, ...args: A) => unknown,
): (context: C & Engine, ...args: A) => GameState | typeof INVALID_MOVE {
  return (context, ...args) => {
    let invalid = false;
    const next = produce(context.base, (G) => {
      if (fn({ ...context, G: G as GameState }, ...args) === INVALID_MOVE) invalid = true;
    });
    return invalid ? INVALID_MOVE : next;
  };
}

/** A turn or phase hook written as mutations of `G`, run the same way. */
export function asHook<C extends Context>(fn: (context: C & Engine) => void): (context: C & Engine) => GameState {
  return (context) => produce(context.base, (G) => fn({ ...context, G: G as GameState }));
}

/**
 * The state behind a draft as it stands now, as plain objects, for a search that would otherwise
 * wrap each object it passes in a proxy. Cheap on a draft nothing has changed yet (its base); a
 * changed one is copied. Outside a move, the object itself.
 */
export function plain<T>(x: T): T {
  return isDraft(x) ? (current(x as never) as T) : x;
}

/**
 * `x`, frozen. immer walks every new object a draft is handed, looking for drafts inside, unless
 * it is frozen: a new object that holds none is frozen before it goes in.
 */
export function frozen<T extends object>(x: T): T {
  return freeze(x);
}
