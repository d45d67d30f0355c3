/**
 * socket.io's encoder walks every argument of every event looking for binary data before it
 * encodes it, which on a late-game state costs as much as encoding. This server never sends
 * binary, so it hands socket.io (through its public `parser` option) an encoder that writes events
 * and acks as text at once; other packets, and everything a client sends, go the usual way.
 */
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * A text packet of socket.io's protocol 5: the type digit, the namespace and a comma unless it is
 * the root, the ack id, then the data as JSON.
 */
export function encodeText(packet: Packet): string {
  const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
  const id = packet.id ?? '';
  const data = packet.data === undefined || packet.data === null ? '' : JSON.stringify(packet.data);
  return `${packet.type}${nsp}${id}${data}`;
}

class TextEncoder extends Encoder {
  encode(packet: Packet) {
    if (packet.type !== PacketType.EVENT && packet.type !== PacketType.ACK) return super.encode(packet);
    return [encodeText(packet)];
  }
}

/** For `new Server(http, { parser })`. */
export const textParser = { Encoder: TextEncoder, Decoder };
