/**
 * Streamed events repeat themselves. Every chat chunk of one stream carries the same id, model and
 * envelope around a few new tokens; Anthropic and Responses deltas likewise differ only in their
 * text (and a sequence number or padding). Parsing each event with JSON.parse is the largest cost of
 * recording a stream, so the assemblers learn the shape of a text-only delta event once and then
 * recognise its repeats by comparing the fixed parts as strings and reading the text literal in
 * between. What is recognised is exactly what JSON.parse would have produced; anything else (a new
 * field, a different index, odd escaping) simply falls back to parsing.
 */

import { isRecord, type JsonObject } from './fields.ts';

export type JsonPath = readonly (string | number)[];

/** What a parsed event contributes when it is a pure text delta, as its assembler sees it. */
export interface TextDelta {
  /** Where the text is. */
  text: JsonPath;
  /** Fields that change from event to event but do not matter to the assembler (sequence numbers, padding). */
  ignored: readonly JsonPath[];
  /** Adds a repeat's text exactly as the assembler would have on the parsed event. */
  apply(text: string): void;
}

/** Events with the same shape but unrelated content give up learning after this many shapes. */
const MAX_LEARNED = 4;
/** At most this many shapes are tried per event (a stream interleaves text and reasoning deltas). */
const MAX_KEPT = 2;

/**
 * The learned shapes of one stream. `describe` decides whether a parsed event is a pure text delta
 * (re-applying its other fields would change nothing) and how to apply a repeat's text.
 */
export class RepeatedDeltas {
  private readonly shapes: DeltaShape[] = [];
  private learned = 0;

  constructor(private readonly describe: (event: JsonObject) => TextDelta | undefined) {}

  /** True when `data` repeated a learned shape and its text has been applied. */
  tryApply(data: string): boolean {
    for (const shape of this.shapes) {
      const text = shape.match(data);
      if (text !== undefined) {
        shape.apply(text);
        return true;
      }
    }
    return false;
  }

  /** Called with each event that had to be parsed, after the assembler has applied it. */
  learn(data: string, event: JsonObject): void {
    if (this.learned >= MAX_LEARNED) return;
    const delta = this.describe(event);
    if (delta === undefined) return;
    this.learned++;
    const shape = DeltaShape.learn(data, event, delta);
    if (shape === undefined) return;
    if (this.shapes.length >= MAX_KEPT) this.shapes.shift();
    this.shapes.push(shape);
  }
}

const enum HoleKind {
  Text,
  String,
  Integer,
}

/**
 * One event's JSON text cut around its varying values: `fixed[0] hole fixed[1] hole ... fixed[n]`.
 * The holes hold the text (kept) and the ignored values (checked for validity, then skipped).
 */
export class DeltaShape {
  private constructor(
    private readonly fixed: readonly string[],
    private readonly kinds: readonly HoleKind[],
    readonly apply: (text: string) => void,
  ) {}

