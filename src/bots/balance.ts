/**
 * The balance matrix: every combination of temperaments across the three seats, the exploit table
 * of bent strategies against their pragmatist baseline (issue 11), and the targets the numbers in
 * `rules/` should meet (issues 4 and 11). Pure apart from playing games, which a runner does: in
 * turn here, on worker threads from the command line.
 */
import { DEFAULT_RULES } from '../game';
import type { RuleSet } from '../game/ruleset';
import { PATHS, SEATS, type Length, type SeatId } from '../game/types';
import { appliesTo, BENT_STRATEGIES, type BentStrategy } from './bent';
import { PERSONALITIES, type BotConfig, type Difficulty, type Personality } from './config';
import { playGame, type GameResult, type MatchSetup } from './simulator';
import { SEAT_KEYS, summarize, type Summary } from './summary';

/** Plays games and hands back their results in the order of their setups. */
export type Runner = (setups: readonly MatchSetup[]) => Promise<GameResult[]>;

/** One game after another on this thread; `onGame` hears how many are done. */
export const inTurn =
  (onGame: (done: number) => void = () => {}): Runner =>
  async (setups) => {
    const out: GameResult[] = [];
    for (const setup of setups) {
      out.push(await playGame(setup));
      onGame(out.length);
    }
    return out;
  };

export type Matchup = Record<SeatId, Personality>;

export const matchupName = (m: Matchup) => SEATS.map((s) => m[s]).join(' / ');

export function allMatchups(): Matchup[] {
  return PERSONALITIES.flatMap((us) => PERSONALITIES.flatMap((iran) => PERSONALITIES.map((med) => ({ '0': us, '1': iran, '2': med }))));
}

export interface MatchupResult {
  matchup: Matchup;
  summary: Summary;
}

const botsOf = (matchup: Matchup, difficulty: Difficulty) =>
  Object.fromEntries(SEATS.map((s) => [s, { personality: matchup[s], difficulty }])) as Record<SeatId, BotConfig>;

/** The setups of `games` games of each matchup, in order. */
export function matrixSetups(matchups: readonly Matchup[], games: number, seed: string, difficulty: Difficulty, length: Length = 'standard'): MatchSetup[] {
  return matchups.flatMap((matchup) => Array.from({ length: games }, (_, i) => ({ seed: `${seed}-${matchupName(matchup)}-${i}`, bots: botsOf(matchup, difficulty), ...lengthSetup(length) })));
}

/** The standard game needs no setup; a short one says so. */
const lengthSetup = (length: Length): Pick<MatchSetup, 'setupData'> => (length === 'standard' ? {} : { setupData: { length } });

const chunks = <T>(xs: readonly T[], size: number) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** `games` games of each matchup, summed up per matchup. */
export async function runMatrix(matchups: readonly Matchup[], games: number, seed: string, difficulty: Difficulty, run: Runner = inTurn(), length: Length = 'standard'): Promise<MatchupResult[]> {
  const results = await run(matrixSetups(matchups, games, seed, difficulty, length));
  return chunks(results, games).map((r, i) => ({ matchup: matchups[i], summary: summarize(r) }));
}

/** A bent strategy on one seat, among pragmatists, against the same seat unbent on the same seeds. */
export interface ExploitRow {
  seat: SeatId;
  strategy: BentStrategy;
  games: number;
  /** The seat's win rate (0–1) and mean score, unbent and bent. */
  baseline: { winRate: number; meanScore: number };
  bent: { winRate: number; meanScore: number };
  /** Bent minus baseline: win rate in percentage points, score in points. */
  winDeltaPoints: number;
  scoreDelta: number;
  /** Moves a game the strategy changed. */
  bentMovesPerGame: number;
  paths: Summary['paths'];
  /** For repeat-hostile: the escalations it caused and how many of them its seat lost. */
  escalations?: { caused: number; spoilerLost: number };
}

export interface ExploitTable {
  games: number;
  baseline: Summary;
  rows: ExploitRow[];
}

