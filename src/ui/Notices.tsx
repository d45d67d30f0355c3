/** Messages about moves: refusals as alerts, the rest as polite status updates. */
import { useEffect } from 'react';
import { useGame, type Notice } from './store';

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useGame((s) => s.dismiss);
  useEffect(() => {
    const t = setTimeout(() => dismiss(notice.id), notice.kind === 'error' ? 12000 : 6000);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <li className={`notice notice-${notice.kind}`}>
      <span>{notice.kind === 'error' ? '✗ ' : 'ℹ '}{notice.text}</span>
      <button type="button" className="link" onClick={() => dismiss(notice.id)}>
        Dismiss
      </button>
    </li>
  );
}

export function Notices() {
  const notices = useGame((s) => s.notices);
  const errors = notices.filter((n) => n.kind === 'error');
  const infos = notices.filter((n) => n.kind === 'info');
  return (
    <div className="notices">
      <ul role="alert">
        {errors.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </ul>
      <ul role="status">
        {infos.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </ul>
    </div>
  );
}
