/**
 * Where the server departs from boardgame.io 0.50.2's and socket.io's defaults: events encoded as
 * text without a search for binary, and the HTTP server bound to `HOST` without wrapping
 * `app.listen`.
 */
import net from 'node:net';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../../src/server/encoder';
import { rawSocket, startTestServer } from './helpers';

describe('the text encoder', () => {
  it('writes events and acks exactly as socket.io’s own encoder does', () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/', data: ['update', 'm1', { G: { trust: 3, note: 'é ✓ "quoted"' } }] },
      { type: PacketType.EVENT, nsp: '/backchannel', data: ['sync', 'm1', { state: null }] },
      { type: PacketType.EVENT, nsp: '/backchannel', id: 12, data: ['chat', 'm1', { id: 'a', sender: '0', payload: 'hi' }] },
      { type: PacketType.ACK, nsp: '/backchannel', id: 7, data: [{ ok: false, event: 'update', code: 'stale-state', error: 'Moved on.' }] },
      { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true }] },
    ];
    for (const packet of packets) expect(encodeText(packet)).toBe(new Encoder().encode(packet)[0]);
  });
});

/** Whether a TCP connection to `host:port` is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('binding', () => {
  it('listens on HOST only, with the sockets on the same server', async () => {
    const server = await startTestServer({ host: '127.0.0.1' });
    try {
      expect(await accepts('127.0.0.1', server.port)).toBe(true);
      // Another loopback address reaches a server bound to all interfaces, not this one.
      expect(await accepts('127.0.0.2', server.port)).toBe(false);
      const socket = await rawSocket(server.url);
      expect(socket.connected).toBe(true);
      socket.close();
    } finally {
      await server.stop();
    }
  });
});
