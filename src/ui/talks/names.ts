/**
 * How the screen names proposals, agreements and steps. The ids are the engine's, so the log and
 * the screen say the same thing ("Agreement 2", "proposal UI-1"); a step is named by its agreement
 * and its place there, with what it is and when, so two alike steps of two agreements cannot be
 * confused: "Agreement 2, step 1: Detainee release tranche, due round 4".
 */
import type { ItemId, StepId } from '../../game/ids';
import { findEntry } from '../../game/ruleset';
import type { Step } from '../../game/state';
import { rules } from '../rules';

/** A backchannel's items carry their parties' initials ("UI-2"): said as such, not as a number. */
const spoken = (id: ItemId) => (id.includes('-') ? `${id} (backchannel)` : id);

export const proposalName = (id: ItemId) => `Proposal ${spoken(id)}`;

/** The same name inside a sentence: "Go to proposal 3". */
export const inSentence = (name: string) => name[0].toLowerCase() + name.slice(1);

export const agreementName = (id: ItemId) => `Agreement ${spoken(id)}`;

/** A step id's agreement and place: "UI-2.3" is the third step of agreement UI-2. */
export function stepPlace(id: StepId): { agreement: ItemId; place: number } {
  const dot = id.lastIndexOf('.');
  return { agreement: id.slice(0, dot) as ItemId, place: Number(id.slice(dot + 1)) };
}

/** "Agreement 2, step 1" */
export function stepShortName(id: StepId): string {
  const { agreement, place } = stepPlace(id);
  return `${agreementName(agreement)}, step ${place}`;
}

/** "Agreement 2, step 1: Detainee release tranche, due round 4" */
export const stepName = (step: Pick<Step, 'id' | 'what' | 'due'>) =>
  `${stepShortName(step.id)}: ${findEntry(rules, 'commitments', step.what)?.name ?? step.what}, due round ${step.due}`;
