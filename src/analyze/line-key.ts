/**
 * The sort key (ts, id) of a log line, taken twice per line by analyze (a cheap first pass plans the order,
 * the second parses each line once): both passes must agree on every line's key, so both come from here.
 *
 * Logs written by the gateway and the simulator start with `{"id":"...","ts":"..."`: the key is read from
 * the bytes of those leading members without decoding or parsing the line. A line whose id and ts are not among its first plain
 * string members is parsed for them instead. A parsed event must carry the same id and ts as its leading
 * members; one that does not repeats "id" or "ts" (JSON.parse keeps the last) and is rejected rather than
 * placed by a key it does not have.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';
import { eventShapeProblem, parseDateTime } from './event-shape.ts';

export interface LineKey {
  /** ts in milliseconds since the epoch. */
  ms: number;
  id: string;
}

/** One line read in full: its key (also for some invalid lines) and the event, or why it is not one. */
export interface ReadLine {
  key: LineKey | undefined;
  event?: TrafficEvent;
  reason?: string;
}

/** Leading members looked at: id and ts come first in every writer we know; others fall back to a parse. */
const LEADING_MEMBERS = 4;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function skipBlanks(line: Buffer, at: number, end: number): number {
  while (at < end && (line[at] === 0x20 || line[at] === 0x09)) at++;
  return at;
}

/** End of a plain string's content starting at `at` (just past its opening quote): -1 if it holds an escape or does not close. */
function plainStringEnd(line: Buffer, at: number, end: number): number {
  const close = line.indexOf(QUOTE, at);
  if (close === -1 || close >= end) return -1;
  for (let i = at; i < close; i++) if (line[i] === BACKSLASH) return -1;
  return close;
}

/**
 * id and ts when they are among the leading `"name": "value"` members of the object on
 * line[start, end), with neither string escaped. Read from the bytes: both passes see the same bytes.
 */
function leadingIdTs(line: Buffer, start: number, end: number): { id: string; ts: string } | undefined {
  let at = skipBlanks(line, start, end);
  if (line[at] !== 0x7b /* { */) return undefined;
  at++;
  let id: string | undefined;
  let ts: string | undefined;
  for (let n = 0; n < LEADING_MEMBERS; n++) {
    at = skipBlanks(line, at, end);
    if (line[at] !== QUOTE) return undefined;
    const nameStart = at + 1;
    const nameEnd = plainStringEnd(line, nameStart, end);
    if (nameEnd === -1) return undefined;
    at = skipBlanks(line, nameEnd + 1, end);
    if (line[at] !== 0x3a /* : */) return undefined;
    at = skipBlanks(line, at + 1, end);
    if (line[at] !== QUOTE) return undefined;
    const valueStart = at + 1;
    const valueEnd = plainStringEnd(line, valueStart, end);
    if (valueEnd === -1) return undefined;
    if (nameEnd - nameStart === 2) {
      const [a, b] = [line[nameStart], line[nameStart + 1]];
      if (a === 0x69 && b === 0x64) id = line.toString('utf8', valueStart, valueEnd);
      else if (a === 0x74 && b === 0x73) ts = line.toString('utf8', valueStart, valueEnd);
    }
    if (id !== undefined && ts !== undefined) return { id, ts };
    at = skipBlanks(line, valueEnd + 1, end);
    if (line[at] !== 0x2c /* , */) return undefined;
    at++;
  }
  return undefined;
}

function keyOf(id: unknown, ts: unknown): LineKey | undefined {
  if (typeof id !== 'string' || id.length === 0 || typeof ts !== 'string') return undefined;
  const ms = parseDateTime(ts);
  return ms === undefined ? undefined : { ms, id };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A line's key, and its text and parse when the key needed them (kept so that the line is decoded and parsed once). */
export interface KeyedLine {
  key: LineKey | undefined;
  leading: { id: string; ts: string } | undefined;
  text?: string;
  parsed?: { value: unknown } | { error: unknown };
}

function parse(text: string): { value: unknown } | { error: unknown } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error };
  }
}

/** The key of line[start, end), decoding and parsing it only when the leading members do not hold it; key undefined: no usable id and ts. */
export function keyLine(line: Buffer, start: number, end: number): KeyedLine {
  const leading = leadingIdTs(line, start, end);
  if (leading !== undefined) return { key: keyOf(leading.id, leading.ts), leading };
  const text = line.toString('utf8', start, end);
  const parsed = parse(text);
  const value = 'value' in parsed ? parsed.value : undefined;
  return { key: isRecord(value) ? keyOf(value['id'], value['ts']) : undefined, leading, text, parsed };
}

/** The traffic event a line holds, or the reason it holds none (parsing `text` unless `keyed` already did). */
export function readLine(text: string, keyed: KeyedLine): ReadLine {
  const parsed = keyed.parsed ?? parse(text);
  const key = keyed.key;
  if (!('value' in parsed)) {
    const error = parsed.error;
    return { key, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const problem = eventShapeProblem(parsed.value);
  if (problem !== undefined) return { key, reason: `not a traffic event: ${problem}` };
  const event = parsed.value as TrafficEvent;
  const leading = keyed.leading;
  if (leading !== undefined && (event.id !== leading.id || event.ts !== leading.ts)) {
    return { key, reason: 'not a traffic event: "id" or "ts" given twice with different values' };
  }
  return { key, event };
}
