/** The phase review: the milestones the sources set for each phase, rewarded as the phase ends. */
import { applyEffects, describeEffects } from './effects';
import { recordRound } from './history';
import { log } from './log';
import { holdsAll } from './metrics';
import { entry, type RuleSet } from './ruleset';
import type { GameState } from './state';
import type { PhaseId } from './types';

export function reviewPhase(rules: RuleSet, G: GameState, phase: PhaseId): void {
  const def = entry(rules, 'phases', phase);
  const met = def.milestones.filter((m) => holdsAll(rules, G, m.when));
  log(rules, G, 'review', `${def.name} review: ${met.length} of ${def.milestones.length} milestones met.`);
  for (const m of met) {
    G.milestones.push(m.id);
    applyEffects(rules, G, m.reward, null);
    log(rules, G, 'review', `Milestone met: ${m.text} (${describeEffects(rules, m.reward)}).`);
  }
  if (met.length < def.shortfall.below) {
    applyEffects(rules, G, def.shortfall.effects, null);
    log(rules, G, 'review', `${def.shortfall.text} (${describeEffects(rules, def.shortfall.effects)})`);
  }
  recordRound(G);
}
