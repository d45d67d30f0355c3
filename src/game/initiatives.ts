/**
 * Initiative cards: a small private hand dealt to each seat as every phase opens, played free of
 * action points during negotiation. Played cards are public; the hand and the draw pile are not.
 */
import { phaseName } from './actions';
import { currentPhase } from './calendar';
import { applyEffects, describeEffects, openAccessTier } from './effects';
import { log } from './log';
import { describeShortfall, holds } from './metrics';
import { RULES } from './rules';
import type { InitiativeDef } from './schema';
import { SEAT_NAMES } from './seats';
import type { GameState } from './state';
import { SEATS, type CardId, type SeatId, type StageId } from './types';
import { OK, no, type Verdict } from './verdict';

interface Shuffler {
  Shuffle<T>(deck: T[]): T[];
}

export function initiativeDef(id: unknown): InitiativeDef | undefined {
  return RULES.initiatives.find((c) => c.id === id);
}

/** Each seat's own shuffled draw pile, top card last. */
export function shuffleInitiatives(random: Shuffler): Record<SeatId, CardId[]> {
  const pile = (seat: SeatId) => random.Shuffle(RULES.initiatives.filter((c) => c.seat === seat).map((c) => c.id));
  return { '0': pile('0'), '1': pile('1'), '2': pile('2') };
}

/** As a phase opens, each seat draws up to its per-phase allowance without passing the hand limit. */
export function dealHands(G: GameState): void {
  const { perPhase, max } = RULES.negotiation.hand;
  for (const seat of SEATS) {
    const hand = G.secrets[seat].hand;
    const pile = G.initiativeDecks[seat];
    const n = Math.min(perPhase, Math.max(0, max - hand.length), pile.length);
    for (let i = 0; i < n; i++) hand.push(pile.pop()!);
    if (n > 0) log(G, 'setup', `You draw ${n} initiative card${n === 1 ? '' : 's'}.`, seat, [seat]);
  }
}

export function checkCard(G: GameState, seat: SeatId, stage: StageId | null, cardId: unknown): Verdict {
  const def = initiativeDef(cardId);
  if (!def || !G.secrets[seat].hand.includes(def.id)) return no('That card is not in your hand.');
  if (G.seats[seat].done) return no('You have said Done for this round.');
  if (stage !== 'negotiate') return no('Initiative cards are played during negotiation.');
  const phase = currentPhase(G);
  if (!def.phases.includes(phase)) return no(`${def.name} can be played in ${def.phases.map(phaseName).join(' and ')}.`);
  const unmet = (def.requires ?? []).find((c) => !holds(G, c));
  if (unmet) return no(`${def.name} ${describeShortfall(G, unmet)}.`);
  if ((def.effects.access ?? 0) > 0 && G.nuclear.access >= openAccessTier(G)) return no('No further IAEA access opens in this phase.');
  return OK;
}

export function playCard(G: GameState, seat: SeatId, id: CardId): void {
  const def = initiativeDef(id)!;
  const hand = G.secrets[seat].hand;
  hand.splice(hand.indexOf(id), 1);
  applyEffects(G, def.effects, seat);
  log(G, 'negotiation', `${SEAT_NAMES[seat]} plays an initiative: ${def.name}. ${def.text} ${describeEffects(def.effects)}.`, seat);
}
