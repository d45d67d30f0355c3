/**
 * The commitment menu (`rules/commitments.json`), its verifiers and triggers, and the check that a
 * line of a package is sound: the right seat, a due round inside the game and in a phase that
 * allows it, a verifier the sources assign, and triggers fit for it.
 */
import { phaseName } from './actions';
import { placeOfRound, totalRounds } from './calendar';
import { describeShortfall, holds } from './metrics';
import { RULES } from './rules';
import type { CommitmentDef, TriggerDef, VerifierDef } from './schema';
import { SEAT_NAMES, SEAT_TITLES, isSeat } from './seats';
import type { Commitment, GameState } from './state';
import { OK, no, type Verdict } from './verdict';

export function commitmentDef(id: unknown): CommitmentDef | undefined {
  return RULES.commitments.find((c) => c.id === id);
}

export function verifierDef(id: unknown): VerifierDef {
  const def = RULES.verifiers.find((v) => v.id === id);
  if (!def) throw new RangeError(`unknown verifier ${String(id)}`);
  return def;
}

export function triggerDef(id: unknown): TriggerDef {
  const def = RULES.triggers.find((t) => t.id === id);
  if (!def) throw new RangeError(`unknown trigger ${String(id)}`);
  return def;
}

const KEYS = ['seat', 'what', 'due', 'verifier', 'onGreen', 'onRed'];

/** Whether `c`, as sent by a client, is a sound commitment on this board. */
export function checkCommitment(G: GameState, c: unknown): Verdict {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return no('Each commitment must be an object.');
  const extra = Object.keys(c).filter((k) => !KEYS.includes(k));
  if (extra.length) return no(`A commitment has unknown field(s): ${extra.join(', ')}.`);
  const { seat, what, due, verifier, onGreen, onRed } = c as Record<string, unknown>;
  const def = commitmentDef(what);
  if (!def) return no(`There is no commitment "${String(what)}" on the menu.`);
  if (!isSeat(seat) || seat !== def.seat) return no(`Only ${SEAT_TITLES[def.seat]} can commit to: ${def.name}.`);
  const last = totalRounds(G.schedule);
  if (typeof due !== 'number' || !Number.isInteger(due) || due < G.round || due > last)
    return no(`${def.name}: the due round must be a whole number from ${G.round} to ${last}.`);
  const phase = placeOfRound(G.schedule, due).phase;
  if (!def.phases.includes(phase))
    return no(`${def.name} can fall due only in ${def.phases.map(phaseName).join(' or ')}, not in round ${due}.`);
  if (!def.verifiers.includes(verifier as never))
    return no(`${def.name} is verified by ${def.verifiers.map((v) => verifierDef(v).name).join(' or ')}.`);
  if (!def.triggers.green.includes(onGreen as never))
    return no(`On green, ${def.name} can trigger: ${def.triggers.green.map((t) => triggerDef(t).name).join(', ')}.`);
  if (!def.triggers.red.includes(onRed as never))
    return no(`On red, ${def.name} can trigger: ${def.triggers.red.map((t) => triggerDef(t).name).join(', ')}.`);
  const unmet = (def.requires ?? []).find((r) => !holds(G, r));
  if (unmet) return no(`${def.name} ${describeShortfall(G, unmet)}.`);
  return OK;
}

/** "Iran: Pause selected enrichment, due round 3, checked by IAEA inspectors; on green: …; on red: …". */
export function describeCommitment(c: Commitment): string {
  const def = commitmentDef(c.what)!;
  return (
    `${SEAT_NAMES[c.seat]}: ${def.name}, due round ${c.due}, checked by ${verifierDef(c.verifier).name}; ` +
    `on green: ${triggerDef(c.onGreen).name}; on red: ${triggerDef(c.onRed).name}`
  );
}
