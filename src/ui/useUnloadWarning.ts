/**
 * While a game in this browser is in progress, closing or reloading the tab asks first. The game
 * is saved after every move, but a player who did not mean to leave should not find themselves
 * on the start page; online play needs no warning, since the seat's link brings it back.
 */
import { useEffect } from 'react';
import { useGame } from './store';

export function useUnloadWarning(): void {
  const inProgress = useGame((s) => (s.mode === 'solo' || s.mode === 'hotseat') && s.session !== null && !s.view?.ctx.gameover);
  useEffect(() => {
    if (!inProgress) return;
    const ask = (e: BeforeUnloadEvent) => {
      // Browsers show their own wording; preventDefault is what asks (returnValue for older ones).
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [inProgress]);
}
