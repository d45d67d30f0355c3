/**
 * The client a request comes from, as the key of its rate limits, for HTTP requests and sockets
 * alike. Behind a reverse proxy (`TRUST_PROXY`), the first address of `X-Forwarded-For`; otherwise
 * the connection's own. An IPv6 client is keyed by its /64 prefix: a single host usually holds a
 * whole /64, and could otherwise take a fresh address for every request.
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** A client's rate-limit key: an IPv4 address or an IPv6 /64 prefix. */
export type ClientAddress = string & { readonly __brand: 'ClientAddress' };

export function clientAddress(req: IncomingMessage, trustProxy: boolean): ClientAddress {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
  return keyOf(forwarded || req.socket.remoteAddress || 'unknown');
}

function keyOf(address: string): ClientAddress {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as ClientAddress;
  if (!isIPv6(address)) return address as ClientAddress;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64` as ClientAddress;
}
