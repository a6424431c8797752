/**
 * One feature extraction per request, shared by every head: signed feature hashing of word unigrams,
 * word bigrams and character n-grams over the lowercased classifier text, log-scaled counts, L2
 * normalised; plus the dense hand-made features of dense-features.ts, whose statistics are gathered in
 * the same single pass over the characters. Cost is linear in the text, which is capped (head and tail)
 * so a huge prompt costs no more than a 4 KB one.
 */
import { avalanche, FNV_OFFSET, fnvStep } from './hash.ts';
import {
  CHAR_FLAG_BRACKET, CHAR_FLAG_LT, DENSE_FEATURE_COUNT, denseFeatures, emptyStats, F_PERSUASION, LEX_ANCHORS, LEX_HARM, lexicon,
  PAIR_COUNT, prefixKey, PREFIX5_SEED, PREFIX7_SEED, updateNear, wordKey, type PassStats,
} from './dense-features.ts';

/** Text beyond this is cut to its first HEAD_CHARS and last TAIL_CHARS (attacks sit at either end). */
export const MAX_FEATURE_CHARS = 3072;
const HEAD_CHARS = 2048;
const TAIL_CHARS = 1024;
/** Decoded hidden instructions added to the classifier text, at most this much in all. */
const MAX_DECODED_CHARS = 1024;

const SEED_WORD = 0x1b873593;
const SEED_BIGRAM = 0x27d4eb2f;
const SEED_CHAR = 0x165667b1;

export interface FeatureVector {
  /** Bucket of each non-zero hashed feature (unsorted, distinct). */
  indices: Int32Array;
  /** Its signed, log-scaled, L2-normalised value. */
  values: Float32Array;
  /** Number of valid entries in indices/values (they may be longer scratch buffers). */
  size: number;
  /** The dense hand-made features, in DENSE_FEATURE_NAMES order. */
  dense: Float32Array;
}

/** The text the classifier reads: the user text (capped) followed by any decoded hidden instructions. */
export function classifierText(user: string, decoded: readonly string[]): string {
  let text = user.length > MAX_FEATURE_CHARS ? `${user.slice(0, HEAD_CHARS)}\n${user.slice(user.length - TAIL_CHARS)}` : user;
  let budget = MAX_DECODED_CHARS;
  for (const part of decoded) {
    if (budget <= 0) break;
    const piece = part.length > budget ? part.slice(0, budget) : part;
    text += `\n${piece}`;
    budget -= piece.length;
  }
  return text;
}


const GOLDEN = 0x9e3779b1;
const SEED_CHAR4 = 0x5851f42d;

/** sign(c) * log1p(|c|) for counts c in [-LOG_RANGE, LOG_RANGE] (larger counts are clamped), precomputed. */
const LOG_RANGE = 255;
const SIGNED_LOG1P = Float32Array.from({ length: 2 * LOG_RANGE + 1 }, (_, i) => Math.sign(i - LOG_RANGE) * Math.log1p(Math.abs(i - LOG_RANGE)));

/** Reusable accumulators for one bucket count; extraction is synchronous, so one set per size suffices. */
export class Scratch {
  readonly shift: number;
  /** Signed counts per bucket (a 5 KB text cannot overflow 16 bits). */
  readonly counts: Int16Array;
  touched: Int32Array = new Int32Array(0);
  /** The previous word's hash (for bigrams) during a pass. */
  previousWord = 0;
  values: Float32Array = new Float32Array(0);
  size = 0;
  dense: Float32Array = new Float32Array(0);
  /** Word counts among the first 400 words (open addressing on the word hash). */
  readonly tokenKeys = new Uint32Array(1024);
  readonly tokenCounts = new Uint16Array(1024);
  /** Where each two-word pattern's last A word started (see updateNear). */
  readonly lastA = new Int32Array(PAIR_COUNT);

  constructor(bits: number) {
    this.shift = 32 - bits;
    this.counts = new Int16Array(1 << bits);
  }

  reserve(capacity: number): void {
    if (this.touched.length >= capacity) return;
    this.touched = new Int32Array(capacity);
    this.values = new Float32Array(capacity);
  }
}

const scratchByBits = new Map<number, Scratch>();

