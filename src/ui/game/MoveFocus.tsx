/**
 * Applies the focus a control asked for after its move (`focusAfterMove`), once the screen shows
 * the move: the view changes, every component renders it, then this effect runs.
 */
import { useEffect } from 'react';
import { useGame } from '../store';

export function MoveFocus() {
  const view = useGame((s) => s.view);
  useEffect(() => {
    const pick = useGame.getState().focusNext;
    if (!pick) return;
    useGame.setState({ focusNext: null });
    const target = pick();
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'nearest' });
  }, [view]);
  return null;
}
