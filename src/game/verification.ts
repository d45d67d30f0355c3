/**
 * The traffic light (seed 001). When a step falls due, its seat's secret choice meets the verifier:
 * the chance of seeing through partial compliance or a cheat comes from the verification capacity in
 * place. Green releases what was agreed and raises Trust; amber gives limited relief and more
 * monitoring; red fires the pre-agreed snapback and lowers Trust. Nothing else fires a snapback.
 * A cheat the verifier missed pays its seat in secret, and environmental sampling may find it later.
 */
import { dueSteps, suspendRest } from './agreements';
import { audience, canSee } from './audience';
import { addBlame } from './blame';
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { hasMeasure } from './measures';
import { describeShortfall, holds } from './metrics';
import type { Random } from './random';
import { closeGap, gapOf, readTracks } from './reality';
import { entry, type RuleSet } from './ruleset';
import { SEAT_NAMES } from './seats';
import type { Agreement, GameState, Step } from './state';
import { SEATS, type Compliance, type Light, type SeatId, type VerifierId } from './types';
import type { GameView } from './view';

/** The chance that `verifier` sees through `seat`'s partial compliance or cheating now. */
export function detectionChance(rules: RuleSet, G: GameView, verifier: VerifierId, seat: SeatId): number {
  const { detection } = entry(rules, 'verifiers', verifier);
  const measures = detection.measures.filter((m) => hasMeasure(G, m.measure)).reduce((n, m) => n + m.bonus, 0);
  const chance = detection.base + detection.perAccessTier * G.nuclear.access + measures + G.monitoring[seat];
  return Math.min(rules.negotiation.detectionMax, chance);
}

/** The chance that full compliance still reads amber: vague verification language. */
export function ambiguityChance(rules: RuleSet, G: GameView, verifier: VerifierId): number {
  const { ambiguity } = entry(rules, 'verifiers', verifier);
  const reduced = ambiguity.measures.filter((m) => hasMeasure(G, m.measure)).reduce((n, m) => n + m.reduce, 0);
  return Math.max(0, ambiguity.base - reduced);
}

/** An EU mediator's reports, or an oversight forum, settle an ambiguous amber. */
export function settlesAmbiguity(rules: RuleSet, G: GameView): boolean {
  const { flavours, measures } = rules.negotiation.ambiguitySettledBy;
  return flavours.includes(G.flavour) || measures.some((m) => hasMeasure(G, m));
}

const LIGHT_WORDS: Record<Light, string> = {
  green: 'GREEN — verified compliance',
  amber: 'AMBER — partial or ambiguous',
  red: 'RED — verified non-compliance',
};

/**
 * The light a step earns, what the verifier can honestly say, whether it was fooled, and whether it
 * found the step done only in part. Amber has a price: a second shortfall found in one agreement is
 * a breach, and turns red.
 */
function verify(rules: RuleSet, G: GameState, agreement: Agreement, step: Step, choice: Compliance, dice: Pick<Random, 'Number'>): { light: Light; finding: string; missed: boolean; partly: boolean } {
  const detected = dice.Number() < detectionChance(rules, G, step.verifier, step.seat);
  const declared = 'the step was carried out as declared';
  if (choice === 'cheat')
    return detected ? { light: 'red', finding: 'the step was not carried out as declared', missed: false, partly: false } : { light: 'green', finding: declared, missed: true, partly: false };
  if (choice === 'partial') {
    if (!detected) return { light: 'green', finding: declared, missed: true, partly: false };
    const again = agreement.steps.some((s) => s !== step && s.seat === step.seat && s.partly);
    return again
      ? { light: 'red', finding: 'the step was again carried out only in part; a repeated shortfall is a breach', missed: false, partly: true }
      : { light: 'amber', finding: 'the step was carried out only in part', missed: false, partly: true };
  }
  if (dice.Number() < ambiguityChance(rules, G, step.verifier)) {
    if (settlesAmbiguity(rules, G)) return { light: 'green', finding: 'an ambiguous finding was settled in favour of compliance', missed: false, partly: false };
    return { light: 'amber', finding: 'the evidence is ambiguous; more monitoring is needed', missed: false, partly: false };
  }
  return { light: 'green', finding: declared, missed: false, partly: false };
}

/**
 * Fires what the light pre-agreed: the results' Trust change and, on green or red, the step's
 * trigger; on amber, the green trigger's limited relief, if it has one.
 */
function fire(rules: RuleSet, G: GameState, agreement: Agreement, step: Step, light: Light): string {
  applyEffects(rules, G, rules.negotiation.results[light], null);
  const parts = [describeEffects(rules, rules.negotiation.results[light])];
  if (light === 'amber') G.monitoring[step.seat] += rules.negotiation.amberMonitoring;
  const trigger = entry(rules, 'triggers', light === 'red' ? step.onRed : step.onGreen);
  const effects = light === 'amber' ? trigger.limited : trigger.effects;
  if (effects) {
    // Checked when agreed; a measure it needs may have lapsed since, and then it cannot fire.
    const unmet = (trigger.requires ?? []).find((r) => !holds(rules, G, r));
    const name = light === 'amber' ? `${trigger.name}, limited` : trigger.name;
    if (unmet) parts.unshift(`${name} cannot fire: it ${describeShortfall(rules, G, unmet)}`);
    else {
      applyEffects(rules, G, effects, null);
      parts.unshift(`${name}: ${describeEffects(rules, effects)}`);
    }
  }
  if (light === 'red') suspendRest(rules, G, agreement);
  return parts.filter((p) => p !== 'no change').join('; ') || 'no change';
}

