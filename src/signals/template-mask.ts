/**
 * The masked token stream a template fingerprint is built from: one pass over normalized text that
 * turns fillers (numbers, ids, quoted spans, code, URLs, emails, names) into placeholder tokens and
 * every other word or punctuation run into a 32-bit hash. No regex, no per-token strings.
 */
import { hashString } from './text/hash.ts';

export const TOKEN_WORD = 0;
export const TOKEN_PUNCT = 1;
export const TOKEN_PLACEHOLDER = 2;

/** Tokens read per text: 16 KB of normalized text is about 4,000 tokens. */
export const MAX_TOKENS = 4096;
/** Evidence kept from the masked text. */
export const SKELETON_CHARS = 512;
/** A quoted span longer than this is more likely a stray quote than a quoted filler. */
const MAX_QUOTE_CHARS = 2000;
/** Inline `code` longer than this is a stray backtick. */
const MAX_INLINE_CODE_CHARS = 300;
/** A token with digits this long or longer is an id (order number, hash, uuid part), not a quantity. */
const ID_MIN_CHARS = 8;

const PLACEHOLDERS = {
  num: hashString('<num>'),
  id: hashString('<id>'),
  quote: hashString('<quote>'),
  code: hashString('<code>'),
  url: hashString('<url>'),
  email: hashString('<email>'),
  name: hashString('<name>'),
} as const;
type Placeholder = keyof typeof PLACEHOLDERS;

/** Reusable buffers: signals are synchronous, so one set per process suffices and nothing is allocated per call. */
export interface TokenStream {
  hashes: Uint32Array;
  kinds: Uint8Array;
  /** contentBefore[i] = word tokens (not placeholders, not punctuation) among tokens [0, i). */
  contentBefore: Int32Array;
  length: number;
  /** The masked text, lower-cased and cut to SKELETON_CHARS. */
  skeleton: string;
}

export function newTokenStream(): TokenStream {
  return {
    hashes: new Uint32Array(MAX_TOKENS),
    kinds: new Uint8Array(MAX_TOKENS),
    contentBefore: new Int32Array(MAX_TOKENS + 1),
    length: 0,
    skeleton: '',
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) &&
      !(c >= 0xff00 && c <= 0xff0f) && c !== 0xfffd);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Closing quote for an opening one, or 0 when `c` does not open a quote. */
function closingQuote(c: number): number {
  switch (c) {
    case 0x22: return 0x22;     // "..."
    case 0x201c: return 0x201d; // “...”
    case 0x201e: return 0x201c; // „...“
    case 0xab: return 0xbb;     // «...»
    case 0x300c: return 0x300d; // 「...」
    default: return 0;
  }
}

/**
 * Tokenizes and masks `text` (normalized; with its case when `cased`, so that a capitalised word
 * mid-sentence can be read as a name) into `out`.
 */
