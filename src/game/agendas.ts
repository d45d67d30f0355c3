/** Secret agendas: each seat is dealt objectives at setup; they score on the final board. */
import { holdsAll } from './metrics';
import { RULES } from './rules';
import type { AgendaDef } from './schema';
import type { GameState } from './state';
import { SEATS, type AgendaId, type SeatId } from './types';

interface Shuffler {
  Shuffle<T>(deck: T[]): T[];
}

export function agendaDef(id: AgendaId): AgendaDef {
  const def = RULES.agendas.find((a) => a.id === id);
  if (!def) throw new RangeError(`unknown agenda ${id}`);
  return def;
}

/** Deals each seat its agendas from its own pool. */
export function dealAgendas(random: Shuffler): Record<SeatId, AgendaId[]> {
  const deal = (seat: SeatId) =>
    random.Shuffle(RULES.agendas.filter((a) => a.seat === seat).map((a) => a.id)).slice(0, RULES.negotiation.agendasPerSeat);
  return Object.fromEntries(SEATS.map((s) => [s, deal(s)])) as Record<SeatId, AgendaId[]>;
}

export function agendaMet(G: GameState, id: AgendaId): boolean {
  return holdsAll(G, agendaDef(id).when);
}

export function agendaPoints(G: GameState, seat: SeatId): number {
  return G.secrets[seat].agendas.filter((id) => agendaMet(G, id)).reduce((n, id) => n + agendaDef(id).points, 0);
}

/** What the seat's undiscovered cheats are worth at the end. */
export function cheatPoints(G: GameState, seat: SeatId): number {
  return G.secrets[seat].cheats.reduce((n, c) => n + c.gain, 0);
}

/** What verified non-compliance costs the seat's standing at the end. */
export function breachPoints(G: GameState, seat: SeatId): number {
  const reds = G.agreements.flatMap((a) => a.steps).filter((s) => s.seat === seat && s.status === 'red').length;
  return reds * RULES.negotiation.redPenalty;
}