/** Every (seat, strategy) pair the exploit table plays: each strategy on each seat it applies to. */
export function exploitPairs(rules: RuleSet = DEFAULT_RULES): { seat: SeatId; strategy: BentStrategy }[] {
  return SEATS.flatMap((seat) => BENT_STRATEGIES.filter((strategy) => appliesTo(rules, strategy, seat)).map((strategy) => ({ seat, strategy })));
}

/**
 * A spoiler's escalation, until the engine says who caused one (blame, issue 11): every escalation
 * in a game where the spoiler took its hostile action; it lost if its score is not the top.
 */
function spoilerEscalations(seat: SeatId, results: readonly GameResult[]) {
  const caused = results.filter((r) => r.path === 'escalation' && (r.bentMoves ?? 0) > 0);
  const lost = caused.filter((r) => r.scores[seat] < Math.max(...SEATS.map((s) => r.scores[s])));
  return { caused: caused.length, spoilerLost: lost.length };
}

/** The exploit table: `games` games of pragmatists, then the same seeds with each pair bent. */
export async function runExploits(games: number, seed: string, difficulty: Difficulty, run: Runner = inTurn(), length: Length = 'standard'): Promise<ExploitTable> {
  const bots = botsOf({ '0': 'pragmatist', '1': 'pragmatist', '2': 'pragmatist' }, difficulty);
  const seeds = Array.from({ length: games }, (_, i) => `${seed}-exploit-${i}`);
  const pairs = exploitPairs();
  const setups = [undefined, ...pairs].flatMap((bent) => seeds.map((s): MatchSetup => ({ seed: s, bots, ...lengthSetup(length), ...(bent && { bent }) })));
  const [base, ...bentRuns] = chunks(await run(setups), games);
  const baseline = summarize(base);
  const rows = pairs.map(({ seat, strategy }, i): ExploitRow => {
    const results = bentRuns[i];
    const s = summarize(results);
    const key = SEAT_KEYS[seat];
    const row: ExploitRow = {
      seat,
      strategy,
      games,
      baseline: { winRate: baseline.winRate[key], meanScore: baseline.meanScore[key] },
      bent: { winRate: s.winRate[key], meanScore: s.meanScore[key] },
      winDeltaPoints: (s.winRate[key] - baseline.winRate[key]) * 100,
      scoreDelta: s.meanScore[key] - baseline.meanScore[key],
      bentMovesPerGame: results.reduce((n, r) => n + (r.bentMoves ?? 0), 0) / games,
      paths: s.paths,
    };
    if (strategy === 'repeat-hostile') row.escalations = spoilerEscalations(seat, results);
    return row;
  });
  return { games, baseline, rows };
}

export interface Target {
  name: string;
  /** The figure the target reads, and whether it meets the target. */
  figure: string;
  met: boolean;
}

const same = (m: Matchup, p: Personality) => SEATS.every((s) => m[s] === p);
const share = (s: Summary, paths: readonly string[]) => paths.reduce((n, p) => n + s.paths[p as keyof Summary['paths']], 0) / Math.max(1, s.games);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The most a bent strategy may raise its seat's win rate, in percentage points (issue 11). */
export const EXPLOIT_MAX_POINTS = 3;
/** The least share of the escalations a spoiler causes that it must lose (issue 11). */
export const SPOILER_LOSES = 0.8;

