/** The phase review: the milestones the sources set for each phase, rewarded as the phase ends. */
import { applyEffects, describeEffects } from './effects';
import { recordRound } from './history';
import { log } from './log';
import { holdsAll } from './metrics';
import { RULES } from './rules';
import type { GameState } from './state';
import type { PhaseId } from './types';

export function reviewPhase(G: GameState, phase: PhaseId): void {
  const def = RULES.phases.find((p) => p.id === phase)!;
  const met = def.milestones.filter((m) => holdsAll(G, m.when));
  log(G, 'review', `${def.name} review: ${met.length} of ${def.milestones.length} milestones met.`);
  for (const m of met) {
    G.milestones.push(m.id);
    applyEffects(G, m.reward, null);
    log(G, 'review', `Milestone met: ${m.text} (${describeEffects(m.reward)}).`);
  }
  if (met.length < def.shortfall.below) {
    applyEffects(G, def.shortfall.effects, null);
    log(G, 'review', `${def.shortfall.text} (${describeEffects(def.shortfall.effects)})`);
  }
  recordRound(G);
}