/**
 * A breach found, in full or in part, is its seat's doing: it adds to the seat's blame. Blame is
 * public, so a breach of an agreement still secret on the backchannel is not counted.
 */
function blameBreach(rules: RuleSet, G: GameState, agreement: Agreement, step: Step, light: Light, partly: boolean): void {
  if (!canSee(agreement, null)) return;
  if (light === 'red') addBlame(G, step.seat, rules.endings.blame.red);
  else if (partly) addBlame(G, step.seat, rules.endings.blame.partial);
}

function resolveStep(rules: RuleSet, G: GameState, agreement: Agreement, step: Step, dice: Pick<Random, 'Number'>): void {
  const def = entry(rules, 'commitments', step.what);
  const secret = G.secrets[step.seat];
  const choice = secret.choices[step.id] ?? 'comply';
  delete secret.choices[step.id];
  const { light, finding, missed, partly } = verify(rules, G, agreement, step, choice, dice);
  // What the world sees done: in full if it passed as compliance, in part if amber, nothing on red.
  const done = light === 'green' ? def.effects : light === 'amber' ? def.partial : {};
  const before = readTracks(G);
  applyEffects(rules, G, done, step.seat);
  // What a missed step left undone, before its trigger moves the board further.
  const gap = missed ? gapOf(G, before, def.effects, choice === 'cheat' ? {} : def.partial) : undefined;
  step.status = light;
  if (partly) step.partly = true;
  blameBreach(rules, G, agreement, step, light, partly);
  const fired = fire(rules, G, agreement, step, light);
  const verifier = entry(rules, 'verifiers', step.verifier);
  step.report = `${verifier.name}, round ${G.round}: ${SEAT_NAMES[step.seat]} — ${def.name}: ${LIGHT_WORDS[light]}. Finding: ${finding}. ${fired}.`;
  log(rules, G, 'implementation', step.report, undefined, audience(agreement));
  if (gap) {
    const kind = choice === 'cheat' ? 'cheat' : 'partial';
    const gain = kind === 'cheat' ? def.cheatGain : Math.floor(def.cheatGain * rules.negotiation.partialGainShare);
    secret.cheats.push({ kind, agreement: agreement.id, step: step.id, round: G.round, gain, gap });
    log(rules, G, 'implementation', `Your ${kind === 'cheat' ? 'cheat' : 'partial compliance'} on ${def.name} went unseen: +${gain} secret points while it stays hidden. The board shows the step done; the real programme does not.`, step.seat, [step.seat]);
  }
}

/**
 * Environmental sampling looks back at earlier rounds: each hidden cheat may surface, turning its
 * green red (a hidden partial compliance turns amber), and its secret points are lost.
 */
function lookBack(rules: RuleSet, G: GameState, dice: Pick<Random, 'Number'>): void {
  const { accessTier, chance, verifiers, effects } = rules.negotiation.lookback;
  if (G.nuclear.access < accessTier) return;
  for (const seat of SEATS) {
    const secret = G.secrets[seat];
    for (const cheat of [...secret.cheats]) {
      const agreement = G.agreements.find((a) => a.id === cheat.agreement)!;
      const step = agreement.steps.find((s) => s.id === cheat.step)!;
      if (cheat.round === G.round || !verifiers.includes(step.verifier) || dice.Number() >= chance) continue;
      secret.cheats = secret.cheats.filter((c) => c !== cheat);
      closeGap(rules, G, cheat);
      const light: Light = cheat.kind === 'cheat' ? 'red' : 'amber';
      step.status = light;
      if (cheat.kind === 'partial') step.partly = true;
      blameBreach(rules, G, agreement, step, light, cheat.kind === 'partial');
      applyEffects(rules, G, effects, null);
      const fired = fire(rules, G, agreement, step, light);
      const what = cheat.kind === 'cheat' ? 'did not carry out' : 'carried out only in part';
      step.report = `${entry(rules, 'verifiers', step.verifier).name}, round ${G.round}: environmental sampling shows that ${SEAT_NAMES[seat]} ${what} ${entry(rules, 'commitments', step.what).name} in round ${cheat.round} — ${LIGHT_WORDS[light]}, found on look-back; the board now shows what was really done. ${describeEffects(rules, effects)}; ${fired}.`;
      log(rules, G, 'implementation', step.report, undefined, audience(agreement));
    }
  }
}

/** Implementation's verification: every step due is checked in order, then look-back runs. */
export function runVerification(rules: RuleSet, G: GameState, dice: Pick<Random, 'Number'>): void {
  for (const { agreement, step } of dueSteps(G)) {
    // A red earlier this round may have suspended it.
    if (step.status === 'pending') resolveStep(rules, G, agreement, step, dice);
  }
  lookBack(rules, G, dice);
}
