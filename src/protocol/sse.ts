/**
 * Incremental parser for server-sent events (the WHATWG event-stream format), fed with raw bytes in
 * whatever chunks the network delivers. It runs for every streamed response in the gateway, so it
 * decodes each chunk once (holding back a UTF-8 sequence split across chunks) and scans for line
 * ends with indexOf, never character by character into strings.
 */

import { isRecord } from './fields.ts';
import type { RepeatedDeltas } from './repeated-deltas.ts';

export interface SseEvent {
  /** The `event:` field; undefined when the event had none (the spec's default type "message"). */
  event: string | undefined;
  /** The `data:` lines joined with "\n". */
  data: string;
  id: string | undefined;
}

/** The payload OpenAI-style streams end with. */
export const SSE_DONE = '[DONE]';

const LF = 10;
const CR = 13;

export class SseParser {
  /** The bytes of a UTF-8 sequence cut by the end of the previous chunk. */
  private carry: Uint8Array | undefined;
  private started = false;
  private readonly onEvent: (event: SseEvent) => void;
  /** Pieces of a line whose end has not arrived yet; joined once when it does. */
  private partialLine: string[] = [];
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to the same line end. */
  private skipLeadingLf = false;
  private eventType: string | undefined;
  private eventId: string | undefined;
  private data: string | undefined;
  private moreData: string[] | undefined;

  constructor(onEvent: (event: SseEvent) => void) {
    this.onEvent = onEvent;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    const whole = completeUtf8Length(bytes);
    // A copy: Buffer#slice is a view, and the caller may reuse the chunk's memory.
    if (whole < bytes.length) this.carry = new Uint8Array(bytes.subarray(whole));
    if (whole > 0) this.pushDecoded(decodeUtf8(bytes, whole));
  }

  /** Ends the stream: a last event not followed by a blank line is still delivered (cut streams). */
  end(): void {
    const carry = this.carry;
    this.carry = undefined;
    if (carry !== undefined) this.pushDecoded(decodeUtf8(carry, carry.length));
    if (this.partialLine.length > 0) {
      const line = this.partialLine.join('');
      this.partialLine = [];
      this.processLine(line);
    }
    this.dispatch();
  }

  /** The stream's first text loses its byte order mark, as the event-stream decoder requires. */
  private pushDecoded(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) this.pushText(text);
  }

  private pushText(text: string): void {
    let start = 0;
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    // Positions of the next CR and LF, searched again only once passed: a stream without CR
    // costs one failed search per chunk, not one per line. The includes() first is measured, not
    // cosmetic: with a bare indexOf here, assembling a 10 KB chat stream took 25 instead of 19 µs
    // (node 20), most of the difference spent in memchr.
    let nextCr = text.includes('\r') ? text.indexOf('\r', start) : -1;
    let nextLf = text.indexOf('\n', start);
    while (start < text.length) {
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      let end: number;
      if (nextCr === -1) end = nextLf;
      else if (nextLf === -1) end = nextCr;
      else end = Math.min(nextCr, nextLf);
      if (end === -1) {
        this.partialLine.push(start === 0 ? text : text.slice(start));
        return;
      }
      let line = text.slice(start, end);
      if (this.partialLine.length > 0) {
        this.partialLine.push(line);
        line = this.partialLine.join('');
        this.partialLine = [];
      }
      start = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (start === text.length) this.skipLeadingLf = true;
        else if (text.charCodeAt(start) === LF) start++;
      }
      this.processLine(line);
    }
  }

  private processLine(line: string): void {
    if (line.length === 0) {
      this.dispatch();
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) return; // a comment, e.g. ": keep-alive"
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = '';
    if (colon !== -1) {
      const valueStart = line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
      value = line.slice(valueStart);
    }
    switch (field) {
      case 'data':
        if (this.data === undefined) this.data = value;
        else (this.moreData ??= []).push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.eventId = value;
        break;
      default:
        break; // `retry` and unknown fields do not matter to a recorder
    }
  }

  private dispatch(): void {
    const first = this.data;
    const type = this.eventType;
    this.eventType = undefined;
    if (first === undefined) return; // the spec drops events without data
    const rest = this.moreData;
    this.data = undefined;
    this.moreData = undefined;
    const data = rest === undefined ? first : first + '\n' + rest.join('\n');
    this.onEvent({ event: type, data, id: this.eventId });
  }
}

/**
 * How many leading bytes end on a code point boundary: a multi-byte sequence cut at the end is held
 * back for the next chunk. Bytes that are not UTF-8 at all are let through to become U+FFFD.
 */
function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  let lead = length - 1;
  // A sequence is at most 4 bytes: look back over at most 3 continuation bytes (10xxxxxx).
  while (lead >= 0 && lead > length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return length;
  const first = bytes[lead]!;
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return first >= 0xf8 || length - lead >= size ? length : lead;
}

/** Buffer's decoder (simdutf) is several times faster than a streaming TextDecoder on small chunks. */
function decodeUtf8(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8');
}

/**
 * Parses each event's data as JSON (once) and hands objects to `onJson`. `[DONE]` and payloads that
 * are not JSON objects are skipped: a recorder must not fail on a provider's odd line. With
 * `repeats`, events that repeat a learned text-delta shape are applied without being parsed.
 */
export function jsonEventParser(
  onJson: (value: Record<string, unknown>, event: string | undefined) => void,
  repeats?: RepeatedDeltas,
): SseParser {
  return new SseParser((ev) => {
    if (ev.data.length === 0 || ev.data === SSE_DONE) return;
    if (repeats?.tryApply(ev.data)) return;
    let value: unknown;
    try {
      value = JSON.parse(ev.data);
    } catch {
      return;
    }
    if (!isRecord(value)) return;
    onJson(value, ev.event);
    repeats?.learn(ev.data, value);
  });
}
