/**
 * What goes over the wire: every frame each seat's client (and a spectator's) receives during
 * whole matches holds nothing private of another seat: other seats' secrets as counts, no draw
 * piles, no random seed, no unseen backchannel traffic, and in boardgame.io's action log neither
 * the arguments nor the names of other seats' secret moves, nor any entry that marks one. The
 * initial state a sync carries is filtered too. (That another seat made some move still shows:
 * every move advances the state id all seats share, and every seat is sent the new state.)
 */
import type { LogEntry, State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READERS, logLines, readerOf } from '../../src/game/log';
import { canSee } from '../../src/game/audience';
import type { GameState } from '../../src/game/state';
import { SEATS, type SeatId } from '../../src/game/types';
import { ask, createMatch, faultsOf, gameClient, playWithClientBots, rawSocket, socketOf, startTestServer, type TestServer } from './helpers';

const SECRET_MOVES = new Set(['propose', 'counter', 'accept', 'reject', 'withdraw', 'comply', 'playCard']);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(faultsOf(server)).toEqual([]);
  await server?.stop();
});

type Frame = { event: string; args: unknown[] };

/** Everything private of seats other than `me` that `state` could show: none of it may be there. */
function leaks(state: State<GameState>, me: SeatId | null): string[] {
  const found: string[] = [];
  const G = state.G;
  for (const seat of SEATS) {
    const secret = G.secrets[seat] as unknown as Record<string, unknown>;
    if (seat === me) {
      if (!Array.isArray(secret.agendas)) found.push(`own secrets of ${seat} missing`);
      continue;
    }
    const keys = Object.keys(secret).sort().join(',');
    if (keys !== 'agendas,hand,hidden' || secret.hidden !== true || typeof secret.agendas !== 'number' || typeof secret.hand !== 'number')
      found.push(`secrets of ${seat}: ${JSON.stringify(secret)}`);
    if (G.proposedThisRound[seat] !== 0) found.push(`proposal count of ${seat}`);
  }
  if (G.deck.length) found.push('incident deck');
  for (const seat of SEATS) if (G.initiativeDecks[seat].length) found.push(`initiative deck of ${seat}`);
  for (const p of [...G.proposals, ...G.agreements]) if (!canSee(p, me)) found.push(`backchannel item ${p.id}`);
  for (const reader of READERS) if (reader !== readerOf(me) && G.log[reader].length) found.push(`the log of ${reader}`);
  for (const line of logLines(G, readerOf(me))) if (line.to && (me === null || !line.to.includes(me))) found.push(`log line to ${line.to.join(',')}`);
  const plugins = JSON.stringify(state.plugins ?? {});
  if (/prngstate|"seed"/.test(plugins)) found.push('random seed');
  if (state._undo?.length || state._redo?.length) found.push('undo history');
  return found;
}

/**
 * Entries in boardgame.io's action log that mark another seat's secret move: any entry at the
 * state id of one (in the server's own log), whatever it is called and whatever it keeps.
 */
function logLeaks(log: LogEntry[] | undefined, secretAt: Map<number, string>): string[] {
  return (log ?? []).filter((e) => secretAt.has(e._stateID)).map((e) => `entry for ${secretAt.get(e._stateID)}: ${JSON.stringify(e.action.payload)}`);
}

/** The state ids of secret moves by seats other than `me`, named, from the server's full log. */
function secretMovesOf(log: LogEntry[] | undefined, me: SeatId | null): Map<number, string> {
  const others = (log ?? []).filter((e) => e.action.payload.playerID !== me && SECRET_MOVES.has(e.action.payload.type));
  return new Map(others.map((e) => [e._stateID, `${e.action.payload.type} by ${e.action.payload.playerID} at ${e._stateID}`]));
}

describe('secrets over the wire', () => {
  it('sends each seat and a spectator nothing private of another seat, in any frame of whole matches', async () => {
    const frames: Record<string, Frame[]> = { '0': [], '1': [], '2': [], spectator: [] };
    /** By match, then by viewer: the state ids of other seats' secret moves, from the server's log. */
    const secretMoves = new Map<string, Map<SeatId | null, Map<number, string>>>();
    const hidden: Record<SeatId, number> = { '0': 0, '1': 0, '2': 0 };
    // A match can end in its first round; play until every seat has had other seats' secret
    // moves hidden from it, so the check below has something to check.
    for (let match = 0; match < 6 && SEATS.some((s) => hidden[s] === 0); match++) {
      const { matchID, seats } = await createMatch(server.url);
      const clients = Object.fromEntries(SEATS.map((s) => [s, gameClient(server.url, matchID, s, seats[s].credentials)]));
      const spectator = gameClient(server.url, matchID, null);
      for (const [who, client] of [...Object.entries(clients), ['spectator', spectator] as const])
        socketOf(client).onAny((event: string, ...args: unknown[]) => frames[who].push({ event, args: structuredClone(args) }));
      try {
        const { state } = await playWithClientBots(clients, { seed: `secrets-${match}` });
        expect(state.ctx.gameover).toBeDefined();
      } finally {
        [...Object.values(clients), spectator].forEach((c) => c.stop());
      }
      const { log } = await server.store.fetch(matchID, { log: true });
      const byViewer = new Map(([...SEATS, null] as const).map((me) => [me, secretMovesOf(log, me)]));
      secretMoves.set(matchID, byViewer);
      for (const seat of SEATS) hidden[seat] += byViewer.get(seat)!.size;
    }
    for (const seat of SEATS) expect(hidden[seat], `secret moves by seats other than ${seat}`).toBeGreaterThan(0);

    for (const [who, list] of Object.entries(frames)) {
      const me = who === 'spectator' ? null : (who as SeatId);
      const problems: string[] = [];
      let states = 0;
      for (const { event, args } of list) {
        const secretAt = secretMoves.get(args[0] as string)?.get(me) ?? new Map<number, string>();
        if (event === 'sync') {
          const info = args[1] as { state: State<GameState>; initialState: State<GameState>; log: LogEntry[]; filteredMetadata: object[] };
          problems.push(...leaks(info.state, me), ...leaks(info.initialState, me).map((p) => `initial state: ${p}`), ...logLeaks(info.log, secretAt));
          states += 2;
        } else if (event === 'update') {
          problems.push(...leaks(args[1] as State<GameState>, me), ...logLeaks(args[2] as LogEntry[], secretAt));
          states += 1;
        } else if (event === 'matchData') {
          if (JSON.stringify(args[1]).includes('credentials')) problems.push('credentials in match data');
        }
      }
      expect(problems, `frames sent to ${who}`).toEqual([]);
      expect(states).toBeGreaterThan(2);
    }
  });

  it('filters the initial state a sync carries (boardgame.io 0.50.2 sends it whole)', async () => {
    const { matchID, seats } = await createMatch(server.url);
    const socket = await rawSocket(server.url);
    const synced = new Promise<{ initialState: State<GameState> }>((resolve) => socket.once('sync', (_m: string, info: { initialState: State<GameState> }) => resolve(info)));
    expect(await ask(socket, 'sync', matchID, '1', seats['1'].credentials, 3)).toEqual({ ok: true });
    const { initialState } = await synced;
    expect(leaks(initialState, '1')).toEqual([]);
    const { initialState: full } = await server.store.fetch(matchID, { initialState: true });
    // What it hides is there on the server: seat 0's agendas, the deck and the seed.
    expect((full as State<GameState>).G.secrets['0'].agendas.length).toBeGreaterThan(0);
    expect(leaks(full as State<GameState>, '1').length).toBeGreaterThan(0);
    socket.close();
  });
});
