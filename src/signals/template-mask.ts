/**
 * The masked token stream a template fingerprint is built from: one pass over normalized text that
 * turns fillers (numbers, ids, quoted spans, code, URLs, emails, names) into placeholder tokens and
 * every other word or punctuation run into a 32-bit hash. No regex, no per-token strings.
 */
import type { CodeUnits } from './text/code-units.ts';
import { hashString } from './text/hash.ts';
import { userCasedWords } from './word-spans.ts';

/**
 * The tokenizer's numeric constants, as const enums so that the bundle writes them as literals: a module-level
 * const is a module variable there, which V8 reloads and checks at every use in the tokenizer's loops (and unboxes,
 * for a number above 2^31 like FNV_OFFSET).
 */
const enum Mask {
  TOKEN_WORD = 0,
  TOKEN_PUNCT = 1,
  TOKEN_PLACEHOLDER = 2,
  /** Tokens read per text: 16 KB of normalized text is about 4,000 tokens. */
  MAX_TOKENS = 4096,
  /** Evidence kept from the masked text. */
  SKELETON_CHARS = 512,
  /** A quoted span longer than this is more likely a stray quote than a quoted filler. */
  MAX_QUOTE_CHARS = 2000,
  /** Inline `code` longer than this is a stray backtick. */
  MAX_INLINE_CODE_CHARS = 300,
  /** A token with digits this long or longer is an id (order number, hash, uuid part), not a quantity. */
  ID_MIN_CHARS = 8,
  FNV_OFFSET = 0x811c9dc5,
  FNV_PRIME = 0x01000193,
  /** closerAt: not looked up yet. */
  NOT_LOOKED_UP = -2,
}

/** Placeholder kinds: the name written into the skeleton and the token hash of each. */
const enum P {
  NUM = 0,
  ID = 1,
  QUOTE = 2,
  CODE = 3,
  URL = 4,
  EMAIL = 5,
  NAME = 6,
}
const PLACEHOLDER_NAMES = ['num', 'id', 'quote', 'code', 'url', 'email', 'name'] as const;
const PLACEHOLDER_HASHES: readonly number[] = PLACEHOLDER_NAMES.map((name) => hashString(`<${name}>`));

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
    hashes: new Uint32Array(Mask.MAX_TOKENS),
    kinds: new Uint8Array(Mask.MAX_TOKENS),
    contentBefore: new Int32Array(Mask.MAX_TOKENS + 1),
    length: 0,
    skeleton: '',
  };
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) &&
      !(c >= 0xff00 && c <= 0xff0f) && c !== 0xfffd);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Per ASCII character: the code a word hashes it as (lower-cased), 0 when it is not a word character. */
const WORD_CODE = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isWordChar(c)) table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  return table;
})();

/** What starts a token, per ASCII character: the branch of maskTokens that reads it. */
const enum T {
  SPACE = 0,
  NEWLINE = 1,
  BACKTICK = 2,
  QUOTE = 3,
  URL_OR_WORD = 4,
  DIGIT = 5,
  NUMBER_SIGN = 6,
  WORD = 7,
  PUNCT = 8,
  /** Not in the table: what URL_OR_WORD turns out to be when a URL starts there. */
  URL = 9,
}
const TOKEN_START = (() => {
  const table = new Uint8Array(128).fill(T.PUNCT);
  for (let c = 0; c < 128; c++) if (isWordChar(c)) table[c] = isDigit(c) ? T.DIGIT : T.WORD;
  for (const ch of 'hHwW') table[ch.charCodeAt(0)] = T.URL_OR_WORD;
  for (const ch of '$.-') table[ch.charCodeAt(0)] = T.NUMBER_SIGN;
  table[0x20] = T.SPACE;
  table[0x0a] = T.NEWLINE;
  table[0x60] = T.BACKTICK;
  table[0x22] = T.QUOTE;
  return table;
})();

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

/** Slot of a closer in the per-call cache of closer positions. */
function closerSlot(closer: number): number {
  switch (closer) {
    case 0x22: return 0;
    case 0x201d: return 1;
    case 0x201c: return 2;
    case 0xbb: return 3;
    default: return 4;
  }
}

