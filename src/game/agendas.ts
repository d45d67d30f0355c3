/** Secret agendas: each seat is dealt objectives at setup; they score on the final board. */
import { holdsAll } from './metrics';
import type { Random } from './random';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import { SEATS, type AgendaId, type SeatId } from './types';
import type { GameView } from './view';

/** Deals each seat its agendas from its own pool. */
export function dealAgendas(rules: RuleSet, random: Pick<Random, 'Shuffle'>): Record<SeatId, AgendaId[]> {
  const deal = (seat: SeatId) =>
    random.Shuffle(rules.agendas.filter((a) => a.seat === seat).map((a) => a.id)).slice(0, rules.negotiation.agendasPerSeat);
  return Object.fromEntries(SEATS.map((s) => [s, deal(s)])) as Record<SeatId, AgendaId[]>;
}

export function agendaMet(rules: RuleSet, G: GameView, id: AgendaId): boolean {
  return holdsAll(rules, G, entry(rules, 'agendas', id).when);
}

export function agendaPoints(rules: RuleSet, G: GameState, seat: SeatId): number {
  return G.secrets[seat].agendas.filter((id) => agendaMet(rules, G, id)).reduce((n, id) => n + entry(rules, 'agendas', id).points, 0);
}

/** What the seat's undiscovered cheats are worth at the end. */
export function cheatPoints(G: GameState, seat: SeatId): number {
  return G.secrets[seat].cheats.reduce((n, c) => n + c.gain, 0);
}

/** What verified non-compliance, in full or in part, costs the seat's standing at the end. */
export function breachPoints(rules: RuleSet, G: GameState, seat: SeatId): number {
  const own = G.agreements.flatMap((a) => a.steps).filter((s) => s.seat === seat);
  const reds = own.filter((s) => s.status === 'red').length;
  const partly = own.filter((s) => s.partly && s.status === 'amber').length;
  return reds * rules.negotiation.redPenalty + partly * rules.negotiation.partialPenalty;
}
