/** Shared set-up for the component tests: a real local match mirrored into the UI store. */
import { act, cleanup, render } from '@testing-library/react';
import { InitializeGame } from 'boardgame.io/internal';
import { afterEach } from 'vitest';
import { Backchannel } from '../../src/game';
import type { GameState } from '../../src/game/state';
import type { SeatId } from '../../src/game/types';
import GameScreen from '../../src/ui/game/GameScreen';
import { Notices } from '../../src/ui/Notices';
import { createSession, type Session } from '../../src/ui/session/session';
import { useGame, type Mode } from '../../src/ui/store';

// Bots move at once in tests; they still wait for the person to see each round (`seeRound`).
useGame.setState({ botDelay: 0 });

afterEach(() => {
  cleanup();
  act(() => useGame.getState().leave());
  useGame.setState({ notices: [] });
});

/**
 * A match with every seat played from this device and no bots, so a test moves the other seats
 * itself; `mode` decides how the UI shows it (solo shows seat "0" throughout).
 */
export function startMatch(mode: Mode = 'solo', seed = 'ui-test'): Session {
  const session = createSession({ seed, setupData: { scenario: 'talks-resume' }, humans: ['0', '1', '2'] });
  act(() => useGame.getState().attach(session, mode));
  return session;
}

/** Plays a move for a seat the UI is not showing. */
export function moveAs(session: Session, seat: SeatId, name: Parameters<Session['move']>[1], ...args: unknown[]): void {
  act(() => session.move(seat, name, args));
}

/** Answers the round's incident, if one asks for an answer, with restraint. */
export function answerIncident(session: Session): void {
  for (const seat of ['0', '1', '2'] as SeatId[])
    if (session.view(seat)?.ctx.activePlayers?.[seat] === 'respond') moveAs(session, seat, 'respond', 'restraint');
}

export function renderGame() {
  return render(
    <>
      <Notices />
      <GameScreen />
    </>,
  );
}

/** The first seed from a fixed list whose opening position satisfies `test` (a deterministic search). */
export function seedWhere(test: (G: GameState) => boolean): string {
  for (let i = 0; i < 200; i++) {
    const seed = `ui-seed-${i}`;
    const state = InitializeGame({ game: { ...Backchannel, seed }, numPlayers: 3, setupData: { scenario: 'talks-resume' } });
    if (test(state.G as GameState)) return seed;
  }
  throw new Error('no seed in the list fits');
}
