/**
 * A round is a boardgame.io turn: it opens with the incident and negotiation, and when every seat
 * has said Done it closes with implementation and domestic politics. The checks are the game's
 * `endIf`, which boardgame.io runs after every step.
 */
import type { Ctx } from 'boardgame.io';
import { placeOfRound } from './calendar';
import { actionPointsFor, runDomestic } from './domestic';
import { runImplementation } from './implementation';
import { drawIncident, pendingResponder, resolveIncident } from './incidents';
import { recordRound } from './history';
import { log } from './log';
import { lapseProposals } from './proposals';
import { RULES } from './rules';
import type { GameState } from './state';
import { SEATS, STAGES } from './types';

interface Hook {
  G: GameState;
  ctx: Ctx;
  events: { setActivePlayers(arg: object): void };
  random: { Shuffle<T>(deck: T[]): T[]; Number(): number };
}

export const allDone = (G: GameState) => SEATS.every((s) => G.seats[s].done);

export function beginRound({ G, events, random }: Hook): void {
  G.round += 1;
  G.trustAtRoundStart = G.trust;
  for (const seat of SEATS) {
    const me = G.seats[seat];
    me.actionPoints = actionPointsFor(G, seat);
    me.done = false;
    me.taken = [];
    G.proposedThisRound[seat] = 0;
  }
  const place = placeOfRound(G.schedule, G.round);
  const phase = RULES.phases.find((p) => p.id === place.phase)!;
  log(G, 'incident', `Round ${G.round} — ${phase.name}, month ${place.monthStart}–${place.monthEnd}.`);
  resolveIncident(G, drawIncident(G, random));
  const responder = pendingResponder(G);
  events.setActivePlayers(
    responder === null ? { all: STAGES.negotiate } : { value: { [responder]: STAGES.respond } },
  );
}

export function endRound({ G, random }: Pick<Hook, 'G' | 'random'>): void {
  lapseProposals(G);
  runImplementation(G, random);
  runDomestic(G);
  recordRound(G);
}
