/**
 * One canonical form of a prompt for every signal: the same words whatever tricks hide them
 * (fullwidth letters, zero-width joiners, Cyrillic look-alikes, odd spacing), in bounded time.
 */
import { rawUnits } from './code-units.ts';

/**
 * Normalizes `s` for matching: cuts it to `maxChars` first (NFKC on a megabyte is slow), then NFKC,
 * drops zero-width / format / bidi controls, folds Cyrillic and Greek look-alikes into Latin,
 * lower-cases and collapses whitespace. Lone surrogates become U+FFFD. The result has at most
 * `maxChars` code units (NFKC may expand, so the output is cut again).
 *
 * Whitespace keeps a little structure because templates and code are structural: runs of spaces
 * become one space, runs of line breaks become one "\n", and a line indented by 4+ columns keeps
 * one leading space ("\n x = 1") so that indented code stays recognisable.
 *
 * With `keepCase` the letters keep their case (the template fingerprint reads capitals as names);
 * `normalizeText(s, n, true).toLowerCase()` equals `normalizeText(s, n)` up to the final cut.
 *
 * @example normalizeText('Ｉｇｎ\u200Bоrе  ALL', 100) // 'ignore all' (fullwidth, zero-width, Cyrillic о/е)
 */
export function normalizeText(s: string, maxChars: number, keepCase = false): string {
  if (maxChars <= 0 || s.length === 0) return '';
  let text = cutAt(s, maxChars);
  const ascii = isAscii(text);
  if (!ascii) text = text.normalize('NFKC');
  // The common case (no look-alike letter, NFKC did not grow the text past the cap) copies unchanged runs
  // as slices; the code-unit buffer below is the general path and the reference for what this computes.
  if (text.length <= maxChars) {
    const fast = collapseRuns(text);
    if (fast !== undefined) {
      if (keepCase) return fast;
      return ascii ? fast.toLowerCase() : cutAt(fast.toLowerCase(), maxChars);
    }
  }
  const out = new Uint16Array(Math.min(text.length, maxChars));
  const counts = { latin: 0, lookalikeScript: 0 };
  const length = collapse(text, out, counts, keepCase);
  if (!ascii) foldLookalikes(out, length, counts.latin >= counts.lookalikeScript);
  const result = fromCodes(out, length);
  return ascii || keepCase ? result : cutAt(result.toLowerCase(), maxChars);
}

/**
 * The last lower-cased user view requestText made. The classifier and the language detector lower-case what
 * they read, and lower-casing a text that already is lower case still costs a copy (0.3 µs per KB of ASCII,
 * 1.5 µs of other text); lower-casing is idempotent and maps code point by code point (the one context rule,
 * final sigma, applies to a capital sigma, which a lower-cased text has none of), so this text and every
 * prefix of it are their own lower case.
 */
let knownLowerCase: string | undefined;

/** Records `s` (the result of toLowerCase) as known to be lower case; returns it. */
export function markLowerCase(s: string): string {
  knownLowerCase = s;
  return s;
}

/** Whether `s` is the text markLowerCase recorded last (then s.toLowerCase() === s, and so for its prefixes). */
export function isKnownLowerCase(s: string): boolean {
  return s === knownLowerCase;
}

/** `s` cut to at most `max` code units, never ending in the first half of a surrogate pair. */
export function cutAt(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return '';
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const NON_ASCII = /[^\x00-\x7f]/;

function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

interface ScriptCounts {
  latin: number;
  lookalikeScript: number;
}

/**
 * Copies `text` into `out` without format characters, with ASCII lower-cased and whitespace
 * collapsed; counts Latin versus Cyrillic/Greek letters for the look-alike decision.
 */
function collapse(text: string, out: Uint16Array, counts: ScriptCounts, keepCase: boolean): number {
  let n = 0;
  let pendingSpace = false;
  let pendingNewline = false;
  let atLineStart = true;
  let indent = 0;
  const cap = out.length;
  for (let i = 0; i < text.length && n < cap; i++) {
    let c = text.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && isSpecial(c))) {
      if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) {
        pendingNewline = true;
        pendingSpace = false;
        atLineStart = true;
        indent = 0;
        continue;
      }
      if (isSpace(c)) {
        if (atLineStart) indent += c === 0x09 ? 4 : 1;
        else pendingSpace = true;
        continue;
      }
      if (isFormat(c) || c < 0x20 || c === 0x7f) continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // Tag characters (U+E0000..U+E007F) are invisible; they smuggle ASCII and are decoded elsewhere.
        if (c === 0xdb40 && next <= 0xdc7f) { i++; continue; }
        if (n + 2 > cap) break;
        n = emitSeparator(out, n, pendingNewline, pendingSpace, indent);
        out[n++] = c;
        out[n++] = next;
        i++;
        pendingNewline = pendingSpace = atLineStart = false;
        indent = 0;
        continue;
      }
      c = 0xfffd;
    }
    if (c >= 0x41 && c <= 0x5a) { if (!keepCase) c += 32; counts.latin++; }
    else if (c >= 0x61 && c <= 0x7a) counts.latin++;
    else if (c >= 0x370 && c <= 0x52f) counts.lookalikeScript++;
    n = emitSeparator(out, n, pendingNewline, pendingSpace, indent);
    if (n >= cap) break;
    out[n++] = c;
    pendingNewline = pendingSpace = atLineStart = false;
    indent = 0;
  }
  return n;
}