/** Position of the next closer per quote kind (-1: none), cached so that many openers cost one scan; -2: not looked up. */
const closerAt = new Int32Array(5);

function findCloser(text: string, closer: number, from: number): number {
  const slot = closerSlot(closer);
  const cached = closerAt[slot] ?? Mask.NOT_LOOKED_UP;
  if (cached !== Mask.NOT_LOOKED_UP && (cached >= from || cached === -1)) return cached;
  const at = text.indexOf(String.fromCharCode(closer), from);
  closerAt[slot] = at;
  return at;
}

/**
 * The skeleton of the current maskTokens call: the text with fillers replaced by their tags, built from slices of
 * the text only as far as SKELETON_CHARS (what is kept), so a filler costs no string of its own.
 */
const PLACEHOLDER_TAGS: readonly string[] = PLACEHOLDER_NAMES.map((name) => `<${name}>`);
let skeletonText = '';
let skeleton = '';
/** Text consumed into the skeleton so far. */
let skeletonEnd = 0;

/** Appends text[from, to) to the skeleton, no further than SKELETON_CHARS. */
function copyToSkeleton(from: number, to: number): void {
  const room = Mask.SKELETON_CHARS - skeleton.length;
  if (room > 0 && to > from) skeleton += skeletonText.slice(from, to - from > room ? from + room : to);
}

function addToSkeleton(kind: number, start: number, end: number): void {
  if (skeleton.length >= Mask.SKELETON_CHARS) return;
  copyToSkeleton(skeletonEnd, start);
  skeleton += PLACEHOLDER_TAGS[kind] ?? '';
  skeletonEnd = end;
}

/** Writes token n; returns the count of word tokens among tokens [0, n + 1). */
function put(out: TokenStream, n: number, hash: number, kind: number, content: number): number {
  const total = kind === Mask.TOKEN_WORD ? content + 1 : content;
  out.hashes[n] = hash;
  out.kinds[n] = kind;
  out.contentBefore[n + 1] = total;
  return total;
}

/**
 * Tokenizes and masks `text` (normalized; with its case when `cased`, so that a capitalised word
 * mid-sentence can be read as a name) into `out`, reading its code units through `codeUnits`.
 */
