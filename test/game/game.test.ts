/**
 * A whole game of Backchannel through boardgame.io's reducer: a scripted match from setup to the
 * end of round 9, each of the four endings from constructed positions, the early endings
 * (Tension at its maximum, Trust collapsing), determinism under a seed, and `setupData`.
 *
 * Expected boards, paths and scores come from the rules JSON through a small evaluator written here
 * (conditions, effects, the last round's domestic step and framework review, endings, agendas), never
 * from the engine's own functions. Constructed positions deal every seat's secret agendas so that who
 * wins does not hang on how many points an agenda is worth, and have no cheats or agreements.
 */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { lastRoundWithin } from '../../src/game/calendar';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import type { Clause, Effects } from '../../src/game/schema';
import type { RuleSet } from '../../src/game/ruleset';
import type { GameState } from '../../src/game/state';
import { PATHS, SEATS, TRACKS, type Metric, type Path, type PhaseId, type SeatId, type Track } from '../../src/game/types';
import {
  active,
  answerIncident,
  everyLine,
  finishRound,
  midTracks,
  moveAction,
  newMatch,
  play,
  seeded,
  setG,
  withRules,
  type GameStateFull,
  type Match,
} from '../harness';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const NEGOTIATING = { '0': 'negotiate', '1': 'negotiate', '2': 'negotiate' };
const PHASE_OF_ROUND: PhaseId[] = [
  'confidence', 'confidence', 'confidence',
  'verification', 'verification', 'verification',
  'framework', 'framework', 'framework',
];
/** Months elapsed at the end of each round: 3 × 1, 3 × 2, 3 × 3 months. */
const MONTHS = [1, 2, 3, 5, 7, 9, 12, 15, 18];
const incident = (id: string) => rules.incidents.find((i) => i.id === id)!;
const phaseName = (p: PhaseId) => rules.phases.find((x) => x.id === p)!.name;

type GameOver = { path: Path; scores: Record<SeatId, number>; winner?: SeatId; cause: string };
const over = (m: Match) => m.state.ctx.gameover as GameOver | undefined;

/**
 * The game is over with exactly this path, scores and cause, and a winner only if one is given.
 * (Other fields the ending may carry are not this suite's concern.)
 */
function expectEnding(m: Match, e: { path: Path; scores: Record<SeatId, number>; cause: string; winner?: SeatId }): void {
  const end = over(m);
  expect(end, 'the game is over').toBeDefined();
  expect({ path: end!.path, scores: end!.scores, cause: end!.cause }).toEqual({ path: e.path, scores: e.scores, cause: e.cause });
  if (e.winner === undefined) expect(Object.keys(end!)).not.toContain('winner');
  else expect(end!.winner).toBe(e.winner);
}

/** Breakout in months, from rules/nuclear.json (integer units never need the quarter rounding). */
function breakout(G: GameState): number {
  const n = rules.nuclear;
  const months =
    n.enrichmentTiers[G.nuclear.enrichment].breakoutMonths +
    n.breakout.perStockpileUnit * G.nuclear.stockpile +
    n.breakout.perCentrifugeUnit * G.nuclear.centrifuges;
  return Math.max(n.breakout.minMonths, months);
}

/** A metric's value, read from G here rather than through the engine. */
function value(G: GameState, metric: Metric): number {
  const table: Partial<Record<string, () => number>> = {
    trust: () => G.trust,
    tension: () => G.tension,
    sanctions: () => G.sanctions.level,
    frozenAssets: () => G.sanctions.frozenAssets,
    escrow: () => G.sanctions.escrow,
    enrichment: () => G.nuclear.enrichment,
    stockpile: () => G.nuclear.stockpile,
    centrifuges: () => G.nuclear.centrifuges,
    access: () => G.nuclear.access,
    heldByIran: () => G.detainees.heldByIran,
    heldByUS: () => G.detainees.heldByUS,
    releasedByIran: () => G.detainees.releasedByIran,
    releasedByUS: () => G.detainees.releasedByUS,
    releasedTotal: () => G.detainees.releasedByIran + G.detainees.releasedByUS,
    breakoutMonths: () => breakout(G),
    usCapital: () => G.seats['0'].capital,
    iranCapital: () => G.seats['1'].capital,
    credibility: () => G.seats['2'].capital,
    measuresInPlace: () => G.measures.length,
    trustChange: () => G.trust - G.trustAtRoundStart,
    greenSteps: () => G.agreements.reduce((n, a) => n + a.steps.filter((x) => x.status === 'green').length, 0),
    sanctionsEased: () => rules.scenarios.find((x) => x.id === G.scenario)!.start.sanctions - G.sanctions.level,
  };
  const read = table[metric];
  if (!read) throw new Error(`this suite cannot read the metric ${metric}`);
  return read();
}

function meets(G: GameState, conditions: readonly Clause[]): boolean {
  return conditions.every((c) => {
    if ('any' in c) return c.any.some((x) => meets(G, [x]));
    if ('measure' in c) return G.measures.some((x) => x.id === c.measure);
    if ('anyMeasure' in c) return G.measures.some((x) => c.anyMeasure.includes(x.id));
    const v = value(G, c.metric);
    return c.op === '>=' ? v >= c.value : v <= c.value;
  });
}

/** The final-board path rules/endings.json gives: the first path whose conditions all hold. */
const finalPath = (G: GameState): Path => rules.endings.paths.find((p) => meets(G, p.when))!.path;

