/**
 * The regional incident deck: one card a round, drawn with boardgame.io's seeded `random`.
 * Measures in place soften negative incidents and boost positive ones; some incidents ask a seat
 * to choose restraint or retaliation before negotiation opens.
 */
import { addBlame, blameOf } from './blame';
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { hasMeasure } from './measures';
import type { Random } from './random';
import { entry, type RuleSet } from './ruleset';
import type { IncidentDef } from './schema';
import { SEAT_NAMES } from './seats';
import type { GameState } from './state';
import { RESPONSES, type IncidentId, type ResponseChoice, type SeatId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';

/** Takes the top card, reshuffling the discards into a new deck when it runs out. */
export function drawIncident(G: GameState, random: Pick<Random, 'Shuffle'>): IncidentId {
  if (G.deck.length === 0) {
    G.deck = random.Shuffle(G.discard);
    G.discard = [];
  }
  const id = G.deck.pop()!;
  G.discard.push(id);
  return id;
}

/** The softening (or boost) that applies to this incident on this board, if any. */
export function incidentModifier(rules: RuleSet, G: GameView, def: IncidentDef) {
  const flavourSoftens = entry(rules, 'flavours', G.flavour).softens.includes(def.id);
  if (def.softenedBy && (flavourSoftens || def.softenedBy.measures.some((m) => hasMeasure(G, m))))
    return def.softenedBy;
  if (def.boostedBy && def.boostedBy.measures.some((m) => hasMeasure(G, m))) return def.boostedBy;
  return undefined;
}

/** Applies the incident and records whether a seat must now respond. */
export function resolveIncident(rules: RuleSet, G: GameState, id: IncidentId): void {
  const def = entry(rules, 'incidents', id);
  const modifier = incidentModifier(rules, G, def);
  applyEffects(rules, G, modifier?.effects ?? def.effects, null);
  log(rules, G, 'incident', `${def.name}. ${def.text}${modifier ? ` ${modifier.text}` : ''}`);
  // A softened incident is handled by the measures in place; nobody has to answer it.
  const asks = def.response && !(modifier && def.kind === 'negative');
  G.incident = {
    id,
    modified: modifier !== undefined,
    response: asks ? { seat: def.response!.seat, choice: null } : null,
  };
  if (asks) log(rules, G, 'incident', `${SEAT_NAMES[def.response!.seat]} must respond: ${def.response!.prompt}`);
  if (rules.negotiation.leak.incidents.includes(id)) exposeBackchannel(rules, G);
}

/** A leak makes every backchannel proposal and agreement public, at a cost at home. */
export function exposeBackchannel(rules: RuleSet, G: GameState): void {
  const secret = [...G.proposals, ...G.agreements].filter((x) => x.channel === 'backchannel' && !x.leaked);
  if (secret.length === 0) return;
  for (const x of secret) x.leaked = true;
  const { text, effects } = rules.negotiation.leak;
  applyEffects(rules, G, effects, null);
  log(rules, G, 'incident', `${text} Exposed: ${secret.length} backchannel item${secret.length === 1 ? '' : 's'} (${describeEffects(rules, effects)}).`);
}

/** The seat whose answer the round is waiting for, if any. */
export function pendingResponder(G: GameView): SeatId | null {
  const r = G.incident?.response;
  return r && r.choice === null ? r.seat : null;
}

/** Whether `seat` may answer the round's incident with `choice`: retaliation is barred while a measure that forbids it is in place. */
export function checkResponse(rules: RuleSet, G: GameView, seat: SeatId, choice: unknown): Verdict {
  if (pendingResponder(G) !== seat) return no('not-yours', 'Your seat is not asked to respond now.');
  if (!RESPONSES.includes(choice as ResponseChoice)) return no('malformed', 'Answer with restraint or retaliation.');
  const blocker = choice === 'retaliation' ? entry(rules, 'incidents', G.incident!.id).response!.retaliation.blockedBy?.find((m) => hasMeasure(G, m)) : undefined;
  return blocker ? no('blocked', `Not while ${entry(rules, 'measures', blocker).name} is in place.`) : OK;
}

export function respondToIncident(rules: RuleSet, G: GameState, seat: SeatId, choice: ResponseChoice): void {
  const def = entry(rules, 'incidents', G.incident!.id);
  const option = def.response![choice];
  G.incident!.response = { seat, choice };
  addBlame(G, seat, blameOf(option.effects));
  applyEffects(rules, G, option.effects, seat);
  log(rules, G, 'incident', `${SEAT_NAMES[seat]} chooses ${choice}: ${option.text}`, seat);
}
