/** The page: a masthead with the rulebook always one click away, notices, and the current screen. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { LeaveButton } from './LeaveButton';
import { Notices } from './Notices';
import { hrefOf } from './online/links';
import { RulebookDrawer } from './rulebook/RulebookDrawer';
import { StartPage } from './start/StartPage';
import { useGame } from './store';
import { useUnloadWarning } from './useUnloadWarning';

const GameScreen = lazy(() => import('./game/GameScreen'));
// Online play (the lobby, the socket client, chat) loads only when an address names a match.
const OnlineScreen = lazy(() => import('./online/OnlineScreen'));
const OnlineGame = lazy(() => import('./online/OnlineGame'));

export function App() {
  const screen = useGame((s) => s.screen);
  const online = useGame((s) => s.mode === 'online');
  const route = useGame((s) => s.route);
  const [rules, setRules] = useState(false);
  const closeRules = useCallback(() => setRules(false), []);
  useUnloadWarning();
  useEffect(() => {
    // An online address names its own match; anywhere else a reload goes back to the local game.
    if (!useGame.getState().route) void useGame.getState().resumeAfterReload();
  }, []);
  useEffect(() => {
    const follow = () => useGame.getState().syncRoute();
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return (
    <>
      {/* While the rulebook is open the page behind it is inert: out of the tab order and of screen readers. */}
      <div className="page" inert={rules}>
        <a className="skip-link" href="#main">
          Skip to the game
        </a>
        <header className="masthead">
          <div className="masthead-title">
            <h1>Backchannel</h1>
            <p className="tagline">U.S.–Iran talks · three seats · eighteen months</p>
          </div>
          <nav className="masthead-actions" aria-label="Game">
            <button type="button" onClick={() => setRules(true)} aria-haspopup="dialog">
              Rulebook
            </button>
            {screen === 'game' ? <LeaveButton /> : null}
          </nav>
        </header>
        <Notices />
        <main id="main" tabIndex={-1}>
          {/* A screen that throws leaves the masthead, and its Leave button, in place. */}
          <ErrorBoundary resetKey={`${screen === 'game'} ${hrefOf(route)}`}>
            {screen === 'game' ? (
              <Suspense fallback={<p className="loading">Setting up the table…</p>}>{online ? <OnlineGame /> : <GameScreen />}</Suspense>
            ) : route ? (
              <Suspense fallback={<p className="loading">Opening the match…</p>}>
                <OnlineScreen route={route} />
              </Suspense>
            ) : (
              <StartPage />
            )}
          </ErrorBoundary>
        </main>
      </div>
      <RulebookDrawer open={rules} onClose={closeRules} />
    </>
  );
}
