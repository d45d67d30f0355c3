/** A step's verification light, readable without colour: a shape, a word and a meaning. */
import type { StepStatus } from '../../game/state';

const LOOK: Record<StepStatus, { icon: string; word: string; meaning: string }> = {
  green: { icon: '●', word: 'GREEN', meaning: '✓ verified' },
  amber: { icon: '▲', word: 'AMBER', meaning: 'partial' },
  red: { icon: '■', word: 'RED', meaning: '✗ violated' },
  pending: { icon: '○', word: 'PENDING', meaning: 'not yet due' },
  suspended: { icon: '–', word: 'SUSPENDED', meaning: 'after a red' },
};

export function TrafficLight({ status }: { status: StepStatus }) {
  const { icon, word, meaning } = LOOK[status];
  return (
    <span className={`light light-${status}`}>
      <span className="light-icon" aria-hidden="true">
        {icon}
      </span>{' '}
      <strong>{word}</strong> {meaning}
    </span>
  );
}
