/**
 * The scripted delegations as boardgame.io bots, so one class fills a seat in a browser game
 * (`Local({ bots })`), on the server and in the simulator. A bot reads only its own seat's
 * `playerView` of the state it is handed, never another seat's secrets.
 */
import type { ActionShape, Game, State } from 'boardgame.io';
import { Bot } from 'boardgame.io/ai';
import { DEFAULT_RULES } from '../game';
import type { RuleSet } from '../game/ruleset';
import { isSeat } from '../game/seats';
import type { GameState } from '../game/state';
import { playerView } from '../game/view';
import { bend, type BentStrategy } from './bent';
import type { BotConfig } from './config';
import { decide } from './decide';

interface BotOptions {
  enumerate: NonNullable<Game['ai']>['enumerate'];
  seed?: string | number;
}

export type BotClass = new (opts: BotOptions) => Bot;

/** A bot bent to a strategy (`bent.ts`), and who hears of each move the strategy changed. */
export interface Bent {
  strategy: BentStrategy;
  onBent?: () => void;
}

/** A boardgame.io bot class for this personality and difficulty, playing under `rules`, maybe bent. */
export function scriptedBot(config: BotConfig, rules: RuleSet = DEFAULT_RULES, bent?: Bent): BotClass {
  return class ScriptedBot extends Bot {
    async play(state: State<GameState>, playerID: string) {
      if (!isSeat(playerID)) throw new Error(`No seat "${playerID}" for a bot to play.`);
      const view = playerView({ G: state.G, playerID });
      const bender = bent && bend(bent.strategy, rules, view, playerID, bent.onBent);
      const choice = decide(rules, view, state.ctx, playerID, config, () => this.random(), bender);
      // A bot only plays when active; with nothing else it can always say Done.
      const { move, args } = choice ?? { move: 'done', args: [] };
      const action: ActionShape.MakeMove = { type: 'MAKE_MOVE', payload: { type: move, args, playerID } };
      return { action };
    }
  };
}
