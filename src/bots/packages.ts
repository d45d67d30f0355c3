/**
 * Packages as a delegation sees them: what a proposal is worth to it, and which package to table.
 * A seat's own lines are priced at their capital cost and effect; another seat's lines at their
 * effect, discounted by how far Trust lets it believe they will be kept; triggers at what they
 * would release or impose.
 */
import { checkCommitment, commitmentCapital, nextDue, usableLine, usableTriggers } from '../game/commitments';
import { checkDraft } from '../game/proposals';
import { entry, type RuleSet } from '../game/ruleset';
import type { CommitmentDef } from '../game/schema';
import type { Commitment, ProposalDraft } from '../game/state';
import type { Channel, SeatId, TriggerId } from '../game/types';
import type { GameView } from '../game/view';
import type { Personality } from './config';
import type { Valuer } from './values';

/** How likely another seat's step is to come through green, as Trust suggests. */
const reliability = (trust: number) => 0.45 + trust * 0.05;

export function lineValue(rules: RuleSet, G: GameView, v: Valuer, c: Commitment): number {
  const def = entry(rules, 'commitments', c.what);
  const green = v.effects(def.effects) + v.effects(entry(rules, 'triggers', c.onGreen).effects) + v.effects(rules.negotiation.results.green);
  if (c.seat === v.seat) return green - commitmentCapital(rules, G, def) * v.capital;
  const p = reliability(G.trust);
  const red = v.effects(entry(rules, 'triggers', c.onRed).effects) + v.effects(rules.negotiation.results.red);
  return p * green + (1 - p) * 0.5 * red;
}

/** A package that asks something of a capital and gives it nothing from the other capital. */
export function oneSided(seat: SeatId, pkg: readonly Commitment[]): boolean {
  if (seat === '2') return false;
  const other: SeatId = seat === '0' ? '1' : '0';
  return pkg.some((c) => c.seat === seat) && !pkg.some((c) => c.seat === other);
}

export function packageValue(rules: RuleSet, G: GameView, v: Valuer, commitments: readonly Commitment[]): number {
  return commitments.reduce((n, c) => n + lineValue(rules, G, v, c), 0);
}

/** The trigger of `options` this seat prefers; `partner` weighs the other side's view in too. */
function pickTrigger(rules: RuleSet, v: Valuer, options: readonly TriggerId[], partner?: Valuer): TriggerId {
  const score = (t: TriggerId) => v.effects(entry(rules, 'triggers', t).effects) + (partner ? 0.6 * partner.effects(entry(rules, 'triggers', t).effects) : 0);
  return options.reduce((best, t) => (score(t) > score(best) ? t : best));
}

/**
 * A line of `def`, due next round, with triggers chosen by `v` (with `partner` in mind) among those
 * that can fire by then.
 */
export function line(rules: RuleSet, G: GameView, v: Valuer, def: CommitmentDef, partner?: Valuer): Commitment {
  const due = nextDue(G);
  const usable = usableLine(rules, G, def, due);
  const pick = (options: TriggerId[], fallback: TriggerId, p?: Valuer) => (options.length ? pickTrigger(rules, v, options, p) : fallback);
  return {
    ...usable,
    onGreen: pick(usableTriggers(rules, G, def.triggers.green, due), usable.onGreen, def.seat === v.seat ? undefined : partner),
    onRed: pick(usableTriggers(rules, G, def.triggers.red, due), usable.onRed),
  };
}

const CHANNEL_ORDER: Record<Personality, Channel[]> = {
  hardliner: ['backchannel', 'direct', 'shuttle'],
  pragmatist: ['direct', 'backchannel', 'shuttle'],
  conciliator: ['direct', 'shuttle', 'backchannel'],
};

export function withChannel(rules: RuleSet, G: GameView, seat: SeatId, personality: Personality, commitments: Commitment[]): ProposalDraft | undefined {
  for (const channel of CHANNEL_ORDER[personality]) {
    const draft = { channel, commitments };
    if (checkDraft(rules, G, seat, draft).ok) return draft;
  }
  return undefined;
}

/**
 * The package this seat would table: what it most wants from another seat, paid for with the
 * cheapest line of its own that the other side should value, if the pair is worth it to both.
 * The Mediator instead brokers a pair of lines between the capitals.
 */
export function bestPackage(rules: RuleSet, G: GameView, me: Valuer, partners: Record<SeatId, Valuer>, personality: Personality): Commitment[] | undefined {
  const legal = (c: Commitment) => checkCommitment(rules, G, c).ok;
  const lines = (seat: SeatId, partner?: Valuer) =>
    rules.commitments.filter((d) => d.seat === seat).map((d) => line(rules, G, me, d, partner)).filter(legal);
  const candidates: Commitment[][] = [];
  if (me.seat === '2') {
    const irans = lines('1', partners['0']);
    for (const us of lines('0', partners['1'])) for (const ir of irans) candidates.push([us, ir]);
  } else {
    const other: SeatId = me.seat === '0' ? '1' : '0';
    const gives = lines(me.seat);
    for (const ask of lines(other, partners[other])) {
      candidates.push([ask]);
      for (const give of gives) candidates.push([give, ask]);
    }
  }
  // Every package is made of the same few lines: each is valued once for each seat.
  const values = new Map<Valuer, Map<Commitment, number>>();
  const valueOf = (v: Valuer, pkg: Commitment[]) => {
    let known = values.get(v);
    if (!known) values.set(v, (known = new Map()));
    return pkg.reduce((n, c) => {
      let x = known.get(c);
      if (x === undefined) known.set(c, (x = lineValue(rules, G, v, c)));
      return n + x;
    }, 0);
  };
  // Each party must gain from it as the proposer reckons them (no capital gives for nothing), and
  // the proposer most of all.
  const acceptable = (pkg: Commitment[]) =>
    pkg.every((c) => c.seat === me.seat || (valueOf(partners[c.seat], pkg) > 0 && !oneSided(c.seat, pkg))) && valueOf(me, pkg) > 0.3;
  const score = (pkg: Commitment[]) =>
    valueOf(me, pkg) + (personality === 'hardliner' ? 0 : 0.3) * pkg.filter((c) => c.seat !== me.seat).reduce((n, c) => n + valueOf(partners[c.seat], pkg), 0);
  let best: { pkg: Commitment[]; score: number } | undefined;
  for (const pkg of candidates) {
    if (!acceptable(pkg)) continue;
    const value = score(pkg);
    if (!best || value > best.score) best = { pkg, score: value };
  }
  return best?.pkg;
}
