/**
 * The balance report's figures: the exploit table plays each bent strategy on the baseline's seeds
 * and judges it against the issue-11 targets, and the new targets read the right counts.
 */
import { describe, expect, it } from 'vitest';
import { exploitPairs, judge, runExploits, type ExploitTable, type Matchup, type MatchupResult, type Runner } from '../../src/bots/balance';
import { playGame, type GameResult, type MatchSetup } from '../../src/bots/simulator';
import { summarize, VERIFICATION_CAPACITY } from '../../src/bots/summary';
import type { MeasureId, SeatId } from '../../src/game/types';
import { withRules } from '../harness';

const game = (over: Partial<GameResult> = {}): GameResult => ({
  path: 'stalemate',
  cause: 'final',
  scores: { '0': 5, '1': 5, '2': 5 },
  rounds: 9,
  agreements: 0,
  lights: { green: 0, amber: 0, red: 0 },
  moves: 100,
  crises: 0,
  measuresBuilt: [],
  ...over,
});

const M = (p: string) => ({ '0': p, '1': p, '2': p }) as Matchup;
const pragmatist = { personality: 'pragmatist', difficulty: 'expert' } as const;

describe('summaries', () => {
  it('count games with a crisis, with verification capacity built, and by the round they ended', () => {
    const s = summarize([
      game({ crises: 2, rounds: 3 }),
      game({ measuresBuilt: [VERIFICATION_CAPACITY[0]], rounds: 3 }),
      game({ measuresBuilt: ['direct-talks' as MeasureId] }),
    ]);
    expect(s.crisisGames).toBe(1);
    expect(s.verificationGames).toBe(1);
    expect(s.endedInRound).toEqual({ 3: 2, 9: 1 });
  });

  it('a game records the rounds seats spend in a domestic crisis and the measures seats built', async () => {
    const crushing = withRules((raw) => {
      (raw['rules/domestic.json'] as { pressures: unknown[] }).pressures.push({ text: 'Congress revolts.', when: [{ metric: 'trust', op: '>=', value: 0 }], effects: { capital: { '0': -10 } } });
    });
    const r = await playGame({ seed: 'crisis', bots: { '0': pragmatist, '1': pragmatist, '2': pragmatist }, rules: crushing });
    expect(r.crises).toBeGreaterThanOrEqual(r.rounds - 1);
    const plain = await playGame({ seed: 'crisis', bots: { '0': pragmatist, '1': pragmatist, '2': pragmatist } });
    expect(plain.measuresBuilt.length).toBeGreaterThan(0);
    expect(plain.measuresBuilt).toEqual([...new Set(plain.measuresBuilt)].sort());
  });
});

describe('the new targets', () => {
  const matrix = (over: Partial<GameResult>[]): MatchupResult[] =>
    ['pragmatist', 'conciliator', 'hardliner'].map((p) => ({ matchup: M(p), summary: summarize(over.map((o) => game(o))) }));
  const verdict = (results: MatchupResult[], start: string) => judge(results).find((t) => t.name.startsWith(start))!;

  it('read early endings, crises, verification capacity and the hardliners\' length', () => {
    const results = matrix([{ rounds: 2, crises: 1 }, { rounds: 6 }, { rounds: 9, measuresBuilt: [VERIFICATION_CAPACITY[2]] }, { rounds: 9 }]);
    expect(verdict(results, 'At most 15 % of all games end before round 4')).toMatchObject({ figure: '25.0 %', met: false });
    expect(verdict(results, 'A domestic crisis in 15–50 %')).toMatchObject({ figure: '25.0 %', met: true });
    expect(verdict(results, 'Three pragmatists build verification capacity')).toMatchObject({ figure: '25.0 %', met: false });
    expect(verdict(results, 'Three hardliners last at least 5 rounds')).toMatchObject({ figure: '6.50', met: true });
    expect(verdict(results, 'Every ending in at least 8 %').met).toBe(false);
  });
});

describe('the exploit table', () => {
  it('plays every pair on the baseline\'s seeds and reads each bent seat against itself unbent', async () => {
    const asked: MatchSetup[] = [];
    // A fake runner: the baseline's winner is the U.S.; Iran bent to reject-all wins instead.
    const run: Runner = async (setups) => {
      asked.push(...setups);
      return setups.map((s) => {
        const winner: SeatId = s.bent?.seat === '1' && s.bent.strategy === 'reject-all' ? '1' : '0';
        const spoiler = s.bent?.strategy === 'repeat-hostile';
        return game({ winner, path: spoiler ? 'escalation' : 'stalemate', bentMoves: s.bent ? 2 : undefined, scores: spoiler ? { '0': 0, '1': 0, '2': 0 } : { '0': 6, '1': 5, '2': 5, [winner]: 7 } });
      });
    };
    const table = await runExploits(4, 'fake', 'expert', run);
    const pairs = exploitPairs();
    expect(asked).toHaveLength(4 * (pairs.length + 1));
    const seeds = (bent?: (typeof pairs)[number]) => asked.filter((s) => s.bent?.seat === bent?.seat && s.bent?.strategy === bent?.strategy).map((s) => s.seed);
    for (const pair of pairs) expect(seeds(pair)).toEqual(seeds(undefined));
    expect(new Set(asked.map((s) => JSON.stringify(s.bots)))).toEqual(new Set([JSON.stringify({ '0': pragmatist, '1': pragmatist, '2': pragmatist })]));
    const iran = table.rows.find((r) => r.seat === '1' && r.strategy === 'reject-all')!;
    expect(iran).toMatchObject({ baseline: { winRate: 0, meanScore: 5 }, bent: { winRate: 1, meanScore: 7 }, winDeltaPoints: 100, scoreDelta: 2, bentMovesPerGame: 2 });
    const spoiler = table.rows.find((r) => r.strategy === 'repeat-hostile')!;
    // Everyone scores 0 in an escalation: the spoiler ties for the top, so it lost none.
    expect(spoiler.escalations).toEqual({ caused: 4, spoilerLost: 0 });
  });

  it('judges a rise of more than 3 points, and a spoiler that loses under 80 % of its escalations', () => {
    const row = (winDeltaPoints: number, escalations?: { caused: number; spoilerLost: number }) => ({
      seat: '1' as const,
      strategy: escalations ? ('repeat-hostile' as const) : ('reject-all' as const),
      games: 400,
      baseline: { winRate: 0.3, meanScore: 5 },
      bent: { winRate: 0.3 + winDeltaPoints / 100, meanScore: 5 },
      winDeltaPoints,
      scoreDelta: 0,
      bentMovesPerGame: 1,
      paths: { comprehensive: 0, incremental: 0, stalemate: 400, escalation: 0 },
      ...(escalations && { escalations }),
    });
    const verdicts = (rows: ReturnType<typeof row>[]) => {
      const table: ExploitTable = { games: 400, baseline: summarize([game()]), rows };
      return judge([], table);
    };
    expect(verdicts([row(3), row(-20, { caused: 10, spoilerLost: 8 })]).map((t) => t.met)).toEqual([true, true]);
    const [raise, spoiler] = verdicts([row(3.4), row(-20, { caused: 10, spoilerLost: 7 })]);
    expect(raise).toMatchObject({ met: false, figure: 'iran reject-all +3.4' });
    expect(spoiler).toMatchObject({ met: false, figure: 'iran 70.0 % of 10' });
  });
});
