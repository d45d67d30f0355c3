/** Who you are, whom the round is waiting for, and in hot-seat the button to pass the device. */
import type { ReactNode } from 'react';
import { SEAT_NAMES } from '../../game/seats';
import { SEATS } from '../../game/types';
import { useCtx } from '../hooks';
import { jumpTo } from '../jump';
import { useGame } from '../store';

const MODE_WORDS = { solo: 'Solo', hotseat: 'Hot-seat', online: 'Online' } as const;

/** On a phone the chat is far down the page: to its input, or to the chat if there is none (watching). */
const toChat = () => jumpTo('chat-input') || jumpTo('chat');

export function StatusBar({ children }: { children?: ReactNode }) {
  // Null when watching an online match.
  const seat = useGame((s) => s.seat);
  const ctx = useCtx();
  const mode = useGame((s) => s.mode);
  const bots = useGame((s) => s.bots);
  const players = useGame((s) => s.players);
  const passDevice = useGame((s) => s.passDevice);
  const active = ctx.activePlayers ?? {};
  const waitingFor = SEATS.filter((s) => s in active);
  const mine = seat !== null && seat in active;
  const botsBusy = waitingFor.some((s) => bots[s]);
  // In solo the bots hold still until the person has seen the round (`session/pacing.ts`).
  const botsWait = useGame((s) => Boolean(s.session?.pace) && s.view !== null && s.seenRound < s.view.G.round);
  const name = seat !== null && mode === 'online' ? players[seat]?.name : undefined;
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <p>
        {seat === null ? (
          <strong>Watching</strong>
        ) : (
          <>
            <strong>{mode ? MODE_WORDS[mode] : ''}</strong> · You are <strong>{SEAT_NAMES[seat]}</strong>
            {name ? <span className="muted"> ({name})</span> : null}
          </>
        )}
        {' · '}
        {mine
          ? active[seat] === 'respond'
            ? 'Answer the incident to open the talks.'
            : 'Your move: act, propose, answer, then say Done.'
          : waitingFor.length
            ? `Waiting for ${waitingFor.map((s) => SEAT_NAMES[s]).join(', ')}${botsBusy && !botsWait ? ' (bots are thinking)' : ''}.`
            : 'The round is closing.'}
      </p>
      {botsWait ? (
        <p className="bots-wait-note">
          The bots wait until you have read this round's incident.{' '}
          <button type="button" className="link" onClick={() => jumpTo('incident-title')}>
            Read the incident
          </button>
        </p>
      ) : null}
      {mode === 'hotseat' ? (
        <button type="button" onClick={passDevice}>
          Pass the device
        </button>
      ) : null}
      {mode === 'online' ? (
        <span className="status-extra">
          <button type="button" className="link chat-jump" onClick={toChat}>
            Go to the chat
          </button>
          {children}
        </span>
      ) : (
        children
      )}
    </div>
  );
}
