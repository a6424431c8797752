/**
 * The engine's view of one request: the recorded event, its time as a number, and its signals.
 * Parsing the timestamp and reading the request shape happen once here, so every later stage reads
 * plain fields.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { Signals } from '../signals/types.ts';

export interface RequestEvent {
  /** Milliseconds since epoch. */
  ts: number;
  event: TrafficEvent;
  /** Absent when the request has no text the signal stage can read (e.g. a rejected or unknown endpoint). */
  signals: Signals | undefined;
}

/** Milliseconds since epoch of an RFC 3339 timestamp, or NaN. */
export function timeOf(ts: string): number {
  return Date.parse(ts);
}

/**
 * Whether the request carries earlier conversation (an assistant turn or several user turns): a human
 * chat or an agent loop, as opposed to a fresh single prompt.
 */
export function isMultiTurn(request: Record<string, unknown>): boolean {
  const turns = request['messages'] ?? request['input'];
  if (!Array.isArray(turns)) return false;
  let users = 0;
  for (const turn of turns) {
    if (typeof turn !== 'object' || turn === null) continue;
    const role = (turn as { role?: unknown }).role;
    if (role === 'assistant' || role === 'tool' || role === 'function') return true;
    if (role === 'user' && ++users > 1) return true;
    const type = (turn as { type?: unknown }).type;
    if (type === 'function_call' || type === 'function_call_output') return true;
  }
  return false;
}

/**
 * The network an address belongs to: /24 for IPv4, /48 for IPv6. Addresses in one such prefix share
 * an operator (an office, a proxy provider's block), not necessarily a person.
 */
export function ipPrefixOf(ip: string): string {
  if (ip.includes(':')) {
    const groups = ip.split(':');
    return groups.slice(0, 3).join(':') + '::/48';
  }
  const last = ip.lastIndexOf('.');
  return last < 0 ? ip : ip.slice(0, last) + '.0/24';
}
