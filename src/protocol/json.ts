/** Plain JSON of modest size: what a move's arguments and a seat's lobby data may be. */
import { z } from 'zod';

const MAX_DEPTH = 12;
const MAX_NODES = 5000;
const MAX_STRING = 4000;
const MAX_KEY = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

/** Whether `value` is plain JSON within the size limits (no binary, no prototype keys). */
export function isPlainJson(value: unknown): boolean {
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return v.length <= MAX_STRING;
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    if (isPlainObject(v)) return Object.entries(v).every(([k, x]) => k.length <= MAX_KEY && !FORBIDDEN_KEYS.has(k) && walk(x, depth + 1));
    return false;
  };
  return walk(value, 0);
}

/** Plain JSON whose text is at most `maxBytes` long (no limit but the node count when absent). */
export const plainJson = (maxBytes?: number) =>
  z.unknown().refine((v) => isPlainJson(v) && (maxBytes === undefined || JSON.stringify(v).length <= maxBytes), {
    error: maxBytes === undefined ? 'must be plain JSON of modest size' : `must be plain JSON of at most ${maxBytes} bytes`,
  });
