/**
 * The balance matrix: every combination of temperaments across the three seats, and the targets
 * the numbers in `rules/` should meet (issue 4). Pure apart from playing games.
 */
import { PATHS, SEATS, type SeatId } from '../game/types';
import { PERSONALITIES, type Difficulty, type Personality } from './config';
import { playGame, type GameResult } from './simulator';
import { SEAT_KEYS, summarize, type Summary } from './summary';

export type Matchup = Record<SeatId, Personality>;

export const matchupName = (m: Matchup) => SEATS.map((s) => m[s]).join(' / ');

export function allMatchups(): Matchup[] {
  return PERSONALITIES.flatMap((us) => PERSONALITIES.flatMap((iran) => PERSONALITIES.map((med) => ({ '0': us, '1': iran, '2': med }))));
}

export interface MatchupResult {
  matchup: Matchup;
  summary: Summary;
}

export async function runMatrix(
  matchups: readonly Matchup[],
  games: number,
  seed: string,
  difficulty: Difficulty,
  onGame: (done: number) => void = () => {},
): Promise<MatchupResult[]> {
  const out: MatchupResult[] = [];
  let done = 0;
  for (const matchup of matchups) {
    const results: GameResult[] = [];
    for (let i = 0; i < games; i++) {
      const bots = Object.fromEntries(SEATS.map((s) => [s, { personality: matchup[s], difficulty }])) as Record<SeatId, { personality: Personality; difficulty: Difficulty }>;
      results.push(await playGame({ seed: `${seed}-${matchupName(matchup)}-${i}`, bots }));
      onGame(++done);
    }
    out.push({ matchup, summary: summarize(results) });
  }
  return out;
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

/** The five targets of issue 4, judged on a matrix's results. */
export function judge(results: readonly MatchupResult[]): Target[] {
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
  if (results.length > 1) {
    const total = results.reduce((n, r) => n + r.summary.games, 0);
    const shares = PATHS.map((p) => results.reduce((n, r) => n + r.summary.paths[p], 0) / Math.max(1, total));
    targets.push({ name: 'Every ending in at least 3 % of all games', figure: PATHS.map((p, i) => `${p} ${pct(shares[i])}`).join(', '), met: shares.every((x) => x >= 0.03) });
  }
  return targets;
}
