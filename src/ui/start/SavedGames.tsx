/**
 * Games in progress saved in this browser: resume one where it was left, or delete it (asked once,
 * since a deleted game cannot come back). Shown above the new-game forms only when there are some.
 */
import { useEffect, useRef, useState } from 'react';
import { PERSONALITY_NAMES } from '../../bots/config';
import { findEntry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import type { SavedGame, UnreadableSave } from '../session/saved';
import { useGame } from '../store';
import { rules } from '../rules';

/** Who plays: "Solo: you play Iran against the United States (Hardliner) and the Mediator (Pragmatist)". */
function players(game: SavedGame): string {
  if (game.mode === 'hotseat') return 'Hot-seat: three players at this screen';
  const bots = Object.entries(game.bots).map(([seat, bot]) => `${SEAT_NAMES[seat as keyof typeof SEAT_NAMES]} (${PERSONALITY_NAMES[bot.personality]})`);
  return `Solo: you play ${SEAT_NAMES[game.humans[0]]} against ${bots.join(' and ')}`;
}

/**
 * A row of the list: what it is, and its buttons; Delete asks once. `resume` is absent for a save
 * that cannot be read.
 */
function SavedRow({ id, title, detail, resume, onForgot }: { id: string; title: string; detail: string; resume?(): void; onForgot(): void }) {
  const forget = useGame((s) => s.forget);
  const loading = useGame((s) => s.screen === 'loading');
  const [asking, setAsking] = useState(false);
  return (
    <li className={resume ? 'saved-game' : 'saved-game is-unreadable'}>
      <div className="saved-what">
        <strong>{title}</strong>
        <span className="muted"> · {detail}</span>
      </div>
      {asking ? (
        <div className="button-row" role="group" aria-label={`Delete ${title}?`}>
          <span>Delete this game? It cannot be brought back.</span>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => {
              forget(id);
              onForgot();
            }}
          >
            Yes, delete
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="button-row">
          {resume ? (
            <button type="button" className="primary" disabled={loading} aria-label={`Resume ${title}`} onClick={resume}>
              Resume
            </button>
          ) : null}
          <button type="button" aria-label={`Delete ${title}`} onClick={() => setAsking(true)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function GameRow({ game, onForgot }: { game: SavedGame; onForgot(): void }) {
  const resume = useGame((s) => s.resume);
  const scenario = findEntry(rules, 'scenarios', game.setupData?.scenario ?? rules.scenarios[0].id)?.name ?? game.setupData?.scenario;
  const when = new Date(game.savedAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  return (
    <SavedRow
      id={game.id}
      title={`${players(game)} · ${scenario}`}
      detail={`round ${game.round} of ${game.rounds} · last move ${when}`}
      resume={() => void resume(game.id)}
      onForgot={onForgot}
    />
  );
}

/** A save this version cannot read: said plainly, with what is wrong, and kept until deleted. */
const UnreadableRow = ({ save, onForgot }: { save: UnreadableSave; onForgot(): void }) => (
  <SavedRow
    id={save.id}
    title={`Saved game ${save.id} cannot be read`}
    detail={`saved by another version of the game, or damaged (${save.problem}). It is kept until you delete it.`}
    onForgot={onForgot}
  />
);

export function SavedGames() {
  const saved = useGame((s) => s.saved);
  const unreadable = useGame((s) => s.unreadable);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a delete the focus goes to the list's heading, or to the page when the list is gone,
  // rather than being dropped with the row that held it.
  const forgotten = useRef(false);
  useEffect(() => {
    if (!forgotten.current) return;
    forgotten.current = false;
    (heading.current ?? document.getElementById('main'))?.focus();
  }, [saved, unreadable]);
  if (!saved.length && !unreadable.length) return null;
  const forgot = () => (forgotten.current = true);
  return (
    <section className="saved-games" aria-labelledby="saved-title">
      <h2 id="saved-title" ref={heading} tabIndex={-1}>
        Your games in progress
      </h2>
      <p className="muted">Saved in this browser after every move. Resume one where you left it.</p>
      <ul>
        {saved.map((game) => (
          <GameRow key={game.id} game={game} onForgot={forgot} />
        ))}
        {unreadable.map((save) => (
          <UnreadableRow key={save.id} save={save} onForgot={forgot} />
        ))}
      </ul>
    </section>
  );
}