/** Escalation scores 0; otherwise the path's bonus, the seat's met agendas and its unseen cheats. */
function expectedScores(G: GameState, path: Path): Record<SeatId, number> {
  const agenda = (id: string) => rules.agendas.find((a) => a.id === id)!;
  const score = (seat: SeatId) => {
    if (path === 'escalation') return 0;
    const met = G.secrets[seat].agendas.filter((id) => meets(G, agenda(id).when));
    const cheats = G.secrets[seat].cheats.reduce((n, c) => n + c.gain, 0);
    return rules.endings.outcomeBonus[path][seat] + met.reduce((n, id) => n + agenda(id).points, 0) + cheats;
  };
  return { '0': score('0'), '1': score('1'), '2': score('2') };
}

/**
 * Constructed positions deal each seat agendas chosen so that the winner does not hang on how many
 * points each agenda is worth: the intended winner's agendas hold on the final board and the others'
 * fail by a wide margin. With every agenda failing, all three seats tie on the path's bonus.
 */
type Agendas = Record<SeatId, string[]>;
/**
 * Fail on every board below but the comprehensive one (where the U.S. is dealt its own): detainees
 * are still held on both sides, IAEA access is below environmental sampling, nothing is in escrow,
 * one measure is in place and nobody has been released.
 */
const NONE_MET: Agendas = {
  '0': ['us-detainees-home', 'us-access'],
  '1': ['ir-detainees-home', 'ir-assets'],
  '2': ['med-architecture', 'med-exchanges'],
};

function dealAgendas(G: GameState, agendas: Agendas): void {
  for (const s of SEATS) {
    for (const id of agendas[s]) expect(rules.agendas.find((a) => a.id === id)?.seat, id).toBe(s);
    G.secrets[s].agendas = agendas[s] as GameState['secrets'][SeatId]['agendas'];
    G.secrets[s].cheats = [];
  }
}

/** Where a track lives in G, written out here. */
function holder(G: GameState, t: Track): [Record<string, number>, string] {
  const rec = (o: object) => o as unknown as Record<string, number>;
  if (t === 'trust' || t === 'tension') return [rec(G), t];
  if (t === 'sanctions') return [rec(G.sanctions), 'level'];
  if (t === 'frozenAssets' || t === 'escrow') return [rec(G.sanctions), t];
  if (t === 'enrichment' || t === 'stockpile' || t === 'centrifuges' || t === 'access') return [rec(G.nuclear), t];
  return [rec(G.detainees), t];
}

/** Applies rules JSON effects as the rulebook states them: deltas clamped to rules/board.json. */
function applyJson(G: GameState, e: Effects): void {
  const clamp = (v: number, b: { min: number; max: number }) => Math.min(b.max, Math.max(b.min, v));
  for (const t of TRACKS) {
    const d = e[t];
    if (!d) continue;
    if (t === 'releasedByIran' || t === 'releasedByUS') G.detainees[t === 'releasedByIran' ? 'heldByIran' : 'heldByUS'] -= d;
    const [o, k] = holder(G, t);
    o[k] = clamp(o[k] + d, rules.board.bounds[t]);
  }
  for (const s of SEATS) G.seats[s].capital = clamp(G.seats[s].capital + (e.capital?.[s] ?? 0), rules.board.bounds.capital);
  for (const id of e.addMeasures ?? []) if (!G.measures.some((x) => x.id === id)) G.measures.push({ id, by: null, until: null });
  for (const id of e.removeMeasures ?? []) G.measures = G.measures.filter((x) => x.id !== id);
}

/**
 * The closing steps of the last round on a copy of `G`, from the JSON: implementation has nothing
 * to do (an enrichment pause holds, no agreements), then every domestic pressure that holds on the
 * board as the round left it (rules/domestic.json), then the framework review (rules/phases.json).
 */
function closeFinalRound(G0: GameState): GameState {
  const G = structuredClone(G0);
  expect(rules.nuclear.growth.haltedBy.some((h) => G.measures.some((x) => x.id === h))).toBe(true);
  expect(G.agreements).toEqual([]);
  for (const p of rules.domestic.pressures.filter((x) => meets(G, x.when))) applyJson(G, p.effects);
  const review = rules.phases.find((x) => x.id === 'framework')!;
  const met = review.milestones.filter((x) => meets(G, x.when));
  for (const x of met) applyJson(G, x.reward);
  if (met.length < review.shortfall.below) applyJson(G, review.shortfall.effects);
  return G;
}

/** The ending rules/endings.json gives this board at the end of the last round. */
function endingOf(G: GameState): { path: Path; cause: string } {
  const { tensionMax, trustCollapse, collapse } = rules.endings;
  if (G.tension >= tensionMax) return { path: 'escalation', cause: 'tension' };
  if (G.trust <= trustCollapse) return { path: collapse.find((c) => meets(G, c.when))!.path, cause: 'collapse' };
  return { path: finalPath(G), cause: 'final' };
}

/** Every move a seat might try is refused once the game is over, and nothing changes. */
function expectAllRefused(m: Match): void {
  const before = structuredClone({ G: m.state.G, ctx: m.state.ctx });
  const tries: [SeatId, string, unknown[]][] = [
    ['0', 'done', []],
    ['1', 'done', []],
    ['2', 'done', []],
    ['0', 'act', ['us-congress-briefing']],
    ['1', 'act', ['ir-rally-constituencies']],
    ['2', 'act', ['med-secure-backchannel']],
    ['0', 'respond', ['restraint']],
    ['1', 'respond', ['retaliation']],
  ];
  for (const [seat, move, args] of tries) {
    const r = play(m, seat, move, ...args);
    expect(r.invalid, `${seat} ${move} after the game`).toBe(true);
    expect(['action/gameover', 'action/unavailable_move']).toContain(r.errorType);
  }
  expect({ G: m.state.G, ctx: m.state.ctx }).toEqual(before);
  for (const seat of SEATS) expect(Backchannel.ai!.enumerate(m.state.G, m.state.ctx as Ctx, seat)).toEqual([]);
}

