/**
 * An online page's heading. It takes the focus when it appears, so a screen reader hears where the
 * link led (unless `focus` is false: a page whose first field takes it instead).
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ id, children, focus = true }: { id: string; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
