/**
 * The table's chat: boardgame.io's chat over the match's socket, each line signed with its writer's
 * name and seat. The input stops at the server's limit (less the signature) and counts down to it.
 * Spectators read it; only seated players write.
 */
import { useEffect, useRef, useState } from 'react';
import { SEAT_NAMES } from '../../game/seats';
import { textLimit } from './chat';
import { useOnline } from './state';

export function Chat() {
  const lines = useOnline((s) => s.chat);
  const say = useOnline((s) => s.say);
  const me = useOnline((s) => s.me);
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const limit = textLimit(me?.playerName ?? '');
  const watching = me?.playerID === null;

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const left = limit - text.length;
  const send = () => {
    const message = text.trim();
    if (!say || !message) return;
    say(message.slice(0, limit));
    setText('');
  };

  return (
    <section className="panel chat" id="chat" aria-labelledby="chat-title">
      <h2 id="chat-title">Table chat</h2>
      <ol ref={list} className="chat-lines" role="log" aria-labelledby="chat-title" aria-live="polite" tabIndex={0}>
        {lines.length === 0 ? <li className="muted chat-empty">No messages yet. Lines sent before you joined are not shown.</li> : null}
        {lines.map((line) => (
          <li key={line.id} className={`chat-line${line.seat ? ` seat-${line.seat}` : ''}${line.seat === me?.playerID ? ' is-mine' : ''}`}>
            <span className="chat-who">
              <strong>{line.name}</strong>
              {line.seat ? <span className="chat-seat"> · {SEAT_NAMES[line.seat]}</span> : null}
            </span>{' '}
            <span className="chat-text">{line.text}</span>
          </li>
        ))}
      </ol>
      {watching ? (
        <p className="muted">You are watching: only the seated players write here.</p>
      ) : (
        <form
          className="chat-form"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label htmlFor="chat-input">Message to the table</label>
          <div className="chat-row">
            <input
              id="chat-input"
              value={text}
              maxLength={limit}
              onChange={(e) => setText(e.target.value.slice(0, limit))}
              autoComplete="off"
              aria-describedby="chat-count"
            />
            <button type="submit" disabled={!say || !text.trim()}>
              Send
            </button>
          </div>
          <p id="chat-count" className={`chat-count${left <= 20 ? ' is-near' : ''}`}>
            {text.length} / {limit} characters{left === 0 ? ' — that is the limit' : ''}
            {!say ? ' · not connected: sending waits for the connection' : ''}
          </p>
        </form>
      )}
    </section>
  );
}