/** Mid-range tracks, capital 5, nothing in escrow or in place, agendas that all fail. */
function neutralBoard(G: GameState): void {
  midTracks(G, { sanctions: { escrow: 0 } });
  G.measures = [];
  for (const s of SEATS) {
    G.seats[s].capital = 5;
    G.seats[s].crisis = false;
  }
  dealAgendas(G, NONE_MET);
}

/** A match in round 1's negotiation on the neutral board, edited further by `edit`. */
// ---------------------------------------------------------------------------------------------
// 1. A full scripted game
// ---------------------------------------------------------------------------------------------

type Step = [SeatId, string, number?];
/**
 * Each seat's role actions, round by round: the confidence-building measures first, then
 * verification and relief, then the long-term framework (the order the sources sequence them).
 * Every incident that asks for a response is answered with restraint.
 */
const SCRIPT: Step[][] = [
  /* 1 */ [['0', 'us-advance-notifications'], ['0', 'us-strike-moratorium'], ['1', 'ir-naval-notifications'], ['1', 'ir-proxy-restraint'], ['2', 'med-working-groups'], ['2', 'med-shuttle']],
  /* 2 */ [['0', 'us-humanitarian-licences'], ['0', 'us-congress-briefing'], ['1', 'ir-enrichment-pause'], ['1', 'ir-rally-constituencies'], ['2', 'med-verification-standards'], ['2', 'med-secure-backchannel']],
  /* 3 */ [['0', 'us-parole-detainees', 1], ['0', 'us-congress-briefing'], ['1', 'ir-release-detainees', 1], ['1', 'ir-rally-constituencies'], ['2', 'med-host-direct-talks']],
  /* 4 */ [['1', 'ir-iaea-access'], ['1', 'ir-rally-constituencies'], ['0', 'us-relief-tranche'], ['0', 'us-congress-briefing'], ['2', 'med-escrow-channel'], ['2', 'med-publish-findings']],
  /* 5 */ [['0', 'us-release-to-escrow', 2], ['0', 'us-congress-briefing'], ['1', 'ir-iaea-access'], ['1', 'ir-stockpile-limit'], ['2', 'med-joint-monitoring'], ['2', 'med-publish-findings']],
  /* 6 */ [['0', 'us-relief-tranche'], ['0', 'us-congress-briefing'], ['1', 'ir-enrichment-cap'], ['1', 'ir-rally-constituencies'], ['2', 'med-standing-secretariat'], ['2', 'med-publish-findings']],
  /* 7 */ [['0', 'us-relief-tranche'], ['0', 'us-congress-briefing'], ['1', 'ir-rally-constituencies'], ['2', 'med-regional-guarantors'], ['2', 'med-publish-findings']],
  /* 8 */ [['0', 'us-release-to-escrow', 1], ['0', 'us-congress-briefing'], ['1', 'ir-centrifuge-limit'], ['1', 'ir-rally-constituencies'], ['2', 'med-oversight-forum'], ['2', 'med-publish-findings']],
  /* 9 */ [['0', 'us-congress-briefing'], ['1', 'ir-enrichment-cap'], ['1', 'ir-rally-constituencies'], ['2', 'med-shuttle'], ['2', 'med-publish-findings']],
];
/**
 * Seeds 'game-0' … 'game-59' were tried with SCRIPT: 'game-9' is the first where every scripted
 * action is legal in its round whatever the incidents do to capital, and Tension never reaches 10,
 * so the match reaches the end of round 9 (tried again whenever rules/ are rebalanced).
 */
const SCRIPT_SEED = 'game-9';

