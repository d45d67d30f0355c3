/**
 * The Redis pub/sub (`TEST_REDIS_URL`; CI starts a Redis): two nodes hear each other's broadcasts
 * in one order, once a subscription is confirmed; unsubscribing stops them; and when a node's
 * connection is cut, it subscribes again by itself and says so, so its sockets can be resynced.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisPubSub } from '../../src/server/redis';
import { waitFor } from './helpers';

const url = process.env.TEST_REDIS_URL;

describe.skipIf(!url)('Redis pub/sub', () => {
  const open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });

  async function node(warnings: string[] = []): Promise<RedisPubSub<{ n: number }>> {
    const pubSub = new RedisPubSub<{ n: number }>(url!, (m) => warnings.push(m));
    open.push(pubSub);
    await pubSub.connect();
    return pubSub;
  }

  it('carries every broadcast to every node, in order, and stops at unsubscribe', async () => {
    const [a, b] = [await node(), await node()];
    const heard: Record<string, number[]> = { a: [], b: [] };
    a.subscribe('MATCH-x', (p) => heard.a.push(p.n));
    b.subscribe('MATCH-x', (p) => heard.b.push(p.n));
    await Promise.all([a.subscribed('MATCH-x'), b.subscribed('MATCH-x')]);
    for (let n = 0; n < 20; n++) (n % 2 ? a : b).publish('MATCH-x', { n });
    await waitFor(() => heard.a.length === 20 && heard.b.length === 20, 'both nodes to hear all twenty');
    expect(heard.a).toEqual(heard.b);
    expect([...heard.a].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));

    b.unsubscribeAll('MATCH-x');
    const later: number[] = [];
    b.subscribe('MATCH-z', (p) => later.push(p.n));
    await b.subscribed('MATCH-z');
    a.publish('MATCH-x', { n: 20 });
    a.publish('MATCH-z', { n: 21 });
    // One publisher's messages arrive in order: once b hears the second, it would have heard the first.
    await waitFor(() => later.length === 1 && heard.a.length === 21, 'the later broadcast');
    expect(heard.b).toHaveLength(20);
  });

  it('subscribes again after its connection is cut, and says so', async () => {
    const warnings: string[] = [];
    const a = await node(warnings);
    const b = await node();
    const heard: number[] = [];
    let reconnects = 0;
    a.onReconnect(() => (reconnects += 1));
    a.subscribe('MATCH-y', (p) => heard.push(p.n));
    await a.subscribed('MATCH-y');

    const admin = new Redis(url!);
    open.push({ close: () => admin.quit() });
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await waitFor(() => reconnects === 1, 'the node to reconnect');
    // Subscribed again: what is published now reaches it.
    await waitFor(async () => {
      b.publish('MATCH-y', { n: heard.length });
      return heard.length > 0;
    }, 'a broadcast after the reconnection');
  });
});
