/**
 * `npm run bench:server [-- --matches 200 --think 1000 --duration 60 --storage sqlite]`: load on the
 * real server over loopback. It starts the server as a child process (or uses `--url`), creates
 * `matches` matches with three joined seats each, and plays them with scripted bots over one
 * socket per seat (`3 × matches` sockets), keeping that many matches going (a finished match is
 * replaced) for `duration` seconds. In each match one seat moves at a time, after a pause of about
 * `think` ms (0.5–1.5×), so the load is `matches / think` moves a second.
 *
 * It reports the time from a move's emit to its update arriving back on the mover's socket
 * (p50, p95, p99, max), throughput, refusals, time-outs and disconnects, the server's CPU, and the
 * bench's own event-loop delay (a busy bench inflates the latencies it measures). Figures only.
 *
 * `--nodes 2 --database-url postgres://… --redis-url redis://…` starts two nodes sharing them
 * instead: each match is created on one node, and its seats connect to both, so every move crosses
 * from one node to the other through Redis.
 */
import type { State } from 'boardgame.io';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { scriptedBot } from '../bots/bot';
import type { BotConfig } from '../bots/config';
import { Backchannel } from '../game';
import type { Reply } from '../protocol/refusals';

const { values } = parseArgs({
  options: {
    matches: { type: 'string', default: '200' },
    think: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '60' },
    storage: { type: 'string', default: 'sqlite' },
    url: { type: 'string' },
    nodes: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    'redis-url': { type: 'string' },
  },
});
const MATCHES = Number(values.matches);
const THINK = Number(values.think);
const DURATION = Number(values.duration) * 1000;
const NODES = Number(values.nodes);
const TIMEOUT = 10_000;
for (const [flag, n] of [['matches', MATCHES], ['think', THINK], ['duration', DURATION]] as const)
  if (!Number.isInteger(n) || n < 0 || (flag === 'matches' && n === 0)) {
    console.error(`bench:server: --${flag} must be a whole number${flag === 'matches' ? ' above 0' : ''}.`);
    process.exit(2);
  }
if (values.storage !== 'sqlite' && values.storage !== 'memory') {
  console.error('bench:server: --storage must be sqlite or memory.');
  process.exit(2);
}
if (NODES !== 1 && (NODES !== 2 || !values['database-url'] || !values['redis-url'] || values.url)) {
  console.error('bench:server: --nodes 2 needs --database-url and --redis-url (and no --url).');
  process.exit(2);
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GAME = Backchannel.name!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server as a child process on a free loopback port. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      STORAGE: values.storage,
      DATA_DIR: dataDir,
      DATABASE_URL: values['database-url'] ?? '',
      REDIS_URL: values['redis-url'] ?? '',
      STATIC_DIR: '',
      // The bench stands in for hundreds of clients from one address; the cap is for strangers.
      MATCHES_PER_HOUR: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { url, child };
}

/** CPU seconds a process has used (Linux), or undefined. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function post<T>(url: string, body: object): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

const stats = { moves: 0, games: 0, latencies: [] as number[], refused: new Map<string, number>(), timeouts: 0, disconnects: 0 };

/** One seat's socket: the latest state the server sent it, and a way to wait for a newer one. */
class Seat {
  state?: State;
  stateAt = 0;
  private waiters: { min: number; resolve: (s: State) => void }[] = [];
  matchID = '';
  credentials = '';

  constructor(
    readonly socket: Socket,
    readonly seat: string,
  ) {
    socket.on('update', (matchID: string, state: State) => this.receive(matchID, state));
    socket.on('sync', (matchID: string, info: { state: State }) => this.receive(matchID, info.state));
    socket.on('disconnect', () => (stats.disconnects += 1));
  }

  private receive(matchID: string, state: State) {
    if (matchID !== this.matchID) return;
    this.state = state;
    this.stateAt = performance.now();
    this.waiters = this.waiters.filter((w) => (state._stateID >= w.min ? (w.resolve(state), false) : true));
  }

  async join(matchID: string, credentials: string): Promise<void> {
    this.matchID = matchID;
    this.credentials = credentials;
    this.state = undefined;
    const reply = (await this.socket.timeout(TIMEOUT).emitWithAck('sync', matchID, this.seat, credentials, 3)) as Reply;
    if (!reply.ok) throw new Error(`sync refused: ${reply.error}`);
  }

  waitFor(min: number): Promise<State> {
    if (this.state && this.state._stateID >= min) return Promise.resolve(this.state);
    return new Promise((resolve, reject) => {
      const waiter = { min, resolve: (s: State) => (clearTimeout(timer), resolve(s)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('timeout'));
      }, TIMEOUT);
      this.waiters.push(waiter);
    });
  }
}

async function newMatch(url: string): Promise<{ matchID: string; credentials: string[] }> {
  const { matchID } = await post<{ matchID: string }>(`${url}/games/${GAME}/create`, { numPlayers: 3 });
  const credentials: string[] = [];
  for (const seat of ['0', '1', '2']) {
    const joined = await post<{ playerCredentials: string }>(`${url}/games/${GAME}/${matchID}/join`, { playerID: seat, playerName: `Bench ${seat}` });
    credentials.push(joined.playerCredentials);
  }
  return { matchID, credentials };
}

const config: BotConfig = { personality: 'pragmatist', difficulty: 'expert' };

