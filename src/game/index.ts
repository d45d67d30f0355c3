/**
 * Backchannel as a boardgame.io `Game`: three seats, three phases of three rounds, one ending.
 * Phases are the sources' phases, a turn is a round, and stages carry the round's steps.
 */
import type { Game, PhaseConfig } from 'boardgame.io';
import { placeOfRound } from './calendar';
import { asHook, asMove, enginePlugin, type Engine } from './drafts';
import { gameOver } from './endings';
import { enumerate } from './enumerate';
import { dealHands } from './initiatives';
import { accept, act, comply, counter, done, playCard, propose, reject, respond, withdraw } from './moves';
import { reviewPhase } from './review';
import { allDone, beginRound, endRound } from './round';
import { RAW_RULES, loadRules } from './rules';
import type { RuleSet } from './ruleset';
import { createState, validateSetupData } from './setup';
import type { GameState } from './state';
import { PHASES, STAGES, type PhaseId } from './types';
import { playerView } from './view';

/**
 * The seats act at once, and every move re-checks itself against the state it is applied to, so
 * a move sent against a state one step older is still judged fairly (`ignoreStaleStateID`).
 */
const open = <C extends { G: GameState }, A extends unknown[]>(move: (context: C, ...args: A) => unknown) => ({
  move: asMove(move),
  ignoreStaleStateID: true,
});

/**
 * Moves that touch secrets also run only on the authority (`client: false`), and their arguments
 * are kept out of the other seats' copy of boardgame.io's action log (`redact`).
 */
const secret = <C extends { G: GameState }, A extends unknown[]>(move: (context: C, ...args: A) => unknown) => ({
  ...open(move),
  client: false,
  redact: true,
});

/** The phase's last round has closed: every seat said Done in it. */
function phaseComplete(G: GameState, id: PhaseId): boolean {
  if (G.round === 0 || !allDone(G)) return false;
  const place = placeOfRound(G.schedule, G.round);
  return place.phase === id && place.isLastOfPhase;
}

function phase(id: PhaseId, next: PhaseId | undefined): PhaseConfig<GameState, Engine> {
  return {
    start: id === PHASES[0],
    next,
    // The phase closes with the last Done of its last round; ending it then runs the round's
    // closing steps once, then the review.
    endIf: ({ G }) => phaseComplete(G, id),
    onBegin: asHook(({ G, rules }) => dealHands(rules, G)),
    // boardgame.io also ends the phase when the game ends early; only a completed phase is reviewed.
    onEnd: asHook(({ G, rules }) => {
      if (phaseComplete(G, id)) reviewPhase(rules, G, id);
    }),
    turn: {
      onBegin: asHook((context) => beginRound(context.rules, context)),
      onEnd: asHook((context) => endRound(context.rules, context)),
      endIf: ({ G }) => allDone(G),
      stages: {
        [STAGES.respond]: { moves: { respond: open(respond) } },
        [STAGES.negotiate]: {
          moves: {
            act: open(act),
            done: open(done),
            propose: secret(propose),
            counter: secret(counter),
            accept: secret(accept),
            reject: secret(reject),
            withdraw: secret(withdraw),
            comply: secret(comply),
            playCard: secret(playCard),
          },
        },
      },
    },
  };
}

/** Backchannel played under `rules`: two rule sets can run side by side, each in its own game. */
export function makeGame(rules: RuleSet): Game<GameState> {
  const game: Game<GameState, Engine> = {
    name: 'backchannel',
    minPlayers: 3,
    maxPlayers: 3,
    // Negotiation has no take-backs, and undo history would copy the state on every move.
    disableUndo: true,
    plugins: [enginePlugin(rules)],
    setup: ({ random }, setupData) => createState(rules, setupData, random),
    validateSetupData: (setupData) => validateSetupData(rules, setupData),
    phases: Object.fromEntries(PHASES.map((id, i) => [id, phase(id, PHASES[i + 1])])),
    endIf: ({ G }) => gameOver(rules, G),
    playerView,
    ai: { enumerate: (G, ctx, playerID) => enumerate(rules, G, ctx, playerID) },
  };
  // Servers, clients and the simulator take any `Game`; the plugin above supplies `Engine` itself.
  return game as unknown as Game<GameState>;
}

/** The rule set in `rules/`, validated, indexed and frozen. */
export const DEFAULT_RULES: RuleSet = loadRules(RAW_RULES);

export const Backchannel = makeGame(DEFAULT_RULES);

export default Backchannel;
