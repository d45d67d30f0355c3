/**
 * boardgame.io's pub/sub over Redis (`ioredis`), so every node hears every match's broadcasts
 * (`MATCH-<id>` channels) and sends them to its own sockets. Written here because
 * `@boardgame.io/redis-pubsub` 0.0.1 crashes with today's Redis clients.
 *
 * A node's own broadcasts come back to it through Redis like anyone's, so every node sends a
 * match's changes in the one order Redis gives them. Redis keeps no messages: whatever was
 * published while a node was cut off is lost to it, so when the connection is back (ioredis
 * subscribes again by itself) `onReconnect` listeners resync the node's sockets from the
 * database. `subscribed` resolves once Redis has confirmed a subscription, so a sync can
 * subscribe before it reads the state and miss nothing in between.
 */
import { Redis } from 'ioredis';
import type { GenericPubSub } from 'boardgame.io/server';

export class RedisPubSub<T> implements GenericPubSub<T> {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly callbacks = new Map<string, Set<(payload: T) => void>>();
  private readonly confirmed = new Map<string, Promise<unknown>>();
  private readonly reconnectListeners = new Set<() => void>();
  private wasReady = false;

  constructor(url: string, private readonly warn: (message: string) => void) {
    // Commands wait while the connection is down (up to a point) instead of failing at once.
    this.pub = new Redis(url, { maxRetriesPerRequest: 20, lazyConnect: true });
    this.sub = new Redis(url, { maxRetriesPerRequest: 20, lazyConnect: true });
    for (const [name, client] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      client.on('error', (err: Error) => this.warn(`Redis ${name}: ${err.message}`));
    }
    this.sub.on('message', (channel: string, message: string) => this.deliver(channel, message));
    this.sub.on('ready', () => {
      if (this.wasReady) for (const listener of this.reconnectListeners) listener();
      this.wasReady = true;
    });
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
  }

  private deliver(channel: string, message: string): void {
    const callbacks = this.callbacks.get(channel);
    if (!callbacks) return;
    let payload: T;
    try {
      payload = JSON.parse(message) as T;
    } catch {
      return this.warn(`Redis: a message on ${channel} is not JSON`);
    }
    for (const callback of callbacks) callback(payload);
  }

  publish(channel: string, payload: T): void {
    this.pub.publish(channel, JSON.stringify(payload)).catch((err: Error) => this.warn(`Redis: could not publish on ${channel}: ${err.message}`));
  }

  subscribe(channel: string, callback: (payload: T) => void): void {
    let callbacks = this.callbacks.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.callbacks.set(channel, callbacks);
      const done = this.sub.subscribe(channel).catch((err: Error) => this.warn(`Redis: could not subscribe to ${channel}: ${err.message}`));
      this.confirmed.set(channel, done);
    }
    callbacks.add(callback);
  }

  /** Resolves once Redis has confirmed the channel's subscription (at once if there is none). */
  async subscribed(channel: string): Promise<void> {
    await this.confirmed.get(channel);
  }

  unsubscribeAll(channel: string): void {
    if (!this.callbacks.delete(channel)) return;
    this.confirmed.delete(channel);
    this.sub.unsubscribe(channel).catch((err: Error) => this.warn(`Redis: could not unsubscribe from ${channel}: ${err.message}`));
  }

  /** Calls `listener` every time the subscriber's connection is back after a loss. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  async close(): Promise<void> {
    this.callbacks.clear();
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }
}