export function maskTokens(text: string, cased: boolean, out: TokenStream, codeUnits: CodeUnits): void {
  const len = text.length;
  const units = codeUnits.load(text);
  let n = 0;
  let content = 0;
  let sentenceStart = true;
  skeletonText = text;
  skeleton = '';
  skeletonEnd = 0;
  closerAt.fill(Mask.NOT_LOOKED_UP);
  // The capability scan of this text already read its plain words: those are taken from it (see wordAt).
  spanCount = text === userCasedWords.text ? userCasedWords.count : 0;
  nextSpan = 0;

  out.contentBefore[0] = 0;
  let i = 0;
  while (i < len && n < Mask.MAX_TOKENS) {
    const c = units[i]!;
    let start = c < 128 ? TOKEN_START[c] ?? T.PUNCT : c === 0x201c || c === 0x201e || c === 0xab || c === 0x300c ? T.QUOTE
      : c === 0x20ac || c === 0xa3 || c === 0xa5 ? T.NUMBER_SIGN : isWordChar(c) ? T.WORD : T.PUNCT;
    if (start === T.SPACE) { i++; continue; }
    // Words first (most tokens are words); a word starting with h or w may be a URL.
    if (start === T.URL_OR_WORD) start = startsUrl(units, i) ? T.URL : T.WORD;
    if (start === T.WORD) {
      const from = i;
      const end = wordAt(units, len, i);
      i = end;
      if (units[i]! === 0x40 && isWordChar(units[i + 1]!)) {
        while (i < len && (isWordChar(units[i]!) || units[i]! === 0x40 || units[i]! === 0x2e || units[i]! === 0x2d)) i++;
        if (units[i - 1]! === 0x2e) i--;
        content = put(out, n++, PLACEHOLDER_HASHES[P.EMAIL] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.EMAIL, from, i);
        sentenceStart = false;
        continue;
      }
      const size = end - from;
      if (wordDigits > 0 && size >= Mask.ID_MIN_CHARS) {
        content = put(out, n++, PLACEHOLDER_HASHES[P.ID] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.ID, from, end);
        sentenceStart = false;
        continue;
      }
      if (cased && !sentenceStart && size >= 2 && isCapitalised(units, from, end)) {
        content = put(out, n++, PLACEHOLDER_HASHES[P.NAME] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.NAME, from, end);
        sentenceStart = false;
        continue;
      }
      content = put(out, n++, finishWord(wordHash ^ size), Mask.TOKEN_WORD, content);
      sentenceStart = false;
      continue;
    }
    if (start === T.NEWLINE) {
      sentenceStart = true;
      if (units[i + 1]! === 0x20) {
        // "\n " marks a line indented by 4+ columns (see normalizeText): indented code, one token per block.
        const from = i + 1;
        while (i < len && units[i]! === 0x0a && units[i + 1]! === 0x20) {
          const next = text.indexOf('\n', i + 1);
          i = next === -1 ? len : next;
        }
        content = put(out, n++, PLACEHOLDER_HASHES[P.CODE] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.CODE, from, i);
        continue;
      }
      i++;
      continue;
    }
    if (start === T.BACKTICK) {
      if (text.startsWith('```', i)) {
        const close = text.indexOf('```', i + 3);
        const end = close === -1 ? len : close + 3;
        content = put(out, n++, PLACEHOLDER_HASHES[P.CODE] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.CODE, i, end);
        sentenceStart = false;
        i = end;
        continue;
      }
      const close = text.indexOf('`', i + 1);
      if (close !== -1 && close - i <= Mask.MAX_INLINE_CODE_CHARS) {
        content = put(out, n++, PLACEHOLDER_HASHES[P.CODE] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.CODE, i, close + 1);
        sentenceStart = false;
        i = close + 1;
        continue;
      }
      start = T.PUNCT;
    }
    if (start === T.QUOTE) {
      const closer = closingQuote(c);
      const close = findCloser(text, closer, i + 1);
      if (close !== -1 && close - i <= Mask.MAX_QUOTE_CHARS) {
        content = put(out, n++, PLACEHOLDER_HASHES[P.QUOTE] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
        addToSkeleton(P.QUOTE, i, close + 1);
        sentenceStart = false;
        i = close + 1;
        if (closer === 0x22) closerAt[0] = Mask.NOT_LOOKED_UP; // the closer was used; the next '"' opens
        continue;
      }
      start = T.PUNCT;
    }
    if (start === T.URL) {
      let end = i;
      while (end < len && units[end]! > 0x20) end++;
      content = put(out, n++, PLACEHOLDER_HASHES[P.URL] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
      addToSkeleton(P.URL, i, end);
      sentenceStart = false;
      i = end;
      continue;
    }
    if (start === T.DIGIT || (start === T.NUMBER_SIGN && isDigit(units[i + 1]!))) {
      // A number with its decimal point, separators, fraction bar, unit or currency sign: "$1,299.50", "3/4", "12kg".
      let end = i + 1;
      let size = 1;
      while (end < len) {
        const d = units[end]!;
        if (isWordChar(d)) { end++; size++; continue; }
        if ((d === 0x2e || d === 0x2c || d === 0x2f || d === 0x3a || d === 0x2d) && isDigit(units[end + 1]!)) { end++; continue; }
        break;
      }
      if (units[end]! === 0x25) end++; // %
      const kind = size >= Mask.ID_MIN_CHARS ? P.ID : P.NUM;
      content = put(out, n++, PLACEHOLDER_HASHES[kind] ?? 0, Mask.TOKEN_PLACEHOLDER, content);
      addToSkeleton(kind, i, end);
      sentenceStart = false;
      i = end;
      continue;
    }
    // Punctuation: a run of one character ("...", "###", "---") is one token.
    let end = i + 1;
    while (end < len && units[end]! === c) end++;
    content = put(out, n++, finishWord(Math.imul(c, 0x9e3779b1) ^ 0x7f4a7c15), Mask.TOKEN_PUNCT, content);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff1f || c === 0xff01) sentenceStart = true;
    i = end;
  }
  copyToSkeleton(skeletonEnd, i);
  out.length = n;
  const kept = skeleton.length > Mask.SKELETON_CHARS ? skeleton.slice(0, Mask.SKELETON_CHARS) : skeleton;
  out.skeleton = cased ? kept.toLowerCase() : kept;
  skeletonText = '';
  skeleton = '';
}

/** Hash (FNV-1a over the lower-cased code units, before finishWord) and digit count of the word wordAt read last. */
let wordHash = 0;
let wordDigits = 0;
/** The plain words of the text being masked (userCasedWords, when it holds them, else none) and the next unread. */
let spanCount = 0;
let nextSpan = 0;

/**
 * The word that starts at `i` (a word character), as wordEnd: taken from the plain word the capability scan
 * recorded there, when there is one and no apostrophe carries the word on ("don't": the scan's word is "don").
 */
function wordAt(units: Uint16Array, len: number, i: number): number {
  const { starts, ends } = userCasedWords;
  let k = nextSpan;
  while (k < spanCount && starts[k]! < i) k++;
  nextSpan = k;
  if (k < spanCount && starts[k] === i) {
    const end = ends[k]!;
    if (units[end] !== 0x27) {
      wordHash = userCasedWords.hashes[k]!;
      wordDigits = userCasedWords.digits[k]!;
      return end;
    }
  }
  return wordEnd(units, len, i);
}

/**
 * Reads the word that starts at `i` (a word character): returns where it ends and leaves its hash and digit
 * count in wordHash and wordDigits. An apostrophe inside a word ("don't") belongs to it.
 */
function wordEnd(units: Uint16Array, len: number, i: number): number {
  let h = Mask.FNV_OFFSET;
  let digits = 0;
  for (; i < len; i++) {
    let d = units[i]!;
    if (d < 128) {
      const code = WORD_CODE[d] ?? 0;
      if (code === 0) {
        if (d !== 0x27 || !apostropheInWord(units, len, i)) break;
      } else {
        digits += (code - 0x30) >>> 0 < 10 ? 1 : 0;
        d = code;
      }
    } else if (!isWordChar(d)) {
      if (d !== 0x2019 || !apostropheInWord(units, len, i)) break;
      d = 0x27;
    }
    h = Math.imul(h ^ d, Mask.FNV_PRIME);
  }
  wordHash = h;
  wordDigits = digits;
  return i;
}

/** An apostrophe at `i` continues a word when a word character other than a digit follows. */
function apostropheInWord(units: Uint16Array, len: number, i: number): boolean {
  if (i + 1 >= len) return false;
  const next = units[i + 1]!;
  return isWordChar(next) && !isDigit(next);
}

/** The murmur3 finalizer, local: the per-token hot loop should make no cross-module call. */
function finishWord(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** "http://", "https://" or "www." in any case at `i`, not inside a word. */
function startsUrl(units: Uint16Array, i: number): boolean {
  const prev = i > 0 ? units[i - 1]! : 0x20;
  if (isWordChar(prev)) return false;
  // Compared character by character, ASCII letters in either case: what lower-casing an 8-character slice
  // and comparing would find (no character above ASCII lower-cases into these).
  const first = units[i]! | 0x20;
  if (first === 0x77) return (units[i + 1]! | 0x20) === 0x77 && (units[i + 2]! | 0x20) === 0x77 && units[i + 3]! === 0x2e;
  if ((units[i + 1]! | 0x20) !== 0x74 || (units[i + 2]! | 0x20) !== 0x74 || (units[i + 3]! | 0x20) !== 0x70) return false;
  const at = (units[i + 4]! | 0x20) === 0x73 ? i + 5 : i + 4;
  return units[at]! === 0x3a && units[at + 1]! === 0x2f && units[at + 2]! === 0x2f;
}

/** "Natalia", "McDonald" but not "I", "NASA" or "iPhone": a name, mid-sentence, is a filler. */
function isCapitalised(units: Uint16Array, start: number, end: number): boolean {
  const first = units[start]!;
  if (!(first >= 0x41 && first <= 0x5a)) return false;
  const second = units[start + 1]!;
  return second >= 0x61 && second <= 0x7a && end - start >= 2;
}
