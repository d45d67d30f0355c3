/**
 * Games in progress saved in this browser: resume one where it was left, or delete it (asked once,
 * since a deleted game cannot come back). Shown above the new-game forms only when there are some.
 */
import { useEffect, useRef, useState } from 'react';
import { PERSONALITY_NAMES } from '../../bots/config';
import { findEntry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import type { SavedGame } from '../session/saved';
import { useGame } from '../store';
import { rules } from '../rules';

/** Who plays: "Solo: you play Iran against the United States (Hardliner) and the Mediator (Pragmatist)". */
function players(game: SavedGame): string {
  if (game.mode === 'hotseat') return 'Hot-seat: three players at this screen';
  const bots = Object.entries(game.bots).map(([seat, bot]) => `${SEAT_NAMES[seat as keyof typeof SEAT_NAMES]} (${PERSONALITY_NAMES[bot.personality]})`);
  return `Solo: you play ${SEAT_NAMES[game.humans[0]]} against ${bots.join(' and ')}`;
}

function SavedRow({ game, onForgot }: { game: SavedGame; onForgot(): void }) {
  const resume = useGame((s) => s.resume);
  const forget = useGame((s) => s.forget);
  const loading = useGame((s) => s.screen === 'loading');
  const [asking, setAsking] = useState(false);
  const scenario = findEntry(rules, 'scenarios', game.setupData?.scenario ?? rules.scenarios[0].id)?.name ?? game.setupData?.scenario;
  const title = `${players(game)} · ${scenario}`;
  return (
    <li className="saved-game">
      <div className="saved-what">
        <strong>{title}</strong>
        <span className="muted">
          {' '}
          · round {game.round} of {game.rounds} · last move {new Date(game.savedAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}
        </span>
      </div>
      {asking ? (
        <div className="button-row" role="group" aria-label={`Delete ${title}?`}>
          <span>Delete this game? It cannot be brought back.</span>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => {
              forget(game.id);
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
          <button type="button" className="primary" disabled={loading} aria-label={`Resume ${title}`} onClick={() => void resume(game.id)}>
            Resume
          </button>
          <button type="button" aria-label={`Delete ${title}`} onClick={() => setAsking(true)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function SavedGames() {
  const saved = useGame((s) => s.saved);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a delete the focus goes to the list's heading, or to the page when the list is gone,
  // rather than being dropped with the row that held it.
  const forgotten = useRef(false);
  useEffect(() => {
    if (!forgotten.current) return;
    forgotten.current = false;
    (heading.current ?? document.getElementById('main'))?.focus();
  }, [saved]);
  if (!saved.length) return null;
  return (
    <section className="saved-games" aria-labelledby="saved-title">
      <h2 id="saved-title" ref={heading} tabIndex={-1}>
        Your games in progress
      </h2>
      <p className="muted">Saved in this browser after every move. Resume one where you left it.</p>
      <ul>
        {saved.map((game) => (
          <SavedRow key={game.id} game={game} onForgot={() => (forgotten.current = true)} />
        ))}
      </ul>
    </section>
  );
}
