/**
 * A scripted delegation's next move, decided from its own seat's view alone. In order: answer the
 * incident; decide about steps falling due (comply, partly, or cheat, by temperament and the risk of
 * detection); answer proposals; play a worthwhile initiative card; table one package a round; spend
 * action points on the best-valued role actions; then say Done. A novice misjudges: it adds noise
 * to every valuation and sometimes forgets to table a package.
 */
import type { Ctx } from 'boardgame.io';
import { capitalCost, legalActions } from '../game/actions';
import { blameOf } from '../game/blame';
import { stepsToDecide } from '../game/compliance';
import type { EnumeratedMove } from '../game/enumerate';
import { checkResponse } from '../game/incidents';
import { checkCard } from '../game/initiatives';
import { checkAccept, checkDraft, checkProposalRoom } from '../game/proposals';
import { entry, type RuleSet } from '../game/ruleset';
import { stageOf } from '../game/stages';
import type { Step } from '../game/state';
import { SEATS, STAGES, type Compliance, type SeatId } from '../game/types';
import { detectionChance } from '../game/verification';
import { ownSecret, type GameView } from '../game/view';
import type { BotConfig } from './config';
import { bestPackage, oneSided, packageValue, withChannel } from './packages';
import { valuer, type Valuer } from './values';

export type Rng = () => number;

/** The kinds of choice a bot makes, in the order it considers them. */
export type Choice = 'respond' | 'comply' | 'answer' | 'card' | 'propose' | 'act' | 'done';

/**
 * A bent strategy's say over each move the bot would make (`bent.ts`): keep it, replace it, or drop
 * it (undefined) so the bot goes on to its next kind of choice. It must keep a move for `respond`,
 * `comply` and `done`, which have no next choice.
 */
export type Bend = (choice: Choice, move: EnumeratedMove) => EnumeratedMove | undefined;

interface Mind {
  G: GameView;
  seat: SeatId;
  config: BotConfig;
  me: Valuer;
  noise: () => number;
  rng: Rng;
}

/** The bot's temperament as `rules/bots.json` tunes it. */
const temperament = (rules: RuleSet, m: Mind) => rules.bots.temperaments[m.config.personality];

function respond(rules: RuleSet, m: Mind): EnumeratedMove {
  const def = entry(rules, 'incidents', m.G.incident!.id).response!;
  const lean = temperament(rules, m).badFaith * 0.6;
  // The noise is drawn whatever the answer, so a barred retaliation leaves the bot's dice as they were.
  const prefers = m.me.effects(def.retaliation.effects) - blamePrice(rules, m, blameOf(def.retaliation.effects)) + lean + m.noise() > m.me.effects(def.restraint.effects);
  const retaliate = prefers && checkResponse(rules, m.G, m.seat, 'retaliation').ok;
  return { move: 'respond', args: [retaliate ? 'retaliation' : 'restraint'] };
}

/**
 * Cheat when the secret points outweigh the expected cost of a red, given the chance of detection;
 * comply partly when half the points are worth an amber.
 */
function compliance(rules: RuleSet, m: Mind, step: Step): Compliance {
  const def = entry(rules, 'commitments', step.what);
  const p = detectionChance(rules, m.G, step.verifier, m.seat);
  const point = 0.8;
  const { partialGainShare, redPenalty, partialPenalty, results } = rules.negotiation;
  const caught = -m.me.effects(results.red) - m.me.effects(entry(rules, 'triggers', step.onRed).effects) + redPenalty * point;
  // Amber has a price, and a second shortfall found in one agreement is a red.
  const again = m.G.agreements.some((a) => a.steps.includes(step) && a.steps.some((s) => s.seat === m.seat && s.partly));
  const short = again ? caught : -m.me.effects(results.amber) + partialPenalty * point;
  const lean = temperament(rules, m).badFaith + m.noise();
  const prudence = temperament(rules, m).prudence;
  const cheat = (1 - p) * def.cheatGain * point - p * caught * prudence + lean;
  const partial = (1 - p) * Math.floor(def.cheatGain * partialGainShare) * point - p * short * prudence + lean;
  if (cheat > 0.5 && cheat >= partial) return 'cheat';
  if (partial > 0.3) return 'partial';
  return 'comply';
}

/** What blame costs a delegation that weighs the end: the penalty, shared out over the blame that earns it. */
function blamePrice(rules: RuleSet, m: Mind, points: number): number {
  const { penalty, min } = rules.endings.blame;
  return points * (penalty / Math.max(1, min)) * 0.25 * temperament(rules, m).prudence;
}

