/**
 * Serialises events like JSON.stringify (same keys, same order) but reuses the text of the client and
 * account objects, which are shared between an account's events: most of the bytes of a line, once.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';

const cache = new WeakMap<object, string>();

function cached(value: object): string {
  let text = cache.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    cache.set(value, text);
  }
  return text;
}

const SHARED = new Set<string>(['client', 'account']);

export function eventJson(event: TrafficEvent): string {
  const record = event as unknown as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    out += `${first ? '' : ','}"${key}":${SHARED.has(key) && typeof value === 'object' && value !== null ? cached(value) : JSON.stringify(value)}`;
    first = false;
  }
  return out + '}';
}
