/**
 * "Done for this round", which cannot be taken back. When the seat still has something open —
 * points to spend, proposals to answer, steps to decide — Done first lists them, each with a link
 * that takes the focus there, and asks once; otherwise it is sent at once.
 */
import { useEffect, useRef, useState } from 'react';
import { checkNegotiating, stageOf } from '../../game/stages';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { DONE_BUTTON } from '../focus';
import { jumpTo } from '../jump';
import { unfinished } from './unfinished';

export function DoneButton() {
  const seat = useSeat();
  const G = useG((G) => G);
  const ctx = useCtx();
  const send = useSend();
  const verdict = checkNegotiating(G.seats[seat], stageOf(ctx, seat));
  const open = verdict.ok ? unfinished(G, ctx, seat) : [];
  const [asking, setAsking] = useState(false);
  const confirming = asking && open.length > 0;
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Done disables itself: the keyboard focus goes to the line saying why, not back to the page.
  const pressed = useRef(false);
  const note = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (pressed.current && !verdict.ok) note.current?.focus();
    pressed.current = false;
  }, [verdict.ok]);
  // The question takes the focus, so a screen reader reads it and Tab reaches its links first.
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const notYet = () => {
    setAsking(false);
    button.current?.focus();
  };
  const sendDone = () => {
    setAsking(false);
    pressed.current = true;
    send('done', [], verdict, 'Done');
  };
  return (
    <div className="done-row">
      <button
        ref={button}
        id={DONE_BUTTON}
        type="button"
        className="primary"
        disabled={!verdict.ok}
        aria-expanded={verdict.ok ? confirming : undefined}
        aria-controls={confirming ? 'done-confirm' : undefined}
        aria-describedby={verdict.ok ? undefined : 'done-note'}
        onClick={() => (open.length ? setAsking(true) : sendDone())}
      >
        Done for this round
      </button>
      <span id="done-note" ref={note} tabIndex={-1} className={verdict.ok ? 'hint' : 'why'}>
        {verdict.ok ? 'When you have nothing more to do. The round goes on when all three seats are done.' : verdict.reason}
      </span>
      {confirming ? (
        // A dialog in the page, not over it: the links in it lead elsewhere on the page. Escape is "Not yet".
        <div
          id="done-confirm"
          className="done-confirm"
          role="dialog"
          aria-labelledby="done-confirm-title"
          onKeyDown={(e) => {
            if (e.key === 'Escape') notYet();
          }}
        >
          <h3 id="done-confirm-title" ref={heading} tabIndex={-1}>
            Still open this round
          </h3>
          <ul>
            {open.map((item) => (
              <li key={item.key}>
                {item.text}{' '}
                <button type="button" className="link" onClick={() => jumpTo(item.target)}>
                  {item.link}
                </button>
              </li>
            ))}
          </ul>
          <p>Once you say Done you cannot act again until the next round.</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={sendDone}>
              Done anyway
            </button>
            <button type="button" onClick={notYet}>
              Not yet
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