  /** The shape of `data` (whose parse is `event`) with holes at the delta's paths, if they can be found for sure. */
  static learn(data: string, event: JsonObject, delta: TextDelta): DeltaShape | undefined {
    const text = valueAt(event, delta.text);
    if (typeof text !== 'string') return undefined;
    const holes: { path: JsonPath; kind: HoleKind; at: number; end: number }[] = [];
    const addHole = (path: JsonPath, kind: HoleKind, value: unknown): boolean => {
      const key = path[path.length - 1];
      if (typeof key !== 'string') return false;
      // Found by key and value, and only when that pair occurs once: the probe below then confirms it.
      const keyJson = JSON.stringify(key);
      const needle = `${keyJson}:${JSON.stringify(value)}`;
      const at = data.indexOf(needle);
      if (at === -1 || data.indexOf(needle, at + 1) !== -1) return false;
      holes.push({ path, kind, at: at + keyJson.length + 1, end: at + needle.length });
      return true;
    };
    if (!addHole(delta.text, HoleKind.Text, text)) return undefined;
    for (const path of delta.ignored) {
      const value = valueAt(event, path);
      if (value === undefined) continue;
      const kind = typeof value === 'string' ? HoleKind.String : Number.isSafeInteger(value) ? HoleKind.Integer : undefined;
      if (kind === undefined || !addHole(path, kind, value)) return undefined;
    }
    holes.sort((a, b) => a.at - b.at);
    const fixed: string[] = [];
    let from = 0;
    for (const hole of holes) {
      if (hole.at < from) return undefined;
      fixed.push(data.slice(from, hole.at));
      from = hole.end;
    }
    fixed.push(data.slice(from));
    // The probe: the same text with other values in the holes must parse to those values at those
    // paths, which proves each hole is exactly the value token it stands for.
    const probes = holes.map((hole, i) => (hole.kind === HoleKind.Integer ? 900_000_001 + i : `\u0000probe${i}`));
    let probed: unknown;
    try {
      probed = JSON.parse(fixed.map((part, i) => (i < holes.length ? part + JSON.stringify(probes[i]) : part)).join(''));
    } catch {
      return undefined;
    }
    if (!isRecord(probed) || holes.some((hole, i) => valueAt(probed, hole.path) !== probes[i])) return undefined;
    return new DeltaShape(fixed, holes.map((h) => h.kind), delta.apply);
  }

  /** The text when `data` is this shape with other hole values, all valid JSON; otherwise undefined. */
  match(data: string): string | undefined {
    const fixed = this.fixed;
    let text: string | undefined;
    let pos = 0;
    for (let i = 0; i < this.kinds.length; i++) {
      const part = fixed[i]!;
      // Not startsWith: V8 compares a non-constant prefix char by char, ~10x slower than this.
      if (data.substring(pos, pos + part.length) !== part) return undefined;
      pos += part.length;
      if (this.kinds[i] === HoleKind.Integer) {
        const end = integerEnd(data, pos);
        if (end === -1) return undefined;
        pos = end;
        continue;
      }
      const end = stringLiteralEnd(data, pos);
      if (end === -1) return undefined;
      const value = decodeStringLiteral(data, pos, end);
      if (value === undefined) return undefined;
      if (this.kinds[i] === HoleKind.Text) text = value;
      pos = end;
    }
    const last = fixed[fixed.length - 1]!;
    if (data.length !== pos + last.length || data.substring(pos) !== last) return undefined;
    return text;
  }
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[key];
    } else {
      if (!isRecord(at) || !Object.hasOwn(at, key)) return undefined;
      at = at[key];
    }
  }
  return at;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** Index just past the JSON string literal starting at `pos`, or -1 when there is none. */
function stringLiteralEnd(data: string, pos: number): number {
  if (data.charCodeAt(pos) !== QUOTE) return -1;
  let search = pos + 1;
  for (;;) {
    const quote = data.indexOf('"', search);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (data.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    search = quote + 1;
  }
}

/** JSON forbids raw control characters inside strings; JSON.parse would have rejected the event. */
const CONTROL = /[\u0000-\u001f]/;

function decodeStringLiteral(data: string, start: number, end: number): string | undefined {
  const inner = data.slice(start + 1, end - 1);
  if (inner.indexOf('\\') === -1) return CONTROL.test(inner) ? undefined : inner;
  try {
    const value: unknown = JSON.parse(data.slice(start, end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Index just past a JSON integer (optional minus, no leading zeros) at `pos`, or -1. */
function integerEnd(data: string, pos: number): number {
  let i = pos;
  if (data.charCodeAt(i) === 45) i++;
  const first = data.charCodeAt(i);
  if (first < 48 || first > 57) return -1;
  i++;
  if (first !== 48) {
    while (i < data.length) {
      const c = data.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
  }
  // A fraction or exponent would make it another number; leave that to JSON.parse.
  const next = data.charCodeAt(i);
  if (next === 46 || next === 101 || next === 69 || (next >= 48 && next <= 57)) return -1;
  return i;
}
