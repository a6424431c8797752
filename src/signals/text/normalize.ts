/**
 * One canonical form of a prompt for every signal: the same words whatever tricks hide them
 * (fullwidth letters, zero-width joiners, Cyrillic look-alikes, odd spacing), in bounded time.
 */

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
  const out = new Uint16Array(Math.min(text.length, maxChars));
  const counts = { latin: 0, lookalikeScript: 0 };
  const length = collapse(text, out, counts, keepCase);
  if (!ascii) foldLookalikes(out, length, counts.latin >= counts.lookalikeScript);
  const result = fromCodes(out, length);
  return ascii || keepCase ? result : cutAt(result.toLowerCase(), maxChars);
}

/** `s` cut to at most `max` code units, never ending in the first half of a surrogate pair. */
export function cutAt(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return '';
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
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
