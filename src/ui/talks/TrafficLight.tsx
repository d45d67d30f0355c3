/**
 * A step's verification light, readable without colour: a shape, a word and a meaning. A pending
 * step that falls due this round says so: its seat decides now and the verifier reports at the
 * round's end.
 */
import type { StepStatus } from '../../game/state';

const LOOK: Record<StepStatus | 'due', { icon: string; word: string; meaning: string }> = {
  green: { icon: '●', word: 'GREEN', meaning: '✓ verified' },
  amber: { icon: '▲', word: 'AMBER', meaning: 'partial' },
  red: { icon: '■', word: 'RED', meaning: '✗ violated' },
  pending: { icon: '○', word: 'PENDING', meaning: 'not yet due' },
  due: { icon: '◐', word: 'DUE NOW', meaning: 'verified at the end of this round' },
  suspended: { icon: '–', word: 'SUSPENDED', meaning: 'after a red' },
};

export function TrafficLight({ status, dueNow = false }: { status: StepStatus; dueNow?: boolean }) {
  const look = status === 'pending' && dueNow ? 'due' : status;
  const { icon, word, meaning } = LOOK[look];
  return (
    <span className={`light light-${look}`}>
      <span className="light-icon" aria-hidden="true">
        {icon}
      </span>{' '}
      <strong>{word}</strong> {meaning}
    </span>
  );
}
