/**
 * A round is a boardgame.io turn: it opens with the incident and negotiation, and when every seat
 * has said Done it closes with implementation and domestic politics. The checks are the game's
 * `endIf`, which boardgame.io runs after every step.
 */
import type { Ctx } from 'boardgame.io';
import { placeOfRound } from './calendar';
import { actionPointsFor, runDomestic } from './domestic';
import { warnOfBreakdown } from './endings';
import { recordRound } from './history';
import { runImplementation } from './implementation';
import { drawIncident, pendingResponder, resolveIncident } from './incidents';
import { log } from './log';
import { expireMeasures } from './measures';
import { lapseProposals } from './proposals';
import type { Random } from './random';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import { SEATS, STAGES } from './types';
import type { GameView } from './view';

interface Hook {
  G: GameState;
  ctx: Ctx;
  events: { setActivePlayers(arg: object): void };
  random: Random;
}

export const allDone = (G: GameView) => SEATS.every((s) => G.seats[s].done);

export function beginRound(rules: RuleSet, { G, events, random }: Hook): void {
  // A measure is in force through its last round, phase review included; it lapses as the next opens.
  for (const id of expireMeasures(G)) log(rules, G, 'incident', `${entry(rules, 'measures', id).name} lapses.`);
  G.round += 1;
  G.trustAtRoundStart = G.trust;
  for (const seat of SEATS) {
    const me = G.seats[seat];
    me.actionPoints = actionPointsFor(rules, G, seat);
    me.done = false;
    me.taken = [];
    G.proposedThisRound[seat] = 0;
  }
  const place = placeOfRound(G.schedule, G.round);
  const phase = entry(rules, 'phases', place.phase);
  log(rules, G, 'incident', `Round ${G.round} — ${phase.name}, month ${place.monthStart}–${place.monthEnd}.`);
  resolveIncident(rules, G, drawIncident(G, random));
  const responder = pendingResponder(G);
  events.setActivePlayers(
    responder === null ? { all: STAGES.negotiate } : { value: { [responder]: STAGES.respond } },
  );
}

export function endRound(rules: RuleSet, { G, random }: Pick<Hook, 'G' | 'random'>): void {
  lapseProposals(rules, G);
  runImplementation(rules, G, random);
  runDomestic(rules, G);
  recordRound(G);
  warnOfBreakdown(rules, G);
}