const KIND_SPACE = 0;
const KIND_VOWEL = 1;
const KIND_CONSONANT = 2;
const KIND_DIGIT = 3;
const KIND_SYMBOL = 4;
const KIND_OTHER_LETTER = 5;
/** Symbols natural text seldom glues to words (brackets, backslash, operators, markup). */
const KIND_RARE_SYMBOL = 6;
/** Character kind of each ASCII code unit (the text is lowercased). */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code === 32 || code === 10 || code === 9 || code === 13) return KIND_SPACE;
  if (code >= 97 && code <= 122) return 'aeiouy'.includes(String.fromCharCode(code)) ? KIND_VOWEL : KIND_CONSONANT;
  if (code >= 48 && code <= 57) return KIND_DIGIT;
  return '[]{}\\*+=<>|^~`@#$%&'.includes(String.fromCharCode(code)) ? KIND_RARE_SYMBOL : KIND_SYMBOL;
});

/** Letters, digits and non-ASCII letters: what words are made of (as in the lexicon). */
function isWordCode(code: number): boolean {
  if (code >= 0x61 && code <= 0x7a) return true;
  if (code >= 0x30 && code <= 0x39) return true;
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  return code < 0xd800 || code > 0xdfff;
}

/** Counts one hashed feature: bucket = top bits of one multiplicative mix, sign = the bit below. */
function addFeature(scratch: Scratch, hash: number): void {
  const mixed = Math.imul(hash ^ (hash >>> 15), GOLDEN);
  const shift = scratch.shift;
  const index = mixed >>> shift;
  const counts = scratch.counts;
  const count = counts[index]!;
  // A bucket whose count went back to 0 may be listed twice; the second entry then reads 0.
  if (count === 0) scratch.touched[scratch.size++] = index;
  counts[index] = (mixed >>> (shift - 1)) & 1 ? count - 1 : count + 1;
}

/**
 * A finished word (FNV-1a hash `h` of its code units, its length, the running hashes after 5 and 7 of
 * them, where it starts): its unigram and the bigram with the previous word, its lexicon lookups (whole
 * word, 5- and 7-character prefixes: anchor flags, harm categories, framing), and the repetition count.
 */
function finishWord(scratch: Scratch, stats: PassStats, h: number, length: number, prefix5: number, prefix7: number, start: number): void {
  const word = avalanche(h);
  addFeature(scratch, word ^ 0x1b873593);
  if (stats.words > 0) addFeature(scratch, Math.imul(scratch.previousWord, GOLDEN) ^ word ^ 0x27d4eb2f);
  scratch.previousWord = word;
  const key = wordKey(word);
  let lex = 0;
  let harmBits = 0;
  let slot = lexicon(key);
  if (slot >= 0) {
    lex = LEX_ANCHORS[slot]!;
    harmBits = LEX_HARM[slot]!;
  }
  if (length >= 5 && (slot = lexicon(prefixKey(prefix5, PREFIX5_SEED))) >= 0) {
    lex |= LEX_ANCHORS[slot]!;
    harmBits |= LEX_HARM[slot]!;
  }
  if (length >= 7 && (slot = lexicon(prefixKey(prefix7, PREFIX7_SEED))) >= 0) {
    lex |= LEX_ANCHORS[slot]!;
    harmBits |= LEX_HARM[slot]!;
  }
  if (lex !== 0) {
    stats.flags |= lex;
    stats.near = updateNear(lex, start, scratch.lastA, stats.firstB, stats.near);
    if ((lex & F_PERSUASION) !== 0) stats.persuasionWords++;
  }
  if (harmBits !== 0) {
    stats.harm |= harmBits;
    stats.harmWords++;
  }
  if (++stats.words <= 400) {
    const { tokenKeys, tokenCounts } = scratch;
    let s = word & 1023;
    while (tokenKeys[s] !== 0 && tokenKeys[s] !== key) s = (s + 1) & 1023;
    if (tokenKeys[s] === 0) {
      tokenKeys[s] = key;
      stats.distinctTokens++;
    }
    const count = tokenCounts[s]! + 1;
    tokenCounts[s] = count;
    if (count > stats.topToken) stats.topToken = count;
  }
}

/**
 * One pass over the characters: character 4-grams (a packed window of the last four code units, one
 * multiplicative mix per position), words (finishWord), and the whitespace-token shapes of the dense features (tokens no
 * natural language spells, tokens gluing letters to rare symbols, very long tokens, mixed symbol runs,
 * symbols near the end). Doing both in one loop lets the table updates of the n-grams overlap the
 * token arithmetic.
 */
