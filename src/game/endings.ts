/**
 * The four paths of seed 000 and how the game scores them. Tension held at its maximum escalates;
 * Trust at zero collapses the talks (in Phase I it only suspends them); otherwise the final, real
 * board decides.
 */
import { agendaPoints, breachPoints, cheatPoints } from './agendas';
import { blamed } from './blame';
import { placeOfRound, totalRounds } from './calendar';
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { describeShortfall, holds, holdsAll } from './metrics';
import { realBoard } from './reality';
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
  /** The seat that stands out in blame, if one does (`blame.ts`). */
  blamed?: SeatId;
  /** The real board behind the declared one: what hidden cheats left undone shows here. */
  real: RealFigures;
}

/** The parts of the board a cheat can leave undone. */
export type RealFigures = Pick<GameState, 'nuclear' | 'sanctions' | 'detainees' | 'measures'>;

const realFigures = ({ nuclear, sanctions, detainees, measures }: GameState): RealFigures => ({ nuclear, sanctions, detainees, measures });

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

/** Whether the round `round` falls where the brink and Trust at its floor do not yet end the talks. */
function isProtected(rules: RuleSet, G: Pick<GameView, 'schedule'>, round: number): boolean {
  return round < totalRounds(G.schedule) && rules.endings.protectedPhases.includes(placeOfRound(G.schedule, round).phase);
}

/**
 * The ending the board calls for, if any, read as rounds end: escalation when Tension stood at its
 * maximum as the last `sustainedRounds` rounds ended; a collapse when Trust stood at its floor; the
 * final board after the last round. Neither breakdown comes in a protected phase (Phase I). The
 * final board is the real one: a hidden cheat counts for what it left undone.
 */
export function ending(rules: RuleSet, G: GameState): { path: Path; cause: EndCause } | undefined {
  const { tensionMax, trustCollapse, collapse, paths, sustainedRounds } = rules.endings;
  const last = G.history.at(-1);
  if (!last) return undefined;
  if (!isProtected(rules, G, last.round)) {
    const recent = G.history.slice(-sustainedRounds);
    if (recent.length === sustainedRounds && recent.every((r) => r.tension >= tensionMax)) return { path: 'escalation', cause: 'tension' };
    if (last.trust <= trustCollapse) return { path: collapse.find((c) => holdsAll(rules, realBoard(rules, G), c.when))!.path, cause: 'collapse' };
  }
  if (G.history.length >= totalRounds(G.schedule)) return { path: paths.find((p) => holdsAll(rules, realBoard(rules, G), p.when))!.path, cause: 'final' };
  return undefined;
}

/**
 * Said as a round ends short of a breakdown: the brink is a warning, and in a protected phase Trust
 * at its floor suspends the talks, at a price, instead of ending them.
 */
export function warnOfBreakdown(rules: RuleSet, G: GameState): void {
  const { tensionMax, trustCollapse, sustainedRounds, suspension } = rules.endings;
  if (ending(rules, G)) return;
  if (G.tension >= tensionMax)
    log(rules, G, 'review', `The region stands at the brink: if Tension is still at ${tensionMax} as ${sustainedRounds === 2 ? 'the next round ends' : `${sustainedRounds - 1} more rounds end`}, it escalates into war.`);
  if (G.trust <= trustCollapse && isProtected(rules, G, G.round)) {
    applyEffects(rules, G, suspension.effects, null);
    log(rules, G, 'review', `${suspension.text} (${describeEffects(rules, suspension.effects)})`);
  }
}

/**
 * Each seat's score: what the path is worth to it, its agendas met on the real board and its unseen
 * cheats, less the price of verified breaches; in escalation only the price of blame. The seat that
 * stands out in blame loses the blame penalty.
 */
export function scores(rules: RuleSet, G: GameState, path: Path, guilty?: SeatId): Record<SeatId, number> {
  const real = realBoard(rules, G);
  const bonus = rules.endings.outcomeBonus[path];
  const penalty = (seat: SeatId) => (seat === guilty ? rules.endings.blame.penalty : 0);
  const score = (seat: SeatId) =>
    (path === 'escalation' ? 0 : bonus[seat] + agendaPoints(rules, real, seat) + cheatPoints(G, seat) - breachPoints(rules, G, seat)) - penalty(seat);
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
  // Blame weighs on every ending: a seat that let the others carry the talks while it said no, or
  // broke them, must not come out ahead whatever the path.
  const guilty = blamed(rules, G);
  const s = scores(rules, G, end.path, guilty);
  // Escalation: everyone loses. A tie at the top goes to the seat that delivered most: the most of
  // its own steps verified green (capital kept by signing nothing must not decide it); a tie on that
  // too has no single winner.
  const delivered = (seat: SeatId) => G.agreements.reduce((n, a) => n + a.steps.filter((x) => x.seat === seat && x.status === 'green').length, 0);
  const winner = end.path === 'escalation' ? undefined : soleLeader(soleLeaders(SEATS, (seat) => s[seat]), delivered);
  const reveal = <T>(f: (seat: SeatId) => T) => Object.fromEntries(SEATS.map((seat) => [seat, f(seat)])) as Record<SeatId, T>;
  const over: GameOver = {
    ...end,
    scores: s,
    agendas: reveal((seat) => [...G.secrets[seat].agendas]),
    hiddenCheats: reveal((seat) => G.secrets[seat].cheats.length),
    breaches: reveal((seat) => G.agreements.flatMap((a) => a.steps).filter((x) => x.seat === seat && x.status === 'red').length),
    real: realFigures(realBoard(rules, G)),
  };
  if (winner !== undefined) over.winner = winner;
  if (guilty !== undefined) over.blamed = guilty;
  return over;
}