/**
 * What a character does to the output of collapse: kept, line break, space or dropped. A const enum, as Kind
 * below: the bundle writes its members as literals, where a module-level const is a module variable that V8
 * reloads and checks at every use in a loop.
 */
const enum Role {
  KEEP = 0,
  BREAK = 1,
  SPACE = 2,
  DROP = 3,
}

/** The collapse role of a code unit other than a printable ASCII character; tag pairs are handled by the caller. */
function roleOf(c: number): number {
  if (c <= 0x20) {
    if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) return Role.BREAK;
    return c === 0x20 || c === 0x09 ? Role.SPACE : Role.DROP;
  }
  if (c < 0x80) return Role.KEEP; // DEL is kept, as collapse keeps it
  if (c === 0x85) return Role.BREAK;
  if (isSpace(c)) return Role.SPACE;
  return c === 0xad || isFormat(c) ? Role.DROP : Role.KEEP;
}

/**
 * What collapseRuns makes of a character: kept as is, a space or line break that stays when single, another
 * separator or a dropped character, a surrogate, a look-alike letter. skipKept reads the numbers: SINGLE is 1,
 * and the kinds from SEPARATOR on have bit 1 or 2 set.
 */
const enum Kind {
  KEEP = 0,
  SINGLE = 1,
  SEPARATOR = 2,
  SURROGATE = 3,
  LOOKALIKE = 4,
}
function kindOf(c: number): number {
  if (c < 128) return c === 0x20 || c === 0x0a ? Kind.SINGLE : roleOf(c) === Role.KEEP ? Kind.KEEP : Kind.SEPARATOR;
  if (c >= 0xd800 && c <= 0xdfff) return Kind.SURROGATE;
  if (c >= LOOKALIKE_MIN && c <= LOOKALIKE_MAX && LOOKALIKES.has(c)) return Kind.LOOKALIKE;
  return roleOf(c) === Role.KEEP ? Kind.KEEP : Kind.SEPARATOR;
}

/** kindOf of every code unit, built on first use: one load per character instead of a chain of range tests. */
let unitKinds: Uint8Array | undefined;

function kindTable(): Uint8Array {
  if (unitKinds === undefined) {
    unitKinds = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) unitKinds[c] = kindOf(c);
  }
  return unitKinds;
}

/**
 * The first index at or after `from` where collapseRuns has work to do: a character other than a kept one,
 * or a space or line break right after another (or after `previous`, the kind before `from`). A single space
 * or line break between kept characters is left in place without a branch on it, so word boundaries cost no
 * mispredictions. Kept apart from collapseRuns so that this loop compiles to a few registers.
 */
function skipKept(units: Uint16Array, len: number, from: number, previous: number, kinds: Uint8Array): number {
  let before = previous;
  for (let i = from; i < len; i++) {
    const kind = kinds[units[i]!]!;
    if (((kind >> 1) | (kind & before)) !== 0) return i;
    before = kind;
  }
  return len;
}

/** Whether the code unit is a space or a line feed (a KIND_SINGLE character). */
function isSingle(c: number): boolean {
  return c === 0x20 || c === 0x0a;
}

/**
 * collapse without the code-unit buffer and without case changes: unchanged stretches of `text` are copied
 * as slices, each run of separators becomes what collapse would emit for it. Requires that the output cannot
 * reach the cap (text.length <= maxChars: collapse never lengthens). Returns undefined when `text` holds a
 * look-alike letter, whose folding needs the general path.
 */
