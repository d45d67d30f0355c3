/**
 * Backchannel as a boardgame.io `Game`: three seats, three phases of three rounds, one ending.
 * Phases are the sources' phases, a turn is a round, and stages carry the round's steps.
 */
import type { Game, PhaseConfig } from 'boardgame.io';
import { placeOfRound } from './calendar';
import { gameOver } from './endings';
import { enumerate } from './enumerate';
import { act, done, respond } from './moves';
import { reviewPhase } from './review';
import { allDone, beginRound, endRound } from './round';
import { createState, validateSetupData } from './setup';
import type { GameState } from './state';
import { PHASES, STAGES, type PhaseId } from './types';

function phase(id: PhaseId, next: PhaseId | undefined): PhaseConfig<GameState> {
  return {
    start: id === PHASES[0],
    next,
    // The phase closes with the last Done of its last round; ending it then runs the round's
    // closing steps once, then the review.
    endIf: ({ G }) => {
      if (G.round === 0 || !allDone(G)) return false;
      const place = placeOfRound(G.schedule, G.round);
      return place.phase === id && place.isLastOfPhase;
    },
    onEnd: ({ G }) => reviewPhase(G, id),
    turn: {
      onBegin: beginRound,
      onEnd: endRound,
      endIf: ({ G }) => allDone(G),
      stages: {
        [STAGES.respond]: { moves: { respond } },
        [STAGES.negotiate]: { moves: { act, done } },
      },
    },
  };
}

export const Backchannel: Game<GameState> = {
  name: 'backchannel',
  minPlayers: 3,
  maxPlayers: 3,
  setup: ({ random }, setupData) => createState(setupData, random),
  validateSetupData: (setupData) => validateSetupData(setupData),
  phases: Object.fromEntries(PHASES.map((id, i) => [id, phase(id, PHASES[i + 1])])),
  endIf: ({ G }) => gameOver(G),
  ai: { enumerate },
};

export default Backchannel;
