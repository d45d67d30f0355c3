/**
 * Role actions: who may take them, when, at what cost, and why not. One checker serves the move,
 * the bots' enumeration and the UI's disabled buttons, so they can never disagree.
 */
import { currentPhase } from './calendar';
import { applyEffects, describeEffects, openAccessTier } from './effects';
import { log } from './log';
import { measureDef, hasMeasure } from './measures';
import { describeShortfall, holds, metricValue } from './metrics';
import { RULES } from './rules';
import type { ActionDef } from './schema';
import { CAPITAL_NAMES, SEAT_NAMES, SEAT_TITLES } from './seats';
import type { GameState } from './state';
import { OK, no, type Verdict } from './verdict';
import type { ActionId, SeatId, StageId } from './types';


export function actionDef(id: unknown): ActionDef | undefined {
  return RULES.actions.find((a) => a.id === id);
}

/** The seat's catalogue, including any action its Mediator flavour adds. */
export function actionsFor(G: GameState, seat: SeatId): ActionDef[] {
  return RULES.actions.filter((a) => a.seat === seat && (!a.flavours || a.flavours.includes(G.flavour)));
}

export function capitalCost(G: GameState, def: ActionDef, amount = 1): number {
  const flavour = RULES.flavours.find((f) => f.id === G.flavour);
  const discount = (flavour?.capitalDiscount ?? [])
    .filter((d) => def.tags.includes(d.tag))
    .reduce((n, d) => n + d.capital, 0);
  return Math.max(0, def.cost.capital - discount) * amount;
}

export const phaseName = (id: string) => RULES.phases.find((p) => p.id === id)?.name ?? id;

function checkAmount(G: GameState, def: ActionDef, amount: unknown): Verdict {
  if (!def.amount) return amount === undefined ? OK : no(`${def.name} takes no amount.`);
  const { min, max, units, limit } = def.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < min || amount > max)
    return no(`Choose a whole number of ${units} from ${min} to ${max}.`);
  const available = metricValue(G, limit);
  if (amount > available) return no(`Only ${available} ${units} available.`);
  return OK;
}

/**
 * Whether `seat` may take `actionId` (with `amount`) now. `stage` is the seat's stage in
 * `ctx.activePlayers`, or null if it is not active.
 */
export function checkAction(
  G: GameState,
  seat: SeatId,
  stage: StageId | null,
  actionId: unknown,
  amount?: unknown,
): Verdict {
  const def = actionDef(actionId);
  if (!def) return no(`There is no action "${String(actionId)}".`);
  if (def.seat !== seat) return no(`Only ${SEAT_TITLES[def.seat]} can ${def.name.toLowerCase()}.`);
  if (def.flavours && !def.flavours.includes(G.flavour))
    return no(`Only a mediator from ${def.flavours.map((f) => RULES.flavours.find((x) => x.id === f)?.name).join(' or ')} can do this.`);
  const me = G.seats[seat];
  // Saying Done also ends the seat's stage: the reason it gives is the Done.
  if (me.done) return no('You have said Done for this round.');
  if (stage === 'respond') return no('Respond to the incident first.');
  if (stage !== 'negotiate') return no('Role actions are taken during negotiation.');
  const phase = currentPhase(G);
  if (!def.phases.includes(phase))
    return no(`Available in ${def.phases.map(phaseName).join(' and ')}, not in ${phaseName(phase)}.`);
  if (def.once === 'round' && me.taken.includes(def.id)) return no('Already taken this round.');
  if (def.once === 'game' && me.takenEver.includes(def.id)) return no('Already taken this game.');
  const blocker = (def.blockedBy ?? []).find((m) => hasMeasure(G, m));
  if (blocker)
    return no(
      def.effects.addMeasures?.includes(blocker)
        ? `${measureDef(blocker).name} is already in place.`
        : `Not while ${measureDef(blocker).name} is in place.`,
    );
  const unmet = (def.requires ?? []).find((c) => !holds(G, c));
  if (unmet) return no(`This ${describeShortfall(G, unmet)}.`);
  const next = RULES.nuclear.accessTiers[G.nuclear.access + 1];
  if ((def.effects.access ?? 0) > 0 && next && G.nuclear.access >= openAccessTier(G))
    return no(`${next.name} opens in ${phaseName(next.opensIn)}.`);
  if (me.crisis && def.tags.includes('concession')) return no('Domestic crisis: no concessions this round.');
  const amountVerdict = checkAmount(G, def, amount);
  if (!amountVerdict.ok) return amountVerdict;
  if (me.actionPoints < def.cost.ap)
    return no(`Needs ${def.cost.ap} action point${def.cost.ap === 1 ? '' : 's'}; you have ${me.actionPoints}.`);
  const capital = capitalCost(G, def, typeof amount === 'number' ? amount : 1);
  if (me.capital < capital) return no(`Needs ${capital} ${CAPITAL_NAMES[seat]}; you have ${me.capital}.`);
  return OK;
}

/** Every (action, amount) the seat may take now. */
export function legalActions(
  G: GameState,
  seat: SeatId,
  stage: StageId | null,
): { id: ActionId; amount?: number }[] {
  return actionsFor(G, seat).flatMap((def) => {
    const amounts = def.amount
      ? Array.from({ length: def.amount.max - def.amount.min + 1 }, (_, i) => def.amount!.min + i)
      : [undefined];
    return amounts
      .filter((amount) => checkAction(G, seat, stage, def.id, amount).ok)
      .map((amount) => (amount === undefined ? { id: def.id } : { id: def.id, amount }));
  });
}

/** Pays for and carries out an action already checked by `checkAction`. */
export function takeAction(G: GameState, seat: SeatId, def: ActionDef, amount?: number): void {
  const scale = amount ?? 1;
  const me = G.seats[seat];
  me.actionPoints -= def.cost.ap;
  me.capital -= capitalCost(G, def, scale);
  me.taken.push(def.id);
  if (!me.takenEver.includes(def.id)) me.takenEver.push(def.id);
  applyEffects(G, def.effects, seat, scale);
  const units = def.amount ? ` (${scale} ${scale === 1 ? def.amount.unit : def.amount.units})` : '';
  log(G, 'negotiation', `${SEAT_NAMES[seat]}: ${def.name}${units}. ${describeEffects(def.effects, scale)}.`, seat);
}