/** The targets of issues 4 and 11, judged on a matrix's results and, if played, the exploit table. */
export function judge(results: readonly MatchupResult[], exploits?: ExploitTable): Target[] {
  const find = (pred: (m: Matchup) => boolean) => results.find((r) => pred(r.matchup))?.summary;
  const prag = find((m) => same(m, 'pragmatist'));
  const conc = find((m) => same(m, 'conciliator'));
  const hard = find((m) => same(m, 'hardliner'));
  const targets: Target[] = [];
  if (prag) {
    const rates = SEATS.map((s) => prag.winRate[SEAT_KEYS[s]]);
    targets.push({ name: 'Three pragmatists: each seat wins 25–42 %', figure: rates.map(pct).join(', '), met: rates.every((r) => r >= 0.25 && r <= 0.42) });
  }
  if (conc) {
    const x = share(conc, ['comprehensive', 'incremental']);
    targets.push({ name: 'Three conciliators: comprehensive or incremental in at least 60 %', figure: pct(x), met: x >= 0.6 });
  }
  if (hard) {
    const x = share(hard, ['stalemate', 'escalation']);
    targets.push({ name: 'Three hardliners: stalemate or escalation in at least 60 %', figure: pct(x), met: x >= 0.6 });
  }
  const lone = SEATS.map((s) => ({ s, r: find((m) => m[s] === 'hardliner' && SEATS.every((o) => o === s || m[o] === 'pragmatist')) }));
  if (lone.every((x) => x.r)) {
    const rates = lone.map(({ s, r }) => r!.winRate[SEAT_KEYS[s]]);
    targets.push({ name: 'One hardliner among pragmatists wins under 50 %', figure: rates.map(pct).join(', '), met: rates.every((r) => r < 0.5) });
  }
  if (hard) targets.push({ name: 'Three hardliners last at least 5 rounds on average', figure: hard.meanRounds.toFixed(2), met: hard.meanRounds >= 5 });
  if (prag) {
    const x = prag.verificationGames / Math.max(1, prag.games);
    targets.push({ name: 'Three pragmatists build verification capacity (joint monitoring, oversight forum or escrow) in at least 50 %', figure: pct(x), met: x >= 0.5 });
  }
  if (results.length > 1) {
    const total = Math.max(1, results.reduce((n, r) => n + r.summary.games, 0));
    const count = (f: (s: Summary) => number) => results.reduce((n, r) => n + f(r.summary), 0) / total;
    const shares = PATHS.map((p) => count((s) => s.paths[p]));
    const stalemate = shares[PATHS.indexOf('stalemate')];
    targets.push({
      name: 'Every ending in at least 8 % of all games, stalemate in at most 40 %',
      figure: PATHS.map((p, i) => `${p} ${pct(shares[i])}`).join(', '),
      met: shares.every((x) => x >= 0.08) && stalemate <= 0.4,
    });
    const early = count((s) => Object.entries(s.endedInRound).reduce((n, [round, games]) => n + (Number(round) < 4 ? games : 0), 0));
    targets.push({ name: 'At most 15 % of all games end before round 4', figure: pct(early), met: early <= 0.15 });
    const crisis = count((s) => s.crisisGames);
    targets.push({ name: 'A domestic crisis in 15–50 % of all games', figure: pct(crisis), met: crisis >= 0.15 && crisis <= 0.5 });
  }
  if (exploits) targets.push(...judgeExploits(exploits));
  return targets;
}

const signed = (x: number, digits = 1) => `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;

function judgeExploits(table: ExploitTable): Target[] {
  const raising = table.rows.filter((r) => r.winDeltaPoints > EXPLOIT_MAX_POINTS);
  const worst = [...table.rows].sort((a, b) => b.winDeltaPoints - a.winDeltaPoints)[0];
  const targets: Target[] = [
    {
      name: `No bent strategy raises its seat's win rate by more than ${EXPLOIT_MAX_POINTS} points (${table.games} games each)`,
      figure: raising.length
        ? raising.map((r) => `${SEAT_KEYS[r.seat]} ${r.strategy} ${signed(r.winDeltaPoints)}`).join(', ')
        : worst
          ? `largest ${SEAT_KEYS[worst.seat]} ${worst.strategy} ${signed(worst.winDeltaPoints)}`
          : 'no strategy played',
      met: raising.length === 0,
    },
  ];
  const spoilers = table.rows.filter((r) => r.escalations);
  if (spoilers.length) {
    const share = (r: ExploitRow) => r.escalations!.spoilerLost / Math.max(1, r.escalations!.caused);
    targets.push({
      name: `A spoiler loses at least ${SPOILER_LOSES * 100} % of the escalations it causes (blame pending: lost = not the top score)`,
      figure: spoilers.map((r) => `${SEAT_KEYS[r.seat]} ${pct(share(r))} of ${r.escalations!.caused}`).join(', '),
      met: spoilers.every((r) => share(r) >= SPOILER_LOSES),
    });
  }
  return targets;
}