export function maskTokens(text: string, cased: boolean, out: TokenStream): void {
  const { hashes, kinds, contentBefore } = out;
  const len = text.length;
  let n = 0;
  let sentenceStart = true;
  let skeleton = '';
  let skeletonEnd = 0; // text consumed into the skeleton so far
  let skeletonFull = false;
  // Position of the next closer per quote kind, cached so that many openers cost one scan.
  const closerAt = new Map<number, number>();

  const emit = (hash: number, kind: number): void => {
    hashes[n] = hash;
    kinds[n] = kind;
    contentBefore[n + 1] = (contentBefore[n] ?? 0) + (kind === TOKEN_WORD ? 1 : 0);
    n++;
  };
  const placeholder = (name: Placeholder, start: number, end: number): void => {
    emit(PLACEHOLDERS[name], TOKEN_PLACEHOLDER);
    sentenceStart = false;
    if (!skeletonFull) {
      skeleton += text.slice(skeletonEnd, start) + '<' + name + '>';
      skeletonEnd = end;
      if (skeleton.length >= SKELETON_CHARS) skeletonFull = true;
    }
  };
  const findCloser = (closer: number, from: number): number => {
    const cached = closerAt.get(closer);
    if (cached !== undefined && (cached >= from || cached === -1)) return cached;
    const at = text.indexOf(String.fromCharCode(closer), from);
    closerAt.set(closer, at);
    return at;
  };

  contentBefore[0] = 0;
  let i = 0;
  while (i < len && n < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (c === 0x20) { i++; continue; }
    if (c === 0x0a) {
      sentenceStart = true;
      if (text.charCodeAt(i + 1) === 0x20) {
        // "\n " marks a line indented by 4+ columns (see normalizeText): indented code, one token per block.
        const start = i + 1;
        while (i < len && text.charCodeAt(i) === 0x0a && text.charCodeAt(i + 1) === 0x20) {
          const next = text.indexOf('\n', i + 1);
          i = next === -1 ? len : next;
        }
        placeholder('code', start, i);
        sentenceStart = true;
        continue;
      }
      i++;
      continue;
    }
    if (c === 0x60) { // backtick
      if (text.startsWith('```', i)) {
        const close = text.indexOf('```', i + 3);
        const end = close === -1 ? len : close + 3;
        placeholder('code', i, end);
        i = end;
        continue;
      }
      const close = text.indexOf('`', i + 1);
      if (close !== -1 && close - i <= MAX_INLINE_CODE_CHARS) {
        placeholder('code', i, close + 1);
        i = close + 1;
        continue;
      }
    }
    const closer = closingQuote(c);
    if (closer !== 0) {
      const close = findCloser(closer, i + 1);
      if (close !== -1 && close - i <= MAX_QUOTE_CHARS) {
        placeholder('quote', i, close + 1);
        i = close + 1;
        if (closer === 0x22) closerAt.delete(0x22); // the closer was used; the next '"' opens
        continue;
      }
    }
    if ((c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57) && startsUrl(text, i)) {
      let end = i;
      while (end < len && text.charCodeAt(end) > 0x20) end++;
      placeholder('url', i, end);
      i = end;
      continue;
    }
    const currency = c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0xa5;
    if (isDigit(c) || ((currency || c === 0x2e || c === 0x2d) && isDigit(text.charCodeAt(i + 1)))) {
      // A number with its decimal point, separators, fraction bar, unit or currency sign: "$1,299.50", "3/4", "12kg".
      let end = i + 1;
      let size = 1;
      while (end < len) {
        const d = text.charCodeAt(end);
        if (isWordChar(d)) { end++; size++; continue; }
        if ((d === 0x2e || d === 0x2c || d === 0x2f || d === 0x3a || d === 0x2d) && isDigit(text.charCodeAt(end + 1))) { end++; continue; }
        break;
      }
      if (text.charCodeAt(end) === 0x25) end++; // %
      placeholder(size >= ID_MIN_CHARS ? 'id' : 'num', i, end);
      i = end;
      continue;
    }
    if (isWordChar(c)) {
      const start = i;
      let h = FNV_OFFSET;
      let digits = 0;
      while (i < len) {
        let d = text.charCodeAt(i);
        if (!isWordChar(d)) {
          // An apostrophe inside a word ("don't") belongs to it.
          if ((d === 0x27 || d === 0x2019) && i + 1 < len && isWordChar(text.charCodeAt(i + 1)) && !isDigit(text.charCodeAt(i + 1))) d = 0x27;
          else break;
        }
        if (d >= 0x41 && d <= 0x5a) d += 32;
        else if (d >= 0x30 && d <= 0x39) digits++;
        h ^= d;
        h = Math.imul(h, FNV_PRIME);
        i++;
      }
      if (text.charCodeAt(i) === 0x40 && isWordChar(text.charCodeAt(i + 1))) {
        while (i < len && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 0x40 || text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0x2d)) i++;
        if (text.charCodeAt(i - 1) === 0x2e) i--;
        placeholder('email', start, i);
        continue;
      }
      const size = i - start;
      if (digits > 0 && size >= ID_MIN_CHARS) { placeholder('id', start, i); continue; }
      if (cased && !sentenceStart && size >= 2 && isCapitalised(text, start, i)) { placeholder('name', start, i); continue; }
      emit(finishWord(h ^ size), TOKEN_WORD);
      sentenceStart = false;
      continue;
    }
    // Punctuation: a run of one character ("...", "###", "---") is one token.
    let end = i + 1;
    while (end < len && text.charCodeAt(end) === c) end++;
    emit(finishWord(Math.imul(c, 0x9e3779b1) ^ 0x7f4a7c15), TOKEN_PUNCT);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff1f || c === 0xff01) sentenceStart = true;
    i = end;
  }
  if (!skeletonFull) skeleton += text.slice(skeletonEnd, i);
  out.length = n;
  out.skeleton = skeleton.length > SKELETON_CHARS ? skeleton.slice(0, SKELETON_CHARS) : skeleton;
  if (cased) out.skeleton = out.skeleton.toLowerCase();
}

/** The murmur3 finalizer, local: the per-token hot loop should make no cross-module call. */
function finishWord(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function startsUrl(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  if (isWordChar(prev)) return false;
  const head = text.slice(i, i + 8).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://') || head.startsWith('www.');
}

/** "Natalia", "McDonald" but not "I", "NASA" or "iPhone": a name, mid-sentence, is a filler. */
function isCapitalised(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (!(first >= 0x41 && first <= 0x5a)) return false;
  const second = text.charCodeAt(start + 1);
  return second >= 0x61 && second <= 0x7a && end - start >= 2;
}
