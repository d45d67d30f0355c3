/**
 * A bound on what the server has queued for a connection and not yet handed to the network. A
 * client that stops reading (or sends frames faster than it reads their answers) would otherwise
 * grow engine.io's write buffer without limit: every sync answer is a whole state. Past the bound
 * the connection is dropped; a browser's client reconnects and syncs once.
 */
import type { Socket } from 'socket.io';

export interface Backlog {
  /** Characters of encoded frames (a state is ASCII JSON, so about bytes). */
  maxBytes: number;
  maxFrames: number;
}

interface EnginePacket {
  data?: string | ArrayBufferLike | ArrayBufferView;
}

const sizeOf = ({ data }: EnginePacket) => (data === undefined ? 0 : typeof data === 'string' ? data.length : data.byteLength);

/**
 * Counts what sits in the connection's engine.io write buffer, through its documented events:
 * `packetCreate` adds a packet, `flush` hands the whole buffer to the transport. The transport
 * holds at most one flushed buffer while it waits for the network, so memory stays within about
 * twice the bound. Calls `overflow` once, just after the packet that passes either bound is queued
 * (not inside engine.io's own send).
 */
export function boundBacklog(socket: Socket, limit: Backlog, overflow: (queued: { bytes: number; frames: number }) => void): void {
  let bytes = 0;
  let frames = 0;
  let over = false;
  socket.conn.on('packetCreate', (packet: EnginePacket) => {
    bytes += sizeOf(packet);
    frames += 1;
    if (!over && (bytes > limit.maxBytes || frames > limit.maxFrames)) {
      over = true;
      const queued = { bytes, frames };
      queueMicrotask(() => overflow(queued));
    }
  });
  socket.conn.on('flush', (buffer: EnginePacket[]) => {
    for (const packet of buffer) bytes -= sizeOf(packet);
    frames -= buffer.length;
  });
}

/**
 * Drops a connection now, its queued frames discarded: `disconnect(true)` would wait for the write
 * buffer to drain, which a client that does not read never lets happen.
 */
export function dropConnection(socket: Socket): void {
  socket.conn.close(true);
}
