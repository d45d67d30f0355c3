// @vitest-environment jsdom
/**
 * Bots in a solo game wait for the person to see each round, then pause before each move. Time is
 * boardgame.io's and the pacer's timers, advanced by hand: nothing here waits on the clock.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entry } from '../../src/game/ruleset';
import type { SeatId } from '../../src/game/types';
import { rules } from '../../src/ui/rules';
import { createPacer } from '../../src/ui/session/pacing';
import type { SavedMove } from '../../src/ui/session/saved';
import { createSession, type Session } from '../../src/ui/session/session';
import { useGame } from '../../src/ui/store';
import { renderGame } from './helpers';

const BOT = { personality: 'pragmatist', difficulty: 'novice' } as const;
const HUMAN: SeatId = '1';
const SETUP = { setupData: { scenario: 'talks-resume' } } as const;

/** A seed whose first incident asks nothing of the person, so the bots have moves to make at once. */
function seedWithBotsFree(): string {
  for (let i = 0; ; i++) {
    const probe = createSession({ seed: `pace-${i}`, ...SETUP, humans: ['0', '1', '2'] });
    const { G, ctx } = probe.view('0')!;
    probe.stop();
    if (G.incident?.response?.seat !== HUMAN && Object.keys(ctx.activePlayers ?? {}).some((s) => s !== HUMAN)) return `pace-${i}`;
  }
}

const botMoves = (session: Session) => session.view(HUMAN)!.stateID;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('bot pacing', () => {
  it('releases a waiting bot only once its round is seen, and only after the delay', async () => {
    let delay = 500;
    const pacer = createPacer(() => delay);
    let went = false;
    void pacer.ready(2).then(() => (went = true));
    pacer.see(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(went).toBe(false);
    pacer.see(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(went).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(went).toBe(true);
    // A round already seen waits only for the delay; a delay of 0 not at all.
    delay = 0;
    await expect(pacer.ready(1)).resolves.toBeUndefined();
    expect(pacer.seenRound()).toBe(2);
  });

  it('keeps the bots still until the person has seen the round, then plays them one move a delay', async () => {
    const seed = seedWithBotsFree();
    const session = createSession({ seed, ...SETUP, humans: [HUMAN], bots: { '0': BOT, '2': BOT }, botDelay: () => 1000 });
    const start = botMoves(session);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(botMoves(session)).toBe(start);
    expect(session.pace!.seenRound()).toBe(0);

    session.pace!.see(1);
    // The waiting bot pauses for the pace, then moves: one move, not two.
    await vi.advanceTimersByTimeAsync(999);
    expect(botMoves(session)).toBe(start);
    await vi.advanceTimersByTimeAsync(1);
    expect(botMoves(session)).toBe(start + 1);
    // The next waits for boardgame.io's own 100 ms and the pace again.
    await vi.advanceTimersByTimeAsync(1099);
    expect(botMoves(session)).toBe(start + 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(botMoves(session)).toBe(start + 2);
    session.stop();
  });

  it('counts a move by the person as having seen the round', async () => {
    const seed = seedWithBotsFree();
    const session = createSession({ seed, ...SETUP, humans: [HUMAN], bots: { '0': BOT, '2': BOT }, botDelay: () => 0 });
    const { ctx } = session.view(HUMAN)!;
    // The first seed that fits opens with everyone negotiating.
    expect(ctx.activePlayers?.[HUMAN]).toBe('negotiate');
    session.move(HUMAN, 'done', []);
    expect(session.pace!.seenRound()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(botMoves(session)).toBeGreaterThan(1);
    session.stop();
  });

  it('after a resume, counts the round seen only if the person had moved in it', async () => {
    const seed = seedWithBotsFree();
    const bots = { '0': BOT, '2': BOT };
    let moves: readonly SavedMove[] = [];
    const first = createSession({ seed, ...SETUP, humans: [HUMAN], bots, botDelay: () => 0, onMoves: (m) => (moves = m) });
    const resumed = () => {
      const session = createSession({ seed, ...SETUP, humans: [HUMAN], bots, botDelay: () => 0, replay: moves });
      const seen = session.pace!.seenRound();
      session.stop();
      return seen;
    };
    first.pace!.see(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(moves.length).toBeGreaterThan(0);
    // Only the bots have moved: after a reload the person sees the round's incident again.
    expect(resumed()).toBe(0);
    first.move(HUMAN, 'done', []);
    await vi.advanceTimersByTimeAsync(0);
    expect(resumed()).toBe(1);
    first.stop();
  });

  it('asks the person on the incident card, and lets the bots go from there', async () => {
    const seed = seedWithBotsFree();
    useGame.setState({ botDelay: 0 });
    await act(() => useGame.getState().startSolo(HUMAN, { '0': BOT, '2': BOT }, { seed, ...SETUP }));
    renderGame();
    const incident = screen.getByRole('region', { name: entry(rules, 'incidents', useGame.getState().view!.G.incident!.id).name });
    const start = useGame.getState().view!.stateID;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(useGame.getState().view!.stateID).toBe(start);
    // The status bar at the top says why nothing moves, and takes the person to the incident.
    const status = document.querySelector<HTMLElement>('.status-bar')!;
    expect(status.textContent).toMatch(/The bots wait until you have read this round's incident\./);
    act(() => within(status).getByRole('button', { name: 'Read the incident' }).click());
    expect(document.activeElement).toBe(within(incident).getByRole('heading', { level: 2 }));
    const begin = within(incident).getByRole('button', { name: 'Let the round begin' });
    expect(within(incident).getByText('The bots wait until you have read this.')).toBeTruthy();
    act(() => begin.click());
    expect(within(incident).queryByRole('button', { name: 'Let the round begin' })).toBeNull();
    expect(status.textContent).not.toMatch(/The bots wait/);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(useGame.getState().view!.stateID).toBeGreaterThan(start);
  });
});