export function charPass(lower: string, scratch: Scratch, stats: PassStats): void {
  const n = lower.length;
  const { counts, touched, shift } = scratch;
  const signShift = shift - 1;
  let size = scratch.size;
  let window = 0;
  const tailStart = Math.max(0, n - 160);
  stats.tailLength = n - tailStart;
  let flags = 0;
  let tokens = 0;
  let odd = 0;
  let mixed = 0;
  let long = 0;
  let runs = 0;
  let tailSymbols = 0;
  // The current token.
  let length = 0;
  let letters = 0;
  let rare = false;
  let digits = 0;
  let symbols = 0;
  let consonantRun = 0;
  let maxConsonantRun = 0;
  let changes = 0;
  let lastClass = 0;
  let run = 0;
  let runMixed = false;
  let lastSymbol = 0;
  // The current word: letters, digits and non-ASCII letters (as in the lexicon).
  let wordHash = FNV_OFFSET;
  let wordLength = 0;
  let wordStart = 0;
  let prefix5 = 0;
  let prefix7 = 0;
  scratch.tokenKeys.fill(0);
  scratch.tokenCounts.fill(0);
  scratch.lastA.fill(-1_000_000);
  for (let i = 0; i <= n; i++) {
    let kind = KIND_SPACE;
    let code = 32;
    if (i < n) {
      code = lower.charCodeAt(i);
      window = ((window << 8) ^ code) | 0;
      if (i >= 3) {
        const hash = window ^ SEED_CHAR4;
        const mix = Math.imul(hash ^ (hash >>> 15), GOLDEN);
        const index = mix >>> shift;
        const count = counts[index]!;
        if (count === 0) touched[size++] = index;
        counts[index] = (mix >>> signShift) & 1 ? count - 1 : count + 1;
      }
      kind = code < 128 ? ASCII_KIND[code]! : isWordCode(code) ? KIND_OTHER_LETTER : KIND_SYMBOL;
    }
    if ((kind >= KIND_VOWEL && kind <= KIND_DIGIT) || kind === KIND_OTHER_LETTER) {
      if (wordLength === 0) wordStart = i;
      wordHash = fnvStep(wordHash, code);
      wordLength++;
      if (wordLength === 5) prefix5 = wordHash;
      else if (wordLength === 7) prefix7 = wordHash;
    } else if (wordLength > 0) {
      scratch.size = size;
      finishWord(scratch, stats, wordHash, wordLength, prefix5, prefix7, wordStart);
      size = scratch.size;
      wordHash = FNV_OFFSET;
      wordLength = 0;
    }
    if (kind === KIND_SPACE) {
      if (length === 0) continue;
      if (run >= 3 && runMixed) runs++;
      tokens++;
      const gluedSymbols = letters > 0 && symbols >= 2 && symbols * 3 >= length;
      if ((letters > 0 && digits > 0 && letters + digits === length && length > 3) || maxConsonantRun >= 5 || gluedSymbols) odd++;
      if (letters > 0 && rare && (changes >= 2 || symbols >= 2)) mixed++;
      if (length >= 25) long++;
      length = 0;
      letters = 0;
      rare = false;
      digits = 0;
      symbols = 0;
      consonantRun = 0;
      maxConsonantRun = 0;
      changes = 0;
      lastClass = 0;
      run = 0;
      runMixed = false;
      continue;
    }
    length++;
    let cls = 1;
    if (kind === KIND_CONSONANT) {
      letters++;
      if (++consonantRun > maxConsonantRun) maxConsonantRun = consonantRun;
    } else if (kind === KIND_VOWEL) {
      letters++;
      consonantRun = 0;
    } else if (kind === KIND_DIGIT) {
      digits++;
    } else if (kind !== KIND_OTHER_LETTER) {
      if (kind === KIND_RARE_SYMBOL) rare = true;
      symbols++;
      cls = 2;
      if (code === 60) flags |= CHAR_FLAG_LT;
      else if (code === 91) flags |= CHAR_FLAG_BRACKET;
      if (i >= tailStart) tailSymbols++;
      if (run > 0 && code !== lastSymbol) runMixed = true;
      run++;
      lastSymbol = code;
    }
    if (cls === 1 && run > 0) {
      if (run >= 3 && runMixed) runs++;
      run = 0;
      runMixed = false;
    }
    if (lastClass !== 0 && cls !== lastClass) changes++;
    lastClass = cls;
  }
  scratch.size = size;
  stats.flags |= flags;
  stats.tokens = tokens;
  stats.oddTokens = odd;
  stats.mixedTokens = mixed;
  stats.longTokens = long;
  stats.symbolRuns = runs;
  stats.tailSymbols = tailSymbols;
}

