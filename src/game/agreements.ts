/**
 * Agreements: an accepted package, sequenced tranche by tranche. Steps fall due in order; each
 * unlocks the next, and a red suspends whatever of the agreement is still to come.
 */
import { audience } from './audience';
import { commitmentCapital, describeCommitment } from './commitments';
import { plain } from './drafts';
import { shiftCapital } from './effects';
import { issueId, stepId } from './ids';
import { log } from './log';
import { entry, type RuleSet } from './ruleset';
import { CAPITAL_NAMES } from './seats';
import type { Agreement, GameState, Proposal, Step } from './state';
import { SEATS } from './types';
import type { GameView } from './view';

export function formAgreement(rules: RuleSet, G: GameState, p: Proposal): Agreement {
  // An agreement formed on a leaked proposal is public, and counts with the open ones.
  const id = issueId(G.issued, 'agreements', audience(p));
  const steps: Step[] = [...p.commitments]
    .sort((a, b) => a.due - b.due)
    .map((c, i) => ({ ...c, id: stepId(id, i + 1), status: 'pending' }));
  const agreement: Agreement = {
    id,
    proposal: p.id,
    channel: p.channel,
    parties: [...p.parties],
    round: G.round,
    steps,
    leaked: p.leaked,
  };
  G.agreements.push(agreement);
  // A commitment's political price is paid on signing, in public, whatever its seat later does:
  // what a seat pays must not betray whether it means to keep its word.
  const before = SEATS.map((seat) => G.seats[seat].capital);
  for (const step of steps) shiftCapital(rules, G, step.seat, -commitmentCapital(rules, G, entry(rules, 'commitments', step.what)));
  // What was taken, not the price: capital does not go below its floor.
  const paid = SEATS.map((seat, i) => [seat, before[i] - G.seats[seat].capital] as const).filter(([, n]) => n > 0);
  const paidText = paid.length ? ` Paid on signing: ${paid.map(([seat, n]) => `${CAPITAL_NAMES[seat]} −${n}`).join(', ')}.` : '';
  log(
    rules,
    G,
    'negotiation',
    `Agreement ${agreement.id} reached on proposal ${p.id}, in ${steps.length} step${steps.length === 1 ? '' : 's'}: ${steps.map((c) => describeCommitment(rules, c)).join('; ')}.${paidText}`,
    undefined,
    audience(agreement),
  );
  return agreement;
}

/**
 * Every step anywhere that passes `keep`, with its agreement. Searched in the plain state and
 * handed back from `G`: in a move, only the steps found are drafted, not every one searched.
 */
function stepsWhere(G: Pick<GameView, 'agreements'>, keep: (step: Step) => boolean): { agreement: Agreement; step: Step }[] {
  const found: { agreement: Agreement; step: Step }[] = [];
  plain(G.agreements).forEach((a, i) =>
    a.steps.forEach((s, j) => {
      if (keep(s)) found.push({ agreement: G.agreements[i], step: G.agreements[i].steps[j] });
    }),
  );
  return found;
}

export function findStep(G: GameView, id: unknown): { agreement: Agreement; step: Step } | undefined {
  return stepsWhere(G, (s) => s.id === id)[0];
}

/** Steps still pending that are due by this round, in each agreement's order. */
export function dueSteps(G: GameState): { agreement: Agreement; step: Step }[] {
  return stepsWhere(G, (s) => s.status === 'pending' && s.due <= G.round);
}

/** After a red, nothing more of the agreement is carried out. */
export function suspendRest(rules: RuleSet, G: GameState, agreement: Agreement): void {
  const rest = agreement.steps.filter((s) => s.status === 'pending');
  for (const s of rest) s.status = 'suspended';
  if (rest.length)
    log(rules, G, 'implementation', `Agreement ${agreement.id}: ${rest.length} remaining step${rest.length === 1 ? ' is' : 's are'} suspended.`, undefined, audience(agreement));
}
