/**
 * Replayed and absurd moves over real sockets. Every move ignores stale state ids (the seats act
 * at once), so a frame sent again, by a double click or a flaky network, must not play twice; and
 * a state id the match has not reached is refused.
 */
import type { State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backchannel } from '../../src/game';
import type { GameState } from '../../src/game/state';
import { ask, createMatch, rawSocket, startTestServer, storedState, type Seat, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

type Move = { move: string; args: unknown[] };
const enumerate = (state: State<GameState>, seat: string) => Backchannel.ai!.enumerate(state.G, state.ctx, seat) as Move[];
const frame = (seat: Seat, { move, args }: Move, stateID: number, matchID: string) =>
  [{ type: 'MAKE_MOVE', payload: { type: move, args, playerID: seat.playerID, credentials: seat.credentials } }, stateID, matchID, seat.playerID] as const;

describe('replayed moves', () => {
  it('tables exactly one proposal when one propose frame arrives four times', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    // Play the first legal non-proposal moves until a seat may propose (within the first round).
    let proposal: { seat: Seat; move: Move } | undefined;
    for (let i = 0; i < 30 && !proposal; i++) {
      const state = await storedState(server, matchID);
      const active = Object.keys(state.ctx.activePlayers ?? {});
      const found = active.map((s) => ({ seat: seats[s], move: enumerate(state, s).find((m) => m.move === 'propose') })).find((p) => p.move);
      if (found) proposal = found as { seat: Seat; move: Move };
      else expect(await ask(socket, 'update', ...frame(seats[active[0]], enumerate(state, active[0])[0], state._stateID, matchID))).toEqual({ ok: true });
    }
    expect(proposal).toBeDefined();
    const before = await storedState(server, matchID);
    const propose = frame(proposal!.seat, proposal!.move, before._stateID, matchID);
    // Sent at once, as a resend would be, and answered as taken each time.
    expect(await Promise.all([1, 2, 3, 4].map(() => ask(socket, 'update', ...propose)))).toEqual(Array(4).fill({ ok: true }));
    const after = await storedState(server, matchID);
    expect(after._stateID).toBe(before._stateID + 1);
    expect(after.G.proposals.length).toBe(before.G.proposals.length + 1);
    socket.close();
  });

  it('refuses a state id the match has not reached, and changes nothing', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    const before = await storedState(server, matchID);
    const seat = Object.keys(before.ctx.activePlayers ?? {})[0];
    const move = enumerate(before, seat)[0];
    for (const stateID of [1e15, before._stateID + 1])
      expect(await ask(socket, 'update', ...frame(seats[seat], move, stateID, matchID))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await storedState(server, matchID)).toBe(before);
    socket.close();
  });
});