function answer(rules: RuleSet, m: Mind): EnumeratedMove | undefined {
  const { G, seat } = m;
  for (const p of G.proposals) {
    if (p.status !== 'open' || !p.parties.includes(seat) || p.accepted.includes(seat)) continue;
    if (!checkAccept(rules, G, seat, p.id).ok) return { move: 'reject', args: [p.id] };
    // The Mediator carrying a shuttle weighs the process; a party weighs its own interest, and only
    // a conciliator gives without getting.
    if (m.config.personality !== 'conciliator' && oneSided(seat, p.commitments)) return { move: 'reject', args: [p.id] };
    // A plain no is blamed: a borderline package is worth taking rather than refusing.
    const value = packageValue(rules, G, m.me, p.commitments) + blamePrice(rules, m, rules.endings.blame.reject) + m.noise();
    const wants = value >= temperament(rules, m).accept || (seat === '2' && !p.commitments.some((c) => c.seat === '2') && value > -1);
    return { move: wants ? 'accept' : 'reject', args: [p.id] };
  }
  return undefined;
}

function card(rules: RuleSet, m: Mind): EnumeratedMove | undefined {
  const { G, seat } = m;
  const playable = ownSecret(G, seat).hand.filter((id) => checkCard(rules, G, seat, STAGES.negotiate, id).ok);
  const scored = playable.map((id) => {
    const effects = entry(rules, 'initiatives', id).effects;
    return { id, value: m.me.effects(effects) - blamePrice(rules, m, blameOf(effects)) + m.noise() };
  });
  const best = scored.sort((a, b) => b.value - a.value)[0];
  return best && best.value > temperament(rules, m).act ? { move: 'playCard', args: [best.id] } : undefined;
}

function propose(rules: RuleSet, m: Mind, view: GameView): EnumeratedMove | undefined {
  const { G, seat, config } = m;
  if (G.proposedThisRound[seat] > 0 || !checkProposalRoom(rules, G, seat).ok) return undefined;
  if (config.difficulty === 'novice' && m.rng() < 0.35) return undefined;
  const partners = Object.fromEntries(SEATS.map((s) => [s, s === seat ? m.me : valuer(rules, view, s, 'pragmatist')])) as Record<SeatId, Valuer>;
  const pkg = bestPackage(rules, G, m.me, partners, config.personality);
  const draft = pkg && withChannel(rules, G, seat, config.personality, pkg);
  return draft && checkDraft(rules, G, seat, draft).ok ? { move: 'propose', args: [draft] } : undefined;
}

function action(rules: RuleSet, m: Mind): EnumeratedMove | undefined {
  const { G, seat } = m;
  const scored = legalActions(rules, G, seat, STAGES.negotiate).map(({ id, amount }) => {
    const def = entry(rules, 'actions', id);
    const value =
      m.me.effects(def.effects, amount ?? 1) - capitalCost(rules, G, def, amount ?? 1) * m.me.capital - def.cost.ap * 0.1 - blamePrice(rules, m, blameOf(def.effects, amount ?? 1));
    return { id, amount, value: value + m.noise() };
  });
  const best = scored.sort((a, b) => b.value - a.value)[0];
  if (!best || best.value <= temperament(rules, m).act) return undefined;
  return { move: 'act', args: best.amount === undefined ? [best.id] : [best.id, best.amount] };
}

/** The next move for `seat`, from that seat's view alone: the engine's checks take a view. */
export function decide(rules: RuleSet, view: GameView, ctx: Ctx, seat: SeatId, config: BotConfig, rng: Rng, bend?: Bend): EnumeratedMove | undefined {
  if (ctx.gameover) return undefined;
  const b = (choice: Choice, move: EnumeratedMove | undefined) => (move && bend ? bend(choice, move) : move);
  const G = view;
  const spread = config.difficulty === 'novice' ? 1.2 : 0.15;
  const m: Mind = { G, seat, config, me: valuer(rules, view, seat, config.personality), noise: () => (rng() - 0.5) * spread, rng };
  const stage = stageOf(ctx, seat);
  if (stage === STAGES.respond) return b('respond', respond(rules, m));
  if (stage !== STAGES.negotiate || G.seats[seat].done) return undefined;
  const undecided = stepsToDecide(G, seat).find((s) => ownSecret(G, seat).choices[s.id] === undefined);
  if (undecided) return b('comply', { move: 'comply', args: [undecided.id, compliance(rules, m, undecided)] });
  return b('answer', answer(rules, m)) ?? b('card', card(rules, m)) ?? b('propose', propose(rules, m, view)) ?? b('act', action(rules, m)) ?? b('done', { move: 'done', args: [] });
}
