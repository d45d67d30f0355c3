/**
 * Initiative cards: a small private hand dealt to each seat as every phase opens, played free of
 * action points during negotiation. Played cards are public; the hand and the draw pile are not.
 */
import { addBlame, blameOf } from './blame';
import { currentPhase } from './calendar';
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { describeShortfall, holds } from './metrics';
import { checkAccessOpens } from './nuclear';
import type { Random } from './random';
import { entry, findEntry, phaseName, type RuleSet } from './ruleset';
import { SEAT_NAMES } from './seats';
import { checkNegotiating } from './stages';
import type { GameState } from './state';
import { SEATS, type CardId, type SeatId, type StageId } from './types';
import { OK, no, type Verdict } from './verdict';
import { ownSecret, type GameView } from './view';

/** Each seat's own shuffled draw pile, top card last. */
export function shuffleInitiatives(rules: RuleSet, random: Pick<Random, 'Shuffle'>): Record<SeatId, CardId[]> {
  const pile = (seat: SeatId) => random.Shuffle(rules.initiatives.filter((c) => c.seat === seat).map((c) => c.id));
  return { '0': pile('0'), '1': pile('1'), '2': pile('2') };
}

/** As a phase opens, each seat draws up to its per-phase allowance without passing the hand limit. */
export function dealHands(rules: RuleSet, G: GameState): void {
  const { perPhase, max } = rules.negotiation.hand;
  for (const seat of SEATS) {
    const hand = G.secrets[seat].hand;
    const pile = G.initiativeDecks[seat];
    const n = Math.min(perPhase, Math.max(0, max - hand.length), pile.length);
    for (let i = 0; i < n; i++) hand.push(pile.pop()!);
    if (n > 0) log(rules, G, 'setup', `You draw ${n} initiative card${n === 1 ? '' : 's'}.`, seat, [seat]);
  }
}

export function checkCard(rules: RuleSet, G: GameView, seat: SeatId, stage: StageId | null, cardId: unknown): Verdict {
  const def = findEntry(rules, 'initiatives', cardId);
  if (!def || !ownSecret(G, seat).hand.includes(def.id)) return no('unknown', 'That card is not in your hand.');
  const gate = checkNegotiating(G.seats[seat], stage, 'Initiative cards are played');
  if (!gate.ok) return gate;
  const phase = currentPhase(G);
  if (!def.phases.includes(phase)) return no('wrong-time', `${def.name} can be played in ${def.phases.map((p) => phaseName(rules, p)).join(' and ')}.`);
  const unmet = (def.requires ?? []).find((c) => !holds(rules, G, c));
  if (unmet) return no('unmet', `${def.name} ${describeShortfall(rules, G, unmet)}.`);
  const access = checkAccessOpens(rules, G, def.effects);
  if (!access.ok) return access;
  return OK;
}

export function playCard(rules: RuleSet, G: GameState, seat: SeatId, id: CardId): void {
  const def = entry(rules, 'initiatives', id);
  const hand = G.secrets[seat].hand;
  hand.splice(hand.indexOf(id), 1);
  addBlame(G, seat, blameOf(def.effects));
  applyEffects(rules, G, def.effects, seat);
  log(rules, G, 'negotiation', `${SEAT_NAMES[seat]} plays an initiative: ${def.name}. ${def.text} ${describeEffects(rules, def.effects)}.`, seat);
}