describe('a full game, move by move', () => {
  it('the schedule gives three rounds per phase and the sources’ months', () => {
    const schedule = rules.scenarios[0].schedule;
    expect(schedule.map((s) => s.phase)).toEqual(['confidence', 'verification', 'framework']);
    const months: number[] = [];
    const phases: PhaseId[] = [];
    let month = 0;
    for (const step of schedule)
      for (let i = 0; i < step.rounds; i++) {
        month += step.monthsPerRound;
        months.push(month);
        phases.push(step.phase);
      }
    expect(months).toEqual(MONTHS);
    expect(phases).toEqual(PHASE_OF_ROUND);
  });

  it('a moratorium runs on the calendar: after the round it is taken in, 60–90 days whatever the round length', () => {
    const schedule = rules.scenarios[0].schedule;
    const months = rules.measures.find((x) => x.id === 'strike-moratorium')!.durationMonths!;
    expect(months).toBe(3);
    for (let round = 1; round < MONTHS.length; round++) {
      const until = lastRoundWithin(schedule, round, months);
      const covered = MONTHS[until - 1] - MONTHS[round - 1];
      expect(covered, `taken in round ${round}`).toBeGreaterThanOrEqual(2);
      expect(covered, `taken in round ${round}`).toBeLessThanOrEqual(3);
    }
    // In play: taken in round 4 (Phase II, months 3–5), it lasts through round 5 (months 5–7), not
    // three more 2-month rounds.
    const m = newMatch({ seed: SCRIPT_SEED });
    answerIncident(m);
    setG(m, (G) => {
      G.round = 4;
      G.seats['0'].capital = 5;
    });
    expect(play(m, '0', 'act', 'us-strike-moratorium').invalid).toBe(false);
    expect(m.state.G.measures.find((x) => x.id === 'strike-moratorium')?.until).toBe(5);
  });

  it(`scripted play from setup to the end of round 9 (seed ${SCRIPT_SEED})`, () => {
    const m = newMatch({ seed: SCRIPT_SEED });
    for (let round = 1; round <= 9; round++) {
      const phase = PHASE_OF_ROUND[round - 1];
      expect(over(m), `round ${round}`).toBeUndefined();
      expect(m.state.G.round).toBe(round);
      expect(m.state.ctx.phase).toBe(phase);
      expect(m.state.G.history.map((h) => h.month)).toEqual(MONTHS.slice(0, round - 1));
      expect(m.state.G.history.map((h) => h.round)).toEqual(Array.from({ length: round - 1 }, (_, i) => i + 1));

      // The incident: the seat it names answers first, unless measures softened it.
      const inc = m.state.G.incident!;
      const def = incident(inc.id);
      if (def.response && !(inc.modified && def.kind === 'negative')) {
        expect(active(m)).toEqual({ [def.response.seat]: 'respond' });
        expect(play(m, def.response.seat, 'respond', 'restraint').invalid).toBe(false);
      }
      expect(active(m)).toEqual(NEGOTIATING);

      for (const [seat, id, amount] of SCRIPT[round - 1]) {
        const r = amount === undefined ? play(m, seat, 'act', id) : play(m, seat, 'act', id, amount);
        expect(r.invalid, `round ${round}: ${seat} ${id} refused`).toBe(false);
      }
      expect(m.state.G.tension).toBeLessThan(rules.endings.tensionMax);

      const top = m.state.G.deck.at(-1);
      for (const seat of SEATS) {
        expect(m.state.G.round).toBe(round);
        expect(play(m, seat, 'done').invalid).toBe(false);
      }

      // The round closed: recorded in the history, reviewed if it ended a phase.
      const G = m.state.G;
      expect(G.history).toHaveLength(round);
      expect(G.history.at(-1)).toMatchObject({ round, month: MONTHS[round - 1] });
      const reviews = everyLine(G).filter((e) => e.round === round && e.step === 'review');
      if (round % 3 === 0) expect(reviews[0]?.text).toContain(`${phaseName(phase)} review`);
      else expect(reviews).toEqual([]);
      if (round < 9) {
        expect(G.round).toBe(round + 1);
        expect(G.incident!.id).toBe(top);
      }
    }

    const G = m.state.G;
    // By hand from SCRIPT: every milestone of every phase is met at its review (strike moratorium,
    // humanitarian channel, one detainee each way, an enrichment pause, working groups; joint monitoring,
    // access 2, $2bn in escrow, sanctions 8 → 6; enrichment 2 → 0, centrifuges 4 → 2, forum, guarantors).
    expect(G.milestones).toEqual(rules.phases.flatMap((p) => p.milestones.map((x) => x.id)));
    expect(G.history.map((h) => h.month)).toEqual(MONTHS);
    const reviewed = everyLine(G).filter((e) => e.step === 'review' && e.text.includes(' review: '));
    expect(reviewed.map((e) => e.round)).toEqual([3, 6, 9]);

    // The final board decides: rules/endings.json's first path that holds, scored from the agendas dealt.
    const path = finalPath(G);
    expect(PATHS).toContain(path);
    const scores = expectedScores(G, path);
    const best = Math.max(...SEATS.map((s) => scores[s]));
    const leaders = SEATS.filter((s) => scores[s] === best);
    expect(leaders).toHaveLength(1);
    expectEnding(m, { path, scores, cause: 'final', winner: leaders[0] });
    expectAllRefused(m);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The four endings, from constructed final rounds
// ---------------------------------------------------------------------------------------------

/** A match in round 9's negotiation, reached by playing rounds with Trust and Tension mid-track. */
function finalRound(seed: string, variant?: RuleSet): Match {
  const m = newMatch({ seed, rules: variant });
  while (m.state.G.round < 9) {
    setG(m, (G) => {
      G.trust = 5;
      G.tension = 5;
    });
    finishRound(m);
    expect(over(m)).toBeUndefined();
  }
  answerIncident(m);
  expect(m.state.ctx.phase).toBe('framework');
  expect(m.state.G.history).toHaveLength(8);
  expect(active(m)).toEqual(NEGOTIATING);
  return m;
}

interface FinalBoard {
  trust: number;
  tension: number;
  sanctions: number;
  enrichment: number;
  stockpile: number;
  centrifuges: number;
  access: number;
  capital: [number, number, number];
}

/**
 * Sets the board for the last round. An enrichment pause (no expiry) stops the stockpile growing;
 * detainees 3/3, $5bn frozen and none in escrow; no crisis; Trust has not moved this round; `agendas` dealt.
 */
function setFinal(m: Match, b: FinalBoard, agendas: Agendas): void {
  setG(m, (G) => {
    dealAgendas(G, agendas);
    G.trust = b.trust;
    G.trustAtRoundStart = b.trust;
    G.tension = b.tension;
    G.sanctions = { level: b.sanctions, frozenAssets: 5, escrow: 0 };
    G.nuclear = { enrichment: b.enrichment, stockpile: b.stockpile, centrifuges: b.centrifuges, access: b.access };
    G.detainees = { heldByIran: 3, heldByUS: 3, releasedByIran: 0, releasedByUS: 0 };
    G.measures = [{ id: 'enrichment-pause' as GameState['measures'][number]['id'], by: null, until: null }];
    SEATS.forEach((s, i) => {
      G.seats[s].capital = b.capital[i];
      G.seats[s].crisis = false;
    });
  });
}

/**
 * Plays the last round out from `board` and checks the round's closing steps moved the board as
 * the JSON says. Returns the ending and scores the final board calls for.
 */
function finish(seed: string, board: FinalBoard, agendas: Agendas, variant?: RuleSet) {
  const m = finalRound(seed, variant);
  setFinal(m, board, agendas);
  const expected = closeFinalRound(m.state.G);
  expect(over(m)).toBeUndefined();
  finishRound(m);
  const G = m.state.G;
  expect(G.history).toHaveLength(9);
  expect([G.trust, G.tension]).toEqual([expected.trust, expected.tension]);
  expect(G.nuclear).toEqual(expected.nuclear);
  expect(G.sanctions).toEqual(expected.sanctions);
  expect(SEATS.map((s) => G.seats[s].capital)).toEqual(SEATS.map((s) => expected.seats[s].capital));
  const end = endingOf(expected);
  return { m, G, ...end, scores: expectedScores(expected, end.path) };
}

/** Far inside every threshold of comprehensive revival: Trust high, calm, breakout 12 months, sanctions 2, access 4. */
const COMPREHENSIVE: FinalBoard = { trust: 9, tension: 3, sanctions: 2, enrichment: 0, stockpile: 0, centrifuges: 0, access: 4, capital: [5, 5, 5] };
/**
 * Incremental but not comprehensive: Trust 6, Tension 4, sanctions eased from 8 to 6, short-notice
 * inspections (access 2); access below environmental sampling rules out comprehensive.
 */
const INCREMENTAL: FinalBoard = { trust: 6, tension: 4, sanctions: 6, enrichment: 1, stockpile: 4, centrifuges: 4, access: 2, capital: [5, 2, 8] };
/** Incremental again, with nothing to move any seat's capital at the round's end: a tie stays a tie. */
const LEVEL: FinalBoard = { trust: 5, tension: 4, sanctions: 6, enrichment: 1, stockpile: 4, centrifuges: 4, access: 2, capital: [5, 5, 5] };
/** Relief delivered but verification never strengthened (access 1, no joint teams or forum): stalemate. */
const STALEMATE: FinalBoard = { trust: 3, tension: 5, sanctions: 5, enrichment: 2, stockpile: 6, centrifuges: 4, access: 1, capital: [5, 5, 5] };

describe('the four endings', () => {
  it('comprehensive revival; the U.S. wins', () => {
    const agendas = { ...NONE_MET, '0': ['us-breakout', 'us-access'] };
    const { m, G, path, cause, scores } = finish('ending-comprehensive', COMPREHENSIVE, agendas);
    expect(path).toBe('comprehensive');
    expect(G.trust).toBeGreaterThanOrEqual(7);
    expect(breakout(G)).toBe(12);
    expect(scores['0']).toBeGreaterThan(rules.endings.outcomeBonus.comprehensive['0']);
    expect(scores['1']).toBe(rules.endings.outcomeBonus.comprehensive['1']);
    expectEnding(m, { path: 'comprehensive', cause, scores, winner: '0' });
    expect(cause).toBe('final');
    expectAllRefused(m);
  });

  it('incremental progress; the Mediator wins', () => {
    const agendas = { ...NONE_MET, '2': ['med-credibility', 'med-architecture'] };
    const { m, path, cause, scores } = finish('ending-incremental', INCREMENTAL, agendas);
    expect(path).toBe('incremental');
    expect(scores['2']).toBe(rules.endings.outcomeBonus.incremental['2'] + rules.agendas.find((a) => a.id === 'med-credibility')!.points);
    expectEnding(m, { path: 'incremental', cause: 'final', scores, winner: '2' });
    expect(cause).toBe('final');
  });

  it('a tie at the top: no winner', () => {
    // A variant in which incremental progress is worth the same to every seat.
    const level = withRules((raw) => {
      (raw['rules/endings.json'] as { outcomeBonus: Record<Path, Record<SeatId, number>> }).outcomeBonus.incremental = { '0': 6, '1': 6, '2': 6 };
    });
    const { m, G, path } = finish('ending-tie', LEVEL, NONE_MET, level);
    expect(path).toBe('incremental');
    // Level on points and on standing at home alike.
    expect(SEATS.map((s) => G.seats[s].capital)).toEqual([5, 5, 5]);
    const scores = { '0': 6, '1': 6, '2': 6 };
    expectEnding(m, { path: 'incremental', cause: 'final', scores });
  });

  it('a tie at the top goes to the seat that delivered most: its own steps verified green', () => {
    const level = withRules((raw) => {
      (raw['rules/endings.json'] as { outcomeBonus: Record<Path, Record<SeatId, number>> }).outcomeBonus.incremental = { '0': 6, '1': 6, '2': 6 };
    });
    const m = finalRound('ending-tie-green', level);
    setFinal(m, LEVEL, NONE_MET);
    // One step of Iran's, verified green long ago; the others signed nothing. More capital at
    // home (the U.S. keeps 9) must not decide the tie.
    setG(m, (G) => {
      const step = { seat: '1' as SeatId, what: 'naval-notifications', due: 2, verifier: 'observers', onGreen: 'public-welcome', onRed: 'suspension', id: '1.1', status: 'green' };
      G.agreements = [{ id: '1', proposal: '1', channel: 'shuttle', parties: ['0', '1', '2'], round: 1, steps: [step], leaked: false } as unknown as GameState['agreements'][number]];
      G.seats['0'].capital = 9;
    });
    finishRound(m);
    expectEnding(m, { path: 'incremental', cause: 'final', scores: { '0': 6, '1': 6, '2': 6 }, winner: '1' });
  });

  it('frozen stalemate; Iran wins', () => {
    const agendas = { ...NONE_MET, '1': ['ir-programme', 'ir-hedge'] };
    const { m, G, path, scores } = finish('ending-stalemate', STALEMATE, agendas);
    expect(path).toBe('stalemate');
    expect(G.trust).toBeGreaterThan(rules.endings.trustCollapse);
    expect(scores['1']).toBeGreaterThan(scores['0']);
    expectEnding(m, { path: 'stalemate', cause: 'final', scores, winner: '1' });
  });

  it('escalation at the end: everyone scores 0, nobody wins', () => {
    // Otherwise a comprehensive board, and every agenda of the U.S. met: escalation comes first.
    const agendas = { ...NONE_MET, '0': ['us-breakout', 'us-access'] };
    const { m, G, path, cause } = finish('ending-escalation', { ...COMPREHENSIVE, tension: 9 }, agendas);
    expect(path).toBe('escalation');
    expect(cause).toBe('final');
    expect(G.tension).toBe(9);
    expectEnding(m, { path: 'escalation', scores: { '0': 0, '1': 0, '2': 0 }, cause: 'final' });
    expectAllRefused(m);
  });

  it('Trust falling to 0 at the final review is a collapse, not a final ending', () => {
    const { m, G, path, cause, scores } = finish('ending-collapse', { ...STALEMATE, trust: 1 }, NONE_MET);
    // Nothing for the framework review: its shortfall takes the last point of Trust.
    expect(G.trust).toBe(0);
    expect([path, cause]).toEqual(['stalemate', 'collapse']);
    expectEnding(m, { path: 'stalemate', scores, cause: 'collapse' });
  });

  it('the game does not end before round 9 closes', () => {
    const m = finalRound('ending-not-yet');
    setFinal(m, COMPREHENSIVE, NONE_MET);
    play(m, '0', 'done');
    play(m, '1', 'done');
    expect(over(m)).toBeUndefined();
    expect(active(m)).toEqual({ '2': 'negotiate' });
    play(m, '2', 'done');
    expect(over(m)?.path).toBe('comprehensive');
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Early endings
// ---------------------------------------------------------------------------------------------

const ESCALATED = { path: 'escalation' as Path, scores: { '0': 0, '1': 0, '2': 0 }, cause: 'tension' };
const { tensionMax, trustCollapse, sustainedRounds, protectedPhases, blame } = rules.endings;

/** A neutral board, negotiating in `round`, reached by playing the rounds before it out. */
function negotiatingIn(round: number, edit: (G: GameState) => void = () => {}, seed = 'game-endings'): Match {
  const m = newMatch({ seed });
  while (m.state.G.round < round) {
    setG(m, neutralBoard);
    finishRound(m);
    expect(over(m)).toBeUndefined();
  }
  answerIncident(m);
  setG(m, (G) => {
    neutralBoard(G);
    edit(G);
  });
  return m;
}

/** Ends the round in play with Tension or Trust held where `edit` puts them. */
function endRoundWith(m: Match, edit: (G: GameState) => void): void {
  setG(m, edit);
  finishRound(m);
}

describe('escalation needs sustained danger: Tension at its maximum as two rounds in a row end', () => {
  it('the thresholds are the ones in rules/endings.json', () => {
    expect([tensionMax, trustCollapse, sustainedRounds]).toEqual([10, 0, 2]);
    expect(protectedPhases).toEqual(['confidence']);
  });

  it('a hostile act that takes Tension to 10 mid-round does not end the game; the end of the round warns', () => {
    const m = negotiatingIn(4, (G) => {
      G.tension = 9;
    });
    expect(play(m, '1', 'act', 'ir-proxy-pressure').invalid).toBe(false);
    expect(m.state.G.tension).toBe(10);
    expect(over(m)).toBeUndefined();
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(over(m)).toBeUndefined();
    expect(everyLine(m.state.G).some((l) => l.text.startsWith('The region stands at the brink'))).toBe(true);
  });

  it('the second round in a row to end at 10 escalates', () => {
    const m = negotiatingIn(4);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(over(m)).toBeUndefined();
    answerIncident(m);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(m.state.G.history.slice(-2).map((r) => r.tension)).toEqual([10, 10]);
    expectEnding(m, ESCALATED);
    expectAllRefused(m);
  });

  it('stepping back from the brink in between resets the count', () => {
    const m = negotiatingIn(4);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    answerIncident(m);
    endRoundWith(m, (G) => {
      G.tension = 9;
    });
    answerIncident(m);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(over(m)).toBeUndefined();
  });

  it('in Phase I the brink is only a warning; the first round of Phase II to end there too escalates', () => {
    const m = negotiatingIn(1);
    for (let round = 1; round <= 3; round++) {
      answerIncident(m);
      endRoundWith(m, (G) => {
        G.tension = 10;
      });
      expect(over(m), `round ${round}`).toBeUndefined();
    }
    answerIncident(m);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(m.state.G.history).toHaveLength(4);
    expectEnding(m, ESCALATED);
  });

  it('blame: the seat whose hostile acts raised Tension most loses the blame penalty', () => {
    const m = negotiatingIn(4, (G) => {
      G.tension = 7;
    });
    expect(play(m, '0', 'act', 'us-show-of-force').invalid).toBe(false);
    expect(play(m, '0', 'act', 'us-new-sanctions').invalid).toBe(false);
    expect(play(m, '0', 'act', 'us-hardline-rhetoric').invalid).toBe(false);
    expect(m.state.G.blame).toEqual({ '0': 4, '1': 0, '2': 0 });
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    answerIncident(m);
    endRoundWith(m, (G) => {
      G.tension = 10;
    });
    expect(blame.min).toBeLessThanOrEqual(4);
    expectEnding(m, { ...ESCALATED, scores: { '0': -blame.penalty, '1': 0, '2': 0 } });
    expect((over(m) as { blamed?: SeatId }).blamed).toBe('0');
  });

  it('each repeat of a hostile act costs one more capital', () => {
    const m = negotiatingIn(4);
    const capital = () => m.state.G.seats['0'].capital;
    const c0 = capital();
    expect(play(m, '0', 'act', 'us-show-of-force').invalid).toBe(false);
    // Free the first time, and it pays 1 at home.
    expect(capital()).toBe(c0 + 1);
    expect(play(m, '0', 'act', 'us-new-sanctions').invalid).toBe(false);
    expect(capital()).toBe(c0 + 1 - rules.negotiation.hostileRepeat + 1);
    expect(m.state.G.seats['0'].hostileActs).toBe(2);
  });
});

describe('Trust at 0 as a round ends collapses the talks, from Phase II on', () => {
  it('with Tension 7 or more: escalation', () => {
    const m = negotiatingIn(4);
    endRoundWith(m, (G) => {
      G.trust = 0;
      G.tension = 7;
    });
    expectEnding(m, { path: 'escalation', scores: { '0': 0, '1': 0, '2': 0 }, cause: 'collapse' });
    expectAllRefused(m);
  });

  it('with Tension below 7: stalemate, scored by what the stalemate is worth to each seat', () => {
    const m = negotiatingIn(4);
    endRoundWith(m, (G) => {
      G.trust = 0;
      G.tension = 5;
    });
    const bonus = rules.endings.outcomeBonus.stalemate;
    const end = over(m)!;
    expect([end.path, end.cause]).toEqual(['stalemate', 'collapse']);
    expect(end.scores).toEqual(expectedScores(m.state.G, 'stalemate'));
    expect(SEATS.map((s) => end.scores[s] >= bonus[s])).toEqual([true, true, true]);
  });

  it('Trust at 0 mid-round is not a collapse if the round ends above it', () => {
    const m = negotiatingIn(4, (G) => {
      G.trust = 1;
    });
    expect(play(m, '0', 'act', 'us-hardline-rhetoric').invalid).toBe(false);
    expect(m.state.G.trust).toBe(0);
    expect(over(m)).toBeUndefined();
    endRoundWith(m, (G) => {
      G.trust = 1;
    });
    expect(over(m)).toBeUndefined();
  });

  it('in Phase I Trust at 0 suspends the talks at a price to the Mediator instead of ending them', () => {
    const m = negotiatingIn(2);
    const credibility = m.state.G.seats['2'].capital;
    endRoundWith(m, (G) => {
      G.trust = 0;
    });
    expect(over(m)).toBeUndefined();
    const suspension = rules.endings.suspension;
    const said = everyLine(m.state.G).find((l) => l.text.startsWith(suspension.text));
    // The line names its price, and the price was paid.
    expect(said?.text).toContain(`Mediator credibility ${suspension.effects.capital!['2']}`.replace('-', '−'));
    expect(m.state.G.seats['2'].capital).toBeLessThan(credibility + 2);
  });

  it('collapse thresholds are the ones in rules/endings.json', () => {
    expect(rules.endings.collapse).toEqual([
      { path: 'escalation', when: [{ metric: 'tension', op: '>=', value: 7 }] },
      { path: 'stalemate', when: [] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Determinism
// ---------------------------------------------------------------------------------------------

type Enumerated = { move: string; args: unknown[] };
const enumerateFor = (s: GameStateFull, seat: string) =>
  Backchannel.ai!.enumerate(s.G, s.ctx as Ctx, seat) as Enumerated[];

describe('determinism', () => {
  /** Plays two matches of `seed` in lockstep, each move picked by `pick` from ai.enumerate. */
  function lockstep(seed: string, pick: (n: number) => number): GameStateFull {
    const a = newMatch({ seed });
    const b = newMatch({ seed });
    expect(b.state.G).toEqual(a.state.G);
    expect(b.state.ctx).toEqual(a.state.ctx);
    let moves = 0;
    while (!a.state.ctx.gameover) {
      expect(moves).toBeLessThan(3000);
      const seats = Object.keys(active(a));
      const seat = seats[pick(seats.length)];
      const options = enumerateFor(a.state, seat);
      const e = options[pick(options.length)];
      const action = moveAction(e.move, e.args, seat);
      a.state = a.reducer(a.state, action);
      b.state = b.reducer(b.state, action);
      expect(a.state.transients?.error, JSON.stringify(action)).toBeUndefined();
      expect(b.state.G).toEqual(a.state.G);
      expect(b.state.ctx).toEqual(a.state.ctx);
      expect(b.state.plugins.random).toEqual(a.state.plugins.random);
      moves += 1;
    }
    expect(b.state.ctx.gameover).toEqual(a.state.ctx.gameover);
    return a.state;
  }

  it('the same seed and the same moves give the same game, move by move, to the end', () => {
    const rounds = [11, 12, 13, 14, 15, 16, 17, 18].map((n) => lockstep(`lockstep-${n}`, seeded(n)).G.history.length);
    // Random play often escalates early; at least one of the games is played through all nine rounds
    // (seeds chosen for that; tried again whenever rules/ are rebalanced).
    expect(rounds).toContain(9);
  });

  it('a different seed gives a different incident order', () => {
    const drawn = (seed: string): string[] => {
      const m = newMatch({ seed });
      const ids = [m.state.G.incident!.id];
      for (let r = 2; r <= 5; r++) {
        setG(m, (G) => {
          G.trust = 5;
          G.tension = 5;
        });
        finishRound(m);
        ids.push(m.state.G.incident!.id);
      }
      return ids;
    };
    expect(drawn('order-a')).toEqual(drawn('order-a'));
    expect(drawn('order-b')).not.toEqual(drawn('order-a'));
    expect(newMatch({ seed: 'order-b' }).state.G.deck).not.toEqual(newMatch({ seed: 'order-a' }).state.G.deck);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. setupData
// ---------------------------------------------------------------------------------------------

/** The round-1 board of `scenario`, i.e. its start plus the first incident (as printed or softened). */
function expectScenarioStart(G: GameState, scenarioId: string): void {
  const s = rules.scenarios.find((x) => x.id === scenarioId)!;
  const def = incident(G.incident!.id);
  const e: Effects = G.incident!.modified ? (def.softenedBy ?? def.boostedBy)!.effects : def.effects;
  expect(G.scenario).toBe(s.id);
  expect(G.schedule).toEqual(s.schedule);
  expect(G.round).toBe(1);
  expect(G.history).toEqual([]);
  expect(G.trust).toBe(s.start.trust + (e.trust ?? 0));
  expect(G.tension).toBe(s.start.tension + (e.tension ?? 0));
  expect(G.sanctions).toEqual({ level: s.start.sanctions, frozenAssets: s.start.frozenAssets, escrow: s.start.escrow });
  expect(G.nuclear).toEqual({
    enrichment: s.start.enrichment,
    stockpile: s.start.stockpile,
    centrifuges: s.start.centrifuges,
    access: s.start.access,
  });
  expect(G.detainees).toEqual({
    heldByIran: s.start.heldByIran + (e.heldByIran ?? 0),
    heldByUS: s.start.heldByUS,
    releasedByIran: 0,
    releasedByUS: 0,
  });
  for (const seat of SEATS) expect(G.seats[seat].capital, seat).toBe(s.start.capital[seat] + (e.capital?.[seat] ?? 0));
}

describe('setupData', () => {
  const validate = (data: unknown) => Backchannel.validateSetupData!(data as never, 3);

  it('none: the first scenario with its own Mediator', () => {
    expect(validate(undefined)).toBeUndefined();
    const m = newMatch({ seed: 'setup-default' });
    const first = rules.scenarios[0];
    expect(first.id).toBe('talks-resume');
    expect(m.state.G.flavour).toBe(first.flavour);
    expectScenarioStart(m.state.G, first.id);
  });

  it('{ scenario: "after-the-strike", flavour: "eu" }', () => {
    const data = { scenario: 'after-the-strike', flavour: 'eu' };
    expect(validate(data)).toBeUndefined();
    const m = newMatch({ seed: 'setup-eu', setupData: data });
    expect(over(m)).toBeUndefined();
    expect(m.state.G.flavour).toBe('eu');
    expect(m.state.G.flavour).not.toBe(rules.scenarios.find((s) => s.id === 'after-the-strike')!.flavour);
    expectScenarioStart(m.state.G, 'after-the-strike');
    finishRound(m);
    expect(m.state.G.round).toBe(2);
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['a scenario only', { scenario: 'after-the-strike' }],
    ['a flavour only', { flavour: 'switzerland' }],
  ])('accepts %s', (_, data) => {
    expect(validate(data)).toBeUndefined();
    expect(() => newMatch({ setupData: data })).not.toThrow();
  });

  it.each([
    ['an unknown scenario', { scenario: 'regime-change' }, /Unknown scenario "regime-change".*talks-resume, after-the-strike/],
    ['an unknown flavour', { flavour: 'france' }, /Unknown mediator flavour "france".*oman, switzerland, qatar, eu/],
    ['a flavour in the wrong case', { flavour: 'EU' }, /Unknown mediator flavour "EU"/],
    ['a scenario that is not a string', { scenario: 3 }, /Unknown scenario 3/],
    ['an unknown key', { scenario: 'talks-resume', seats: 4 }, /unknown field\(s\): seats/],
    ['a string', 'after-the-strike', /setupData must be an object/],
    ['an array', ['after-the-strike', 'eu'], /setupData must be an object/],
    ['a number', 42, /setupData must be an object/],
  ])('refuses %s with a message naming the problem', (_, data, message) => {
    const error = validate(data);
    expect(typeof error).toBe('string');
    expect(error).toMatch(message);
    expect(() => newMatch({ setupData: data })).toThrow(/Backchannel cannot start/);
  });
});