function collapseRuns(text: string): string | undefined {
  const len = text.length;
  const units = rawUnits.load(text);
  const kinds = kindTable();
  let out = '';
  let copied = 0; // text[copied, i) is still to be copied unchanged
  let previous = Kind.SINGLE; // as if a separator preceded the text: a leading space or newline goes
  let from = 0;
  for (;;) {
    const i = skipKept(units, len, from, previous, kinds);
    // The kind of the character before i as skipKept judged it: a space or line break left in place, or not.
    const single = i > from ? isSingle(text.charCodeAt(i - 1)) : previous === Kind.SINGLE;
    if (i >= len) {
      // A single space or line break at the very end was left in place: it goes.
      const end = single && len > 0 ? len - 1 : len;
      return copied === 0 && end === len ? text : out + text.slice(copied, end);
    }
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        if (c !== 0xdb40 || next > 0xdc7f) { from = i + 2; previous = Kind.KEEP; continue; }
        // A tag character is dropped like a format character: handled with the separators below.
      } else {
        out += text.slice(copied, i) + '\ufffd';
        copied = from = i + 1;
        previous = Kind.KEEP;
        continue;
      }
    } else if (kinds[c] === Kind.LOOKALIKE) {
      return undefined;
    }
    // A run of separators and dropped characters, [start, j): one separator at most comes out of it. It starts
    // one back when a single space or line break came just before (left in place by skipKept).
    const start = single && i > 0 ? i - 1 : i;
    let j = start;
    let newline = false;
    let space = false;
    let atLineStart = start === 0;
    let indent = 0;
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d === 0xdb40) {
        const low = j + 1 < len ? text.charCodeAt(j + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdc7f) { j += 2; continue; }
        break;
      }
      const role = d > 0x20 && d < 0x80 ? Role.KEEP : roleOf(d);
      if (role === Role.KEEP) break;
      if (role === Role.BREAK) {
        newline = true;
        space = false;
        atLineStart = true;
        indent = 0;
      } else if (role === Role.SPACE) {
        if (atLineStart) indent += d === 0x09 ? 4 : 1;
        else space = true;
      }
      j++;
    }
    // Nothing is emitted before the first kept character or after the last one.
    const separator = start === 0 || j >= len ? '' : newline ? (indent >= 4 ? '\n ' : '\n') : space ? ' ' : '';
    if (!(j - start === 1 && separator.length === 1 && text.charCodeAt(start) === separator.charCodeAt(0))) {
      out += text.slice(copied, start) + separator;
      copied = j;
    }
    previous = Kind.KEEP;
    from = j;
  }
}

function emitSeparator(out: Uint16Array, n: number, newline: boolean, space: boolean, indent: number): number {
  if (n === 0 || n >= out.length) return n;
  if (newline) {
    out[n++] = 0x0a;
    if (indent >= 4 && n < out.length) out[n++] = 0x20;
  } else if (space) {
    out[n++] = 0x20;
  }
  return n;
}

/** Whitespace or format characters above ASCII: one range test keeps the common path short. */
function isSpecial(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0xad || isSpace(c) || isFormat(c);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Zero-width, soft hyphen, bidi controls, variation selectors, fillers: invisible, used to split words. */
function isFormat(c: number): boolean {
  return c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 || c === 0x17b4 || c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || c === 0x3164 ||
    c === 0xffa0 || (c >= 0xfff9 && c <= 0xfffb);
}

/** Cyrillic, Greek and a few other letters that render like a Latin letter, upper and lower case. */
const LOOKALIKES: ReadonlyMap<number, number> = buildLookalikes({
  a: 'АаΑαɑ', b: 'ВΒЬ', c: 'СсϹϲ', d: 'ԁ', e: 'ЕеЁёΕε', g: 'ɡ', h: 'НһҺΗ', i: 'ІіЇїΙιı', j: 'Јјϳ',
  k: 'КкΚκ', m: 'МΜ', n: 'Ν', o: 'ОоΟοօ', p: 'РрΡρ', q: 'ԛ', s: 'Ѕѕ', t: 'ТΤτ', u: 'υս', v: 'ν',
  w: 'ԝ', x: 'ХхΧχ', y: 'Уу', z: 'Ζ',
});

const LOOKALIKE_MIN = Math.min(...LOOKALIKES.keys());
const LOOKALIKE_MAX = Math.max(...LOOKALIKES.keys());

function buildLookalikes(table: Record<string, string>): Map<number, number> {
  const map = new Map<number, number>();
  for (const [latin, glyphs] of Object.entries(table)) {
    for (let i = 0; i < glyphs.length; i++) map.set(glyphs.charCodeAt(i), latin.charCodeAt(0));
  }
  return map;
}

/**
 * Folds look-alikes in place. In mostly-Latin text every look-alike is folded; in Russian or Greek
 * text only words that also hold ASCII letters are ("pаypal" with a Cyrillic а), so real Cyrillic
 * and Greek words keep their letters for language detection.
 */
function foldLookalikes(out: Uint16Array, length: number, latinText: boolean): void {
  if (latinText) {
    for (let i = 0; i < length; i++) {
      const c = out[i] ?? 0;
      if (c >= 0x131) { const latin = LOOKALIKES.get(c); if (latin !== undefined) out[i] = latin; }
    }
    return;
  }
  let start = 0;
  while (start < length) {
    let end = start;
    let hasAscii = false;
    while (end < length && (out[end] ?? 0) > 0x20) {
      const c = out[end] ?? 0;
      if (c >= 0x61 && c <= 0x7a) hasAscii = true;
      end++;
    }
    if (hasAscii) {
      for (let i = start; i < end; i++) {
        const latin = LOOKALIKES.get(out[i] ?? 0);
        if (latin !== undefined) out[i] = latin;
      }
    }
    start = end + 1;
  }
}

/** Builds a string from code units in chunks, so that huge buffers do not overflow the call stack. */
export function fromCodes(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  let s = '';
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]);
  }
  return s;
}
