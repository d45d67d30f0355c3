/**
 * The four paths of seed 000 and how the game scores them. Tension at its maximum ends the game at
 * once in escalation; Trust at zero collapses the talks; otherwise the final board decides.
 */
import { agendaPoints, breachPoints, cheatPoints } from './agendas';
import { totalRounds } from './calendar';
import { describeShortfall, holds, holdsAll } from './metrics';
import type { RuleSet } from './ruleset';
import type { GameState } from './state';
import { SEATS, type AgendaId, type Path, type SeatId } from './types';
import type { GameView } from './view';

export type EndCause = 'tension' | 'collapse' | 'final';

export interface GameOver {
  path: Path;
  scores: Record<SeatId, number>;
  winner?: SeatId;
  cause: EndCause;
  /** Revealed at the end: each seat's agendas, and the cheats that were never found. */
  agendas: Record<SeatId, AgendaId[]>;
  hiddenCheats: Record<SeatId, number>;
  /** Each seat's steps a verifier found red. */
  breaches: Record<SeatId, number>;
}

/**
 * For the debrief: each path better than the one reached at the end, with the conditions the final
 * board missed, in words with the board's figures ("needs Trust ≥ 7 (now 5)").
 */
export function pathsMissed(rules: RuleSet, G: GameView, reached: Path): { path: Path; name: string; unmet: string[] }[] {
  const { paths } = rules.endings;
  const better = paths.slice(0, paths.findIndex((p) => p.path === reached)).filter((p) => p.path !== 'escalation');
  return better.map((p) => ({ path: p.path, name: p.name, unmet: p.when.filter((c) => !holds(rules, G, c)).map((c) => describeShortfall(rules, G, c)) }));
}

export function pathName(rules: RuleSet, path: Path): string {
  return rules.endings.paths.find((p) => p.path === path)!.name;
}

/** The ending the board calls for now, if any. */
export function ending(rules: RuleSet, G: GameState): { path: Path; cause: EndCause } | undefined {
  const { tensionMax, trustCollapse, collapse, paths } = rules.endings;
  if (G.tension >= tensionMax) return { path: 'escalation', cause: 'tension' };
  if (G.trust <= trustCollapse) return { path: collapse.find((c) => holdsAll(rules, G, c.when))!.path, cause: 'collapse' };
  if (G.history.length >= totalRounds(G.schedule))
    return { path: paths.find((p) => holdsAll(rules, G, p.when))!.path, cause: 'final' };
  return undefined;
}

/**
 * Escalation: everyone scores 0. Otherwise the shared bonus, met agendas and unseen cheats, less
 * the price of verified breaches.
 */
export function scores(rules: RuleSet, G: GameState, path: Path): Record<SeatId, number> {
  const bonus = rules.endings.outcomeBonus[path];
  const score = (seat: SeatId) =>
    path === 'escalation' ? 0 : bonus + agendaPoints(rules, G, seat) + cheatPoints(G, seat) - breachPoints(rules, G, seat);
  return { '0': score('0'), '1': score('1'), '2': score('2') };
}

/** The seats that share the top `value`. */
function soleLeaders(seats: readonly SeatId[], value: (seat: SeatId) => number): SeatId[] {
  const best = Math.max(...seats.map(value));
  return seats.filter((seat) => value(seat) === best);
}

function soleLeader(seats: readonly SeatId[], tiebreak: (seat: SeatId) => number): SeatId | undefined {
  const leaders = seats.length > 1 ? soleLeaders(seats, tiebreak) : seats;
  return leaders.length === 1 ? leaders[0] : undefined;
}

export function gameOver(rules: RuleSet, G: GameState): GameOver | undefined {
  const end = ending(rules, G);
  if (!end) return undefined;
  const s = scores(rules, G, end.path);
  // Escalation: everyone loses. A tie at the top goes to the seat with the most capital at home
  // (the Mediator's credibility); a tie on that too has no single winner.
  const winner = end.path === 'escalation' ? undefined : soleLeader(soleLeaders(SEATS, (seat) => s[seat]), (seat) => G.seats[seat].capital);
  const reveal = <T>(f: (seat: SeatId) => T) => Object.fromEntries(SEATS.map((seat) => [seat, f(seat)])) as Record<SeatId, T>;
  const over: GameOver = {
    ...end,
    scores: s,
    agendas: reveal((seat) => [...G.secrets[seat].agendas]),
    hiddenCheats: reveal((seat) => G.secrets[seat].cheats.length),
    breaches: reveal((seat) => breachPoints(rules, G, seat) / Math.max(1, rules.negotiation.redPenalty)),
  };
  if (winner !== undefined) over.winner = winner;
  return over;
}
