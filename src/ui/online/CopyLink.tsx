/**
 * A link to hand on: written out whole (it wraps, so it reads on a phone and on a projector) with a
 * Copy button; where nothing can reach the clipboard, the link is left selected for Ctrl+C.
 */
import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy';

type CopyStatus = 'copied' | 'manual' | null;

/** The Copy button's last result, cleared after a few seconds. */
export function useCopyStatus(): [CopyStatus, (s: CopyStatus) => void] {
  const [status, setStatus] = useState<CopyStatus>(null);
  useEffect(() => {
    if (!status) return;
    const t = setTimeout(() => setStatus(null), 4000);
    return () => clearTimeout(t);
  }, [status]);
  return [status, setStatus];
}

export function CopyStatus({ status, manual = 'Selected: copy it with Ctrl+C (⌘C).' }: { status: CopyStatus; manual?: string }) {
  return (
    <span className="copy-status" role="status">
      {status === 'copied' ? '✓ Copied.' : status === 'manual' ? manual : ''}
    </span>
  );
}

export function CopyLink({ id, label, url, note }: { id: string; label: string; url: string; note?: string }) {
  const text = useRef<HTMLElement>(null);
  const [status, setStatus] = useCopyStatus();

  const copy = async () => {
    if (await copyText(url)) return setStatus('copied');
    // Not copied: the link is selected, for Ctrl+C.
    const selection = window.getSelection();
    if (text.current && selection) selection.selectAllChildren(text.current);
    setStatus('manual');
  };

  return (
    <div className="copy-link" role="group" aria-labelledby={`${id}-label`} aria-describedby={note ? `${id}-note` : undefined}>
      <span id={`${id}-label`} className="copy-label">
        {label}
      </span>
      <code id={id} ref={text} className="link-text">
        {url}
      </code>
      <div className="copy-row">
        <button type="button" onClick={() => void copy()} aria-label={`Copy ${label[0].toLowerCase()}${label.slice(1)}`}>
          Copy
        </button>
        <CopyStatus status={status} />
      </div>
      {note ? (
        <p id={`${id}-note`} className="field-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
