/**
 * The commitment menu (`rules/commitments.json`), its verifiers and triggers, and the check that a
 * line of a package is sound: the right seat, a due round inside the game and in a phase that
 * allows it, a verifier the sources assign, and triggers fit for it.
 */
import { capitalDiscount } from './actions';
import { parseCommitment } from './arguments';
import { placeOfRound, totalRounds } from './calendar';
import { describeShortfall, holds } from './metrics';
import { checkAccessOpens } from './nuclear';
import { entry, findEntry, phaseName, type RuleSet } from './ruleset';
import type { CommitmentDef } from './schema';
import { CAPITAL_NAMES, SEAT_NAMES, SEAT_TITLES } from './seats';
import type { Commitment } from './state';
import type { PhaseId, SeatId, TriggerId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';

/** Whether `c`, as sent by a client, is a sound commitment on this board. */
export function checkCommitment(rules: RuleSet, G: GameView, c: unknown): Verdict {
  const parsed = parseCommitment(c);
  if (!parsed.ok) return parsed.verdict;
  const { seat, what, due, verifier, onGreen, onRed } = parsed.value;
  const def = findEntry(rules, 'commitments', what);
  if (!def) return no('unknown', `There is no commitment "${what}" on the menu.`);
  if (seat !== def.seat) return no('not-yours', `Only ${SEAT_TITLES[def.seat]} can commit to: ${def.name}.`);
  const last = totalRounds(G.schedule);
  if (due < G.round || due > last)
    return no('terms', `${def.name}: the due round must be a whole number from ${G.round} to ${last}.`);
  const phase = placeOfRound(G.schedule, due).phase;
  if (!def.phases.includes(phase))
    return no('wrong-time', `${def.name} can fall due only in ${def.phases.map((p) => phaseName(rules, p)).join(' or ')}, not in round ${due}.`);
  if (!def.verifiers.includes(verifier))
    return no('terms', `${def.name} is verified by ${def.verifiers.map((v) => entry(rules, 'verifiers', v).name).join(' or ')}.`);
  if (!def.triggers.green.includes(onGreen))
    return no('terms', `On green, ${def.name} can trigger: ${def.triggers.green.map((t) => entry(rules, 'triggers', t).name).join(', ')}.`);
  if (!def.triggers.red.includes(onRed))
    return no('terms', `On red, ${def.name} can trigger: ${def.triggers.red.map((t) => entry(rules, 'triggers', t).name).join(', ')}.`);
  const unmet = (def.requires ?? []).find((r) => !holds(rules, G, r));
  if (unmet) return no('unmet', `${def.name} ${describeShortfall(rules, G, unmet)}.`);
  // A step, or what it releases, must not grant IAEA access the sources have not opened by then.
  const access = checkAccessOpens(rules, G, def.effects, phase);
  if (!access.ok) return no(access.code, `${def.name}: ${access.reason}`);
  for (const t of [onGreen, onRed]) {
    const trigger = checkTrigger(rules, G, t, phase);
    if (!trigger.ok) return trigger;
  }
  return OK;
}

/** Whether trigger `id` can do what it says for a step falling due in `phase`. */
export function checkTrigger(rules: RuleSet, G: GameView, id: TriggerId, phase: PhaseId): Verdict {
  const def = entry(rules, 'triggers', id);
  const unmet = (def.requires ?? []).find((r) => !holds(rules, G, r));
  if (unmet) return no('unmet', `${def.name} ${describeShortfall(rules, G, unmet)}.`);
  const access = checkAccessOpens(rules, G, def.effects, phase);
  return access.ok ? OK : no(access.code, `${def.name}: ${access.reason}`);
}

/** The triggers of `options` that can fire for a step falling due in round `due`, in menu order. */
export function usableTriggers(rules: RuleSet, G: GameView, options: readonly TriggerId[], due: number): TriggerId[] {
  const phase = placeOfRound(G.schedule, due).phase;
  return options.filter((t) => checkTrigger(rules, G, t, phase).ok);
}

/** The capital a seat pays on signing a step of `def`: the menu's price less the Mediator's discount. */
export function commitmentCapital(rules: RuleSet, G: Pick<GameView, 'flavour'>, def: CommitmentDef): number {
  return Math.max(0, def.capital - capitalDiscount(rules, G, def.tags ?? []));
}

/**
 * Whether `seat` can sign its own lines of a package now: signing a concession is barred in a
 * domestic crisis, and the capital it costs must be there to pay.
 */
export function checkSigning(rules: RuleSet, G: GameView, seat: SeatId, lines: readonly Commitment[]): Verdict {
  const price = lines.filter((c) => c.seat === seat).reduce((n, c) => n + commitmentCapital(rules, G, entry(rules, 'commitments', c.what)), 0);
  const me = G.seats[seat];
  if (price > 0 && me.crisis) return no('crisis', 'Domestic crisis: you can sign no concessions this round.');
  if (price > me.capital) return no('cost', `Signing costs ${price} ${CAPITAL_NAMES[seat]}; you have ${me.capital}.`);
  return OK;
}

/** The round a new line falls due unless its author says otherwise: the next, within the game. */
export function nextDue(G: Pick<GameView, 'round' | 'schedule'>): number {
  return Math.min(G.round + 1, totalRounds(G.schedule));
}

/** A line of `def` falling due in round `due`, with the menu's first verifier and triggers. */
export function defaultLine(def: CommitmentDef, due: number): Commitment {
  return { seat: def.seat, what: def.id, due, verifier: def.verifiers[0], onGreen: def.triggers.green[0], onRed: def.triggers.red[0] };
}

/**
 * A line of `def` falling due in round `due`, with the menu's first verifier and the first triggers
 * that can fire by then; if none can, the menu's first (and the line is refused, saying why).
 */
export function usableLine(rules: RuleSet, G: GameView, def: CommitmentDef, due: number): Commitment {
  const line = defaultLine(def, due);
  const [onGreen = line.onGreen] = usableTriggers(rules, G, def.triggers.green, due);
  const [onRed = line.onRed] = usableTriggers(rules, G, def.triggers.red, due);
  return { ...line, onGreen, onRed };
}

/** "Iran: Pause selected enrichment, due round 3, checked by IAEA inspectors; on green: …; on red: …". */
export function describeCommitment(rules: RuleSet, c: Commitment): string {
  const def = entry(rules, 'commitments', c.what);
  return (
    `${SEAT_NAMES[c.seat]}: ${def.name}, due round ${c.due}, checked by ${entry(rules, 'verifiers', c.verifier).name}; ` +
    `on green: ${entry(rules, 'triggers', c.onGreen).name}; on red: ${entry(rules, 'triggers', c.onRed).name}`
  );
}