/**
 * Extracts the shared features of `text` (already normalized; see classifierText). The returned vector
 * reuses internal buffers: read it before the next call, or copy it with copyFeatures.
 *
 * One pass over the characters (character 4-grams, words and bigrams with their lexicon lookups, token
 * shapes), then the gated expressions of dense-features.ts.
 */
export function extractFeatures(text: string, decoded: readonly string[], bits: number): FeatureVector {
  const scratch = countFeatures(text, decoded, bits);
  // Log-scale, normalise, and reset the accumulators for the next call.
  const { counts, touched, values, size } = scratch;
  let sumSquares = 0;
  for (let k = 0; k < size; k++) {
    const index = touched[k]!;
    const value = signedLog1p(counts[index]!);
    values[k] = value;
    sumSquares += value * value;
    counts[index] = 0;
  }
  const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  for (let k = 0; k < size; k++) values[k] = values[k]! * scale;
  return { indices: touched, values, size, dense: scratch.dense };
}

/**
 * The scoring path: the same features as extractFeatures, but the hashed part goes straight into the
 * heads' margins (one pass over the touched buckets: log-scale, accumulate, reset; the L2 scale is
 * applied to the sums at the end, with the per-head int8 scale). Writes each head's margin without the dense part and bias into
 * `hashedMargins` (length 4) and returns the dense features (valid until the next call).
 */
export function hashedMarginsOf(text: string, decoded: readonly string[], bits: number, hashed: Int8Array, headScale: Float32Array, hashedMargins: Float64Array): Float32Array {
  const scratch = countFeatures(text, decoded, bits);
  const { counts, touched, size } = scratch;
  let sumSquares = 0;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let k = 0; k < size; k++) {
    const index = touched[k]!;
    const value = signedLog1p(counts[index]!);
    if (value === 0) continue;
    counts[index] = 0;
    sumSquares += value * value;
    const base = index << 2;
    m0 += hashed[base]! * value;
    m1 += hashed[base + 1]! * value;
    m2 += hashed[base + 2]! * value;
    m3 += hashed[base + 3]! * value;
  }
  const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  hashedMargins[0] = m0 * scale * headScale[0]!;
  hashedMargins[1] = m1 * scale * headScale[1]!;
  hashedMargins[2] = m2 * scale * headScale[2]!;
  hashedMargins[3] = m3 * scale * headScale[3]!;
  return scratch.dense;
}

function signedLog1p(count: number): number {
  return SIGNED_LOG1P[(count < -LOG_RANGE ? -LOG_RANGE : count > LOG_RANGE ? LOG_RANGE : count) + LOG_RANGE]!;
}

/** Runs the passes: bucket counts in the scratch (touched[0..size)), dense features in scratch.dense. */
function countFeatures(text: string, decoded: readonly string[], bits: number): Scratch {
  let scratch = scratchByBits.get(bits);
  if (!scratch) {
    scratch = new Scratch(bits);
    scratchByBits.set(bits, scratch);
  }
  const lower = text.toLowerCase();
  // At most 1 char n-gram per position and 2 word features per word.
  scratch.reserve(2 * lower.length + 16);
  scratch.size = 0;
  const stats = emptyStats();
  charPass(lower, scratch, stats);
  const dense = new Float32Array(DENSE_FEATURE_COUNT);
  denseFeatures(stats, lower, decoded, dense, 0);
  scratch.dense = dense;
  return scratch;
}

/** A standalone copy of a feature vector (the extractor's buffers are reused). */
export function copyFeatures(features: FeatureVector): FeatureVector {
  return {
    indices: features.indices.slice(0, features.size),
    values: features.values.slice(0, features.size),
    size: features.size,
    dense: features.dense.slice(),
  };
}
