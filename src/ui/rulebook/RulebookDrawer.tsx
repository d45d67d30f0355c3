/** The rulebook in a drawer, one click away at every moment; Escape or the close button returns focus. */
import { lazy, Suspense, useEffect, useRef } from 'react';

const Rulebook = lazy(() => import('./Rulebook'));

export function RulebookDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open, onClose]);
  if (!open) return null;
  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <div className="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title" onClick={(e) => e.stopPropagation()}>
        <div className="drawer-head">
          <h2 id="drawer-title">Rulebook</h2>
          <button ref={closeButton} type="button" aria-label="Close the rulebook" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="drawer-body">
          <Suspense fallback={<p>Loading the rulebook…</p>}>
            <Rulebook />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