/** Plays matches on three sockets until the deadline, starting a new match on `url` when one ends. */
async function drive(url: string, seats: Seat[], index: number, deadline: number): Promise<void> {
  let round = 0;
  while (performance.now() < deadline) {
    const { matchID, credentials } = await newMatch(url);
    await Promise.all(seats.map((s, i) => s.join(matchID, credentials[i])));
    const bots = seats.map((s) => new (scriptedBot(config))({ enumerate: Backchannel.ai!.enumerate, seed: `${index}/${round}/${s.seat}` }));
    round += 1;
    let last = 2;
    let stateID = 0;
    for (;;) {
      let states: State[];
      try {
        states = await Promise.all(seats.map((s) => s.waitFor(stateID)));
      } catch {
        stats.timeouts += 1;
        return;
      }
      stateID = Math.max(...states.map((s) => s._stateID));
      if (states.some((s) => s._stateID !== stateID)) continue;
      const state = states[0];
      if (state.ctx.gameover !== undefined) {
        stats.games += 1;
        break;
      }
      if (performance.now() >= deadline) return;
      const active = Object.keys(state.ctx.activePlayers ?? { [state.ctx.currentPlayer]: '' })
        .map(Number)
        .sort((a, b) => a - b);
      const seat = active.find((s) => s > last) ?? active[0];
      await sleep(THINK * (0.5 + Math.random()));
      const me = seats[seat];
      const { action } = await bots[seat].play(me.state!, String(seat));
      const payload = { ...(action as { payload: object }).payload, credentials: me.credentials };
      const start = performance.now();
      const reply = new Promise<Reply>((resolve) => me.socket.emit('update', { type: 'MAKE_MOVE', payload }, stateID, matchID, String(seat), resolve));
      const outcome = await Promise.race([
        me.waitFor(stateID + 1).then(
          () => 'moved' as const,
          () => 'timeout' as const,
        ),
        reply.then((r) => (r.ok ? new Promise<never>(() => undefined) : r)),
      ]);
      if (outcome === 'moved') {
        stats.latencies.push(me.stateAt - start);
        stats.moves += 1;
        last = seat;
      } else if (outcome === 'timeout') {
        stats.timeouts += 1;
      } else {
        stats.refused.set(outcome.code, (stats.refused.get(outcome.code) ?? 0) + 1);
        await sleep(50);
      }
    }
  }
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bc-bench-'));
  const servers = values.url ? [{ url: values.url, child: undefined }] : await Promise.all(Array.from({ length: NODES }, () => startServer(dataDir)));
  const storage = NODES > 1 ? 'PostgreSQL and Redis' : values['database-url'] ? 'PostgreSQL' : values.storage;
  const where = values.url ? values.url : `${NODES > 1 ? `${NODES} child servers` : 'a child server'} (storage: ${storage})`;
  /** CPU seconds the nodes have used together, or undefined. */
  const cpu = () => {
    let sum = 0;
    for (const { child } of servers) {
      const used = cpuSeconds(child?.pid);
      if (used === undefined) return undefined;
      sum += used;
    }
    return sum;
  };
  console.log(`bench:server: ${MATCHES} matches (${MATCHES * 3} sockets), think ${THINK} ms, ${DURATION / 1000} s, against ${where}`);
  try {
    const seats: Seat[][] = [];
    await pool([...Array(MATCHES).keys()], 20, async (index) => {
      const trio: Seat[] = [];
      for (const seat of ['0', '1', '2']) {
        const { url } = servers[(index + Number(seat)) % servers.length];
        const socket = io(`${url}/${GAME}`, { transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        trio.push(new Seat(socket, seat));
      }
      seats.push(trio);
    });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu0 = cpu();
    const t0 = performance.now();
    const deadline = t0 + DURATION;
    const timer = setInterval(() => process.stderr.write(`\r  ${Math.round((performance.now() - t0) / 1000)} s, ${stats.moves} moves`), 1000);
    await Promise.all(seats.map((trio, i) => drive(servers[i % servers.length].url, trio, i, deadline).catch((err: unknown) => console.error(`\nmatch ${i}: ${String(err)}`))));
    clearInterval(timer);
    process.stderr.write('\n');
    const elapsed = (performance.now() - t0) / 1000;
    const cpu1 = cpu();
    loop.disable();
    const disconnects = stats.disconnects;
    for (const trio of seats) for (const s of trio) s.socket.close();

    const lat = [...stats.latencies].sort((a, b) => a - b);
    const refused = [...stats.refused.values()].reduce((a, b) => a + b, 0);
    const errors = refused + stats.timeouts + disconnects;
    console.log(`moves: ${stats.moves} in ${elapsed.toFixed(1)} s (${(stats.moves / elapsed).toFixed(0)}/s); games finished: ${stats.games}`);
    console.log(`move → update: p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}, p99 ${ms(pct(lat, 99))}, max ${ms(lat[lat.length - 1] ?? NaN)}`);
    console.log(
      `errors: ${errors} (refused ${refused}${refused ? ` ${JSON.stringify(Object.fromEntries(stats.refused))}` : ''}, time-outs ${stats.timeouts}, disconnects ${disconnects})`,
    );
    if (cpu0 !== undefined && cpu1 !== undefined) console.log(`server CPU: ${(((cpu1 - cpu0) / elapsed) * 100).toFixed(0)}% of one core${servers.length > 1 ? `, all nodes together` : ''}`);
    console.log(`bench event-loop delay: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)} (timer resolution 10 ms)`);
    console.log(`machine load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores (the bench shares them with the server)`);
  } finally {
    for (const { child } of servers) {
      if (!child || child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
