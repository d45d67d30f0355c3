/**
 * Role actions: who may take them, when, at what cost, and why not. One checker serves the move,
 * the bots' enumeration and the UI's disabled buttons, so they can never disagree.
 */
import { addBlame, blameOf } from './blame';
import { currentPhase } from './calendar';
import { checkConcession } from './domestic';
import { applyEffects, describeEffects } from './effects';
import { log } from './log';
import { hasMeasure } from './measures';
import { describeShortfall, holds, metricValue } from './metrics';
import { checkAccessOpens } from './nuclear';
import { entry, findEntry, phaseName, type RuleSet } from './ruleset';
import type { ActionDef, ActionTag } from './schema';
import { CAPITAL_NAMES, SEAT_NAMES, SEAT_TITLES } from './seats';
import { checkNegotiating } from './stages';
import type { GameState } from './state';
import type { ActionId, SeatId, StageId } from './types';
import { OK, no, type Verdict } from './verdict';
import type { GameView } from './view';


/** The seat's catalogue, including any action its Mediator flavour adds. */
export function actionsFor(rules: RuleSet, G: GameView, seat: SeatId): ActionDef[] {
  return rules.actions.filter((a) => a.seat === seat && (!a.flavours || a.flavours.includes(G.flavour)));
}

/** What the Mediator's flavour takes off the capital price of anything with `tags`. */
export function capitalDiscount(rules: RuleSet, G: Pick<GameView, 'flavour'>, tags: readonly ActionTag[]): number {
  return entry(rules, 'flavours', G.flavour)
    .capitalDiscount.filter((d) => tags.includes(d.tag))
    .reduce((n, d) => n + d.capital, 0);
}

/** Hostile acts and hardline rhetoric: repeating them costs more each time. */
const isHostile = (def: ActionDef) => def.tags.includes('hostile') || def.tags.includes('rhetoric');

export function capitalCost(rules: RuleSet, G: GameView, def: ActionDef, amount = 1): number {
  const repeat = isHostile(def) ? G.seats[def.seat].hostileActs * rules.negotiation.hostileRepeat : 0;
  return Math.max(0, def.cost.capital - capitalDiscount(rules, G, def.tags)) * amount + repeat;
}

function checkAmount(rules: RuleSet, G: GameView, def: ActionDef, amount: unknown): Verdict {
  if (!def.amount) return amount === undefined ? OK : no('amount', `${def.name} takes no amount.`);
  const { min, max, units, limit } = def.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < min || amount > max)
    return no('amount', `Choose a whole number of ${units} from ${min} to ${max}.`);
  const available = metricValue(rules, G, limit);
  if (amount > available) return no('amount', `Only ${available} ${units} available.`);
  return OK;
}

/**
 * Whether `seat` may take `actionId` (with `amount`) now. `stage` is the seat's stage in
 * `ctx.activePlayers`, or null if it is not active.
 */
export function checkAction(
  rules: RuleSet,
  G: GameView,
  seat: SeatId,
  stage: StageId | null,
  actionId: unknown,
  amount?: unknown,
): Verdict {
  const def = findEntry(rules, 'actions', actionId);
  if (!def) return no('unknown', `There is no action "${String(actionId)}".`);
  if (def.seat !== seat) return no('not-yours', `Only ${SEAT_TITLES[def.seat]} can ${def.name.toLowerCase()}.`);
  if (def.flavours && !def.flavours.includes(G.flavour))
    return no('not-yours', `Only a mediator from ${def.flavours.map((f) => entry(rules, 'flavours', f).name).join(' or ')} can do this.`);
  const me = G.seats[seat];
  const gate = checkNegotiating(me, stage, 'Role actions are taken');
  if (!gate.ok) return gate;
  const phase = currentPhase(G);
  if (!def.phases.includes(phase))
    return no('wrong-time', `Available in ${def.phases.map((p) => phaseName(rules, p)).join(' and ')}, not in ${phaseName(rules, phase)}.`);
  if (def.once === 'round' && me.taken.includes(def.id)) return no('used-up', 'Already taken this round.');
  if (def.once === 'game' && me.takenEver.includes(def.id)) return no('used-up', 'Already taken this game.');
  const blocker = (def.blockedBy ?? []).find((m) => hasMeasure(G, m));
  if (blocker)
    return no('blocked',
      def.effects.addMeasures?.includes(blocker)
        ? `${entry(rules, 'measures', blocker).name} is already in place.`
        : `Not while ${entry(rules, 'measures', blocker).name} is in place.`,
    );
  const unmet = (def.requires ?? []).find((c) => !holds(rules, G, c));
  if (unmet) return no('unmet', `This ${describeShortfall(rules, G, unmet)}.`);
  const access = checkAccessOpens(rules, G, def.effects);
  if (!access.ok) return access;
  const crisis = checkConcession(me, def.tags);
  if (!crisis.ok) return crisis;
  const amountVerdict = checkAmount(rules, G, def, amount);
  if (!amountVerdict.ok) return amountVerdict;
  if (me.actionPoints < def.cost.ap)
    return no('cost', `Needs ${def.cost.ap} action point${def.cost.ap === 1 ? '' : 's'}; you have ${me.actionPoints}.`);
  const capital = capitalCost(rules, G, def, typeof amount === 'number' ? amount : 1);
  if (me.capital < capital) return no('cost', `Needs ${capital} ${CAPITAL_NAMES[seat]}; you have ${me.capital}.`);
  return OK;
}

/** Every (action, amount) the seat may take now. */
export function legalActions(
  rules: RuleSet,
  G: GameView,
  seat: SeatId,
  stage: StageId | null,
): { id: ActionId; amount?: number }[] {
  return actionsFor(rules, G, seat).flatMap((def) => {
    const amounts = def.amount
      ? Array.from({ length: def.amount.max - def.amount.min + 1 }, (_, i) => def.amount!.min + i)
      : [undefined];
    return amounts
      .filter((amount) => checkAction(rules, G, seat, stage, def.id, amount).ok)
      .map((amount) => (amount === undefined ? { id: def.id } : { id: def.id, amount }));
  });
}

/** Pays for and carries out an action already checked by `checkAction`. */
export function takeAction(rules: RuleSet, G: GameState, seat: SeatId, def: ActionDef, amount?: number): void {
  const scale = amount ?? 1;
  const me = G.seats[seat];
  me.actionPoints -= def.cost.ap;
  me.capital -= capitalCost(rules, G, def, scale);
  me.taken.push(def.id);
  if (!me.takenEver.includes(def.id)) me.takenEver.push(def.id);
  if (isHostile(def)) me.hostileActs += 1;
  addBlame(G, seat, blameOf(def.effects, scale));
  applyEffects(rules, G, def.effects, seat, scale);
  const units = def.amount ? ` (${scale} ${scale === 1 ? def.amount.unit : def.amount.units})` : '';
  log(rules, G, 'negotiation', `${SEAT_NAMES[seat]}: ${def.name}${units}. ${describeEffects(rules, def.effects, scale)}.`, seat);
}
