/**
 * One feature extraction per request, shared by every head: signed feature hashing of word unigrams,
 * word bigrams and character n-grams over the lowercased classifier text, log-scaled counts, L2
 * normalised; plus the dense hand-made features of dense-features.ts, whose statistics are gathered in
 * the same single pass over the characters. Cost is linear in the text, which is capped (head and tail)
 * so a huge prompt costs no more than a 4 KB one.
 */
import { userUnits } from '../text/code-units.ts';
import { finishWordVotes, startWordVotes, voteLetterRuns, voteLetters, voteSymbolAboveAscii, voteWordAboveAscii } from '../text/language.ts';
import { isKnownLowerCase } from '../text/normalize.ts';
import { avalanche, Fnv, fnvStep } from './hash.ts';
import {
  ANCHOR_PAIRS, DENSE_FEATURE_COUNT, denseFeatures, emptyStats, GATE_PAIR_COUNT, GATE_PAIRS, Lex, LEX_ANCHORS, LEX_GATES, LEX_HARM, lexicon, PAIR_COUNT,
  prefixKey, resetStats, updateNear, wordKey,
  type PassStats,
} from './dense-features.ts';

/** Text beyond this is cut to its first HEAD_CHARS and last TAIL_CHARS (attacks sit at either end). */
export const MAX_FEATURE_CHARS = 3072;
const HEAD_CHARS = 2048;
const TAIL_CHARS = 1024;
/** Decoded hidden instructions added to the classifier text, at most this much in all. */
const MAX_DECODED_CHARS = 1024;


export interface FeatureVector {
  /**
   * Bucket of each hashed feature, in the order the text first reached a non-zero count there (a bucket
   * whose count went back to 0 and left it again is listed again; its second entry has value 0).
   */
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


/**
 * The feature hashing's multiplier and seeds, as a const enum so that the bundle writes them as literals (a
 * module-level const is a module variable there, which V8 reloads and checks at every use in the character loop;
 * a number above 2^31, like GOLDEN, it also unboxes at every use).
 */
const enum Hash {
  GOLDEN = 0x9e3779b1,
  SEED_WORD = 0x1b873593,
  SEED_BIGRAM = 0x27d4eb2f,
  SEED_CHAR4 = 0x5851f42d,
}

/** sign(c) * log1p(|c|) for counts c in [-LOG_RANGE, LOG_RANGE] (larger counts are clamped), precomputed. */
const enum Log {
  RANGE = 255,
}
const SIGNED_LOG1P = Float32Array.from({ length: 2 * Log.RANGE + 1 }, (_, i) => Math.sign(i - Log.RANGE) * Math.log1p(Math.abs(i - Log.RANGE)));

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
  /** The last pass's dense features and statistics (reused, like the buffers above). */
  readonly dense = new Float32Array(DENSE_FEATURE_COUNT);
  readonly stats: PassStats = emptyStats();
  /** Word counts among the first 400 words (open addressing on the word hash). */
  readonly tokenKeys = new Uint32Array(1024);
  readonly tokenCounts = new Uint16Array(1024);
  /** Where each two-word pattern's last A word started (see updateNear), for the anchor and the gate pairs. */
  readonly lastA = new Int32Array(PAIR_COUNT);
  readonly gateLastA = new Int32Array(GATE_PAIR_COUNT);

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

/** Character classes of a code unit, as bits (CLASS_OF_ASCII and classOf); a const enum, as Hash above. */
const enum C {
  /** Part of a word: letters, digits and non-ASCII letters (as in the lexicon). */
  WORD = 1,
  CONSONANT = 2,
  VOWEL = 4,
  DIGIT = 8,
  /** Neither space nor part of a word. */
  SYMBOL = 16,
  /** Symbols natural text seldom glues to words (brackets, backslash, operators, markup). */
  RARE = 32,
  SPACE = 64,
  /** A non-ASCII letter (also WORD). */
  OTHER_LETTER = 128,
  /** A non-ASCII character that is not a letter (also SYMBOL). */
  OTHER_SYMBOL = 256,
  ASCII_ALNUM = CONSONANT | VOWEL | DIGIT,
}
/** The '<' and '[' flags of the dense features ride in the class bits, at their own positions. */
const C_CHAR_FLAGS = Lex.CHAR_FLAG_LT | Lex.CHAR_FLAG_BRACKET;
/** Class bits of each ASCII code unit (the text is lowercased). */
const CLASS_OF_ASCII = Int32Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (code === 32 || code === 10 || code === 9 || code === 13) return C.SPACE;
  if (code >= 97 && code <= 122) return C.WORD | ('aeiouy'.includes(char) ? C.VOWEL : C.CONSONANT);
  if (code >= 48 && code <= 57) return C.WORD | C.DIGIT;
  const flags = code === 60 ? Lex.CHAR_FLAG_LT : code === 91 ? Lex.CHAR_FLAG_BRACKET : 0;
  return C.SYMBOL | flags | ('[]{}\\*+=<>|^~`@#$%&'.includes(char) ? C.RARE : 0);
});

/** Class bits of a code unit: non-ASCII letters are word characters, the rest symbols. */
function classOf(code: number): number {
  return code < 128 ? CLASS_OF_ASCII[code]! : isWordCode(code) ? C.WORD | C.OTHER_LETTER : C.SYMBOL | C.OTHER_SYMBOL;
}

/** Non-ASCII code units that are letters (words are made of these, ASCII letters and digits). */
function isWordCode(code: number): boolean {
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  return code < 0xd800 || code > 0xdfff;
}

/** Counts one hashed feature: bucket = top bits of one multiplicative mix, sign = the bit below. */
function addFeature(scratch: Scratch, hash: number): void {
  const mixed = Math.imul(hash ^ (hash >>> 15), Hash.GOLDEN);
  const shift = scratch.shift;
  const index = mixed >>> shift;
  const counts = scratch.counts;
  const count = counts[index]!;
  // Listed when its count leaves 0 (a bucket whose count went back to 0 may be listed twice; the second
  // entry then reads 0). Both updates are arithmetic: whether a bucket is new and the sign bit are coin
  // flips a branch would mispredict, and the two table accesses then overlap.
  const size = scratch.size;
  scratch.touched[size] = index;
  scratch.size = size + (((count | -count) >>> 31) ^ 1);
  counts[index] = count + 1 - (((mixed >>> (shift - 1)) & 1) << 1);
}

/**
 * A finished word (`h` the FNV-1a hash of its `length` code units, which start at `start` in `units`):
 * its unigram and the bigram with the previous word, its lexicon lookups (whole word, 5- and 7-character
 * prefixes: anchor flags, harm categories, framing), and the repetition count.
 */
function finishWord(scratch: Scratch, stats: PassStats, units: Uint16Array, h: number, length: number, start: number): void {
  const word = avalanche(h);
  addFeature(scratch, word ^ Hash.SEED_WORD);
  if (stats.words > 0) addFeature(scratch, Math.imul(scratch.previousWord, Hash.GOLDEN) ^ word ^ Hash.SEED_BIGRAM);
  scratch.previousWord = word;
  const key = wordKey(word);
  let lex = 0;
  let harmBits = 0;
  let gates = 0;
  let slot = lexicon(key);
  if (slot >= 0) {
    lex = LEX_ANCHORS[slot]!;
    harmBits = LEX_HARM[slot]!;
    gates = LEX_GATES[slot]!;
  }
  if (length >= 5) {
    // The running hash after 5 (and 7) code units, recomputed here rather than tracked per character.
    let prefix = Fnv.OFFSET;
    for (let k = start; k < start + 5; k++) prefix = fnvStep(prefix, units[k]!);
    if ((slot = lexicon(prefixKey(prefix, Lex.PREFIX5_SEED))) >= 0) {
      lex |= LEX_ANCHORS[slot]!;
      harmBits |= LEX_HARM[slot]!;
      gates |= LEX_GATES[slot]!;
    }
    if (length >= 7) {
      prefix = fnvStep(fnvStep(prefix, units[start + 5]!), units[start + 6]!);
      if ((slot = lexicon(prefixKey(prefix, Lex.PREFIX7_SEED))) >= 0) {
        lex |= LEX_ANCHORS[slot]!;
        harmBits |= LEX_HARM[slot]!;
        gates |= LEX_GATES[slot]!;
      }
    }
  }
  if (length === 1 && start > 0 && units[start - 1] === 91) {
    const code = units[start]!;
    if (code === 97 || code === 98) gates |= Lex.G_BRACKETED_AB;
  }
  if (length === 5 && (lex & Lex.F_SCORE) !== 0 && start > 0 && units[start - 1] === 34 && units[start + 5] === 34) {
    gates |= Lex.G_QUOTED_SCORE;
  }
  if ((gates & Lex.G_TAG_WORD) !== 0 && !isAfterTagOpening(units, start)) gates &= ~Lex.G_TAG_WORD;
  if (gates !== 0) {
    stats.gates |= gates;
    stats.gateNear = updateNear(GATE_PAIRS, gates, start, scratch.gateLastA, stats.gateFirstB, stats.gateNear);
  }
  if (lex !== 0) {
    stats.flags |= lex;
    stats.near = updateNear(ANCHOR_PAIRS, lex, start, scratch.lastA, stats.firstB, stats.near);
    if ((lex & Lex.F_PERSUASION) !== 0) stats.persuasionWords++;
  }
  if (harmBits !== 0) {
    stats.harm |= harmBits;
    stats.harmWords++;
  }
  if (++stats.words <= 400) {
    const { tokenKeys, tokenCounts } = scratch;
    // Whether a word is new or a repeat is a coin flip that a branch would mispredict: the probe stops on an
    // arithmetic test (its slot is empty or holds the word), and a new word is counted arithmetically.
    const wanted = key | 0;
    let s = word & 1023;
    let held = tokenKeys[s]! | 0;
    while (((((held ^ wanted) | -(held ^ wanted)) & (held | -held)) >>> 31) !== 0) {
      s = (s + 1) & 1023;
      held = tokenKeys[s]! | 0;
    }
    tokenKeys[s] = key;
    stats.distinctTokens += ((held | -held) >>> 31) ^ 1;
    const count = tokenCounts[s]! + 1;
    tokenCounts[s] = count;
    if (count > stats.topToken) stats.topToken = count;
  }
}

/** Whether the word at `start` follows '<' or '</'. */
function isAfterTagOpening(units: Uint16Array, start: number): boolean {
  const before = start > 0 ? units[start - 1]! : 0;
  return before === 60 || (before === 47 && start > 1 && units[start - 2] === 60);
}

/**
 * One pass over the characters: character 4-grams (a packed window of the last four code units, one
 * multiplicative mix per position), words (finishWord), and the whitespace-token shapes of the dense
 * features (tokens no natural language spells, tokens gluing letters to rare symbols, very long tokens,
 * mixed symbol runs, symbols near the end). Features are counted in text order (each position's 4-gram,
 * then the word it ends), the order the score sums follow.
 *
 * Letters, the common case, take no data-dependent branch: their class bits are added into the token
 * counters, so that vowel-consonant alternation costs no mispredictions. Only word ends, token ends and
 * symbols branch.
 *
 * The words and the characters above ASCII also go to the language detector's counts (text/language.ts), which
 * then need not scan the same text again.
 */
export function charPass(lower: string, scratch: Scratch, stats: PassStats): void {
  const n = lower.length;
  const units = userUnits.load(lower);
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
  // The current whitespace token: where it starts and what it holds so far.
  let tokenStart = 0;
  let letters = 0;
  let digits = 0;
  let symbols = 0;
  let rare = 0;
  let changes = 0;
  /** Consonants since the token's last vowel; consonantRunOf5 becomes non-zero once it reaches 5. */
  let consonantRun = 0;
  let consonantRunOf5 = 0;
  /** Symbols in a row ending at the previous character (0 after a non-symbol), and whether they differ. */
  let run = 0;
  let runMixed = false;
  let previous = 0;
  // The current word: letters, digits and non-ASCII letters (as in the lexicon).
  let wordHash = Fnv.OFFSET;
  let wordStart = 0;
  /** The class bits of the word's characters, or-ed: whether it mixes ASCII and non-ASCII letters. */
  let wordClasses = 0;
  startWordVotes();
  scratch.tokenKeys.fill(0);
  scratch.tokenCounts.fill(0);
  scratch.lastA.fill(-1_000_000);
  scratch.gateLastA.fill(-1_000_000);
  for (let i = 0; i <= n; i++) {
    let bits = C.SPACE;
    let code = 32;
    if (i < n) {
      code = units[i]!;
      window = ((window << 8) ^ code) | 0;
      if (i >= 3) {
        const hash = window ^ Hash.SEED_CHAR4;
        const mix = Math.imul(hash ^ (hash >>> 15), Hash.GOLDEN);
        const index = mix >>> shift;
        const count = counts[index]!;
        // As in addFeature: listed when its count leaves 0, signed +1 or -1, without a branch.
        touched[size] = index;
        size += ((count | -count) >>> 31) ^ 1;
        counts[index] = count + 1 - (((mix >>> signShift) & 1) << 1);
      }
      bits = classOf(code);
    }
    if ((bits & C.WORD) !== 0) {
      wordHash = fnvStep(wordHash, code);
      wordClasses |= bits;
      letters += ((bits >>> 1) | (bits >>> 2)) & 1;
      digits += (bits & C.DIGIT) >>> 3;
      // Reset on a vowel, one more on a consonant, unchanged on digits and non-ASCII letters.
      consonantRun = (consonantRun + ((bits & C.CONSONANT) >>> 1)) & (((bits & C.VOWEL) >>> 2) - 1);
      consonantRunOf5 |= (4 - consonantRun) >>> 31;
      if (run > 0) {
        changes++;
        if (run >= 3 && runMixed) runs++;
        run = 0;
        runMixed = false;
      }
      previous = code;
      continue;
    }
    if (i > wordStart) {
      scratch.size = size;
      finishWord(scratch, stats, units, wordHash, i - wordStart, wordStart);
      size = scratch.size;
      wordHash = Fnv.OFFSET;
      if ((wordClasses & C.OTHER_LETTER) !== 0 && (wordClasses & C.ASCII_ALNUM) !== 0) stats.glued = true;
      if ((wordClasses & C.OTHER_LETTER) !== 0) voteWordAboveAscii(lower, units, wordStart, i);
      else if ((wordClasses & C.DIGIT) === 0) voteLetters(units, wordStart, i - wordStart);
      else voteLetterRuns(units, wordStart, i);
      wordClasses = 0;
    }
    wordStart = i + 1;
    if ((bits & C.SPACE) !== 0) {
      const length = i - tokenStart;
      tokenStart = i + 1;
      if (length === 0) continue;
      if (run >= 3 && runMixed) runs++;
      tokens++;
      const gluedSymbols = letters > 0 && symbols >= 2 && symbols * 3 >= length;
      if ((letters > 0 && digits > 0 && letters + digits === length && length > 3) || consonantRunOf5 !== 0 || gluedSymbols) odd++;
      if (letters > 0 && rare !== 0 && (changes >= 2 || symbols >= 2)) mixed++;
      if (length >= 25) long++;
      letters = 0;
      digits = 0;
      symbols = 0;
      rare = 0;
      changes = 0;
      consonantRun = 0;
      consonantRunOf5 = 0;
      run = 0;
      runMixed = false;
      continue;
    }
    if ((bits & C.OTHER_SYMBOL) !== 0) voteSymbolAboveAscii(lower, i, code);
    symbols++;
    rare |= bits & C.RARE;
    flags |= bits;
    if (i >= tailStart) tailSymbols++;
    if (run > 0) {
      if (code !== previous) runMixed = true;
    } else if (i > tokenStart) {
      changes++;
    }
    run++;
    previous = code;
  }
  scratch.size = size;
  finishWordVotes(lower);
  stats.flags |= flags & C_CHAR_FLAGS;
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
 * The four int8 weights of each bucket in one 32-bit word, head h in bits 8h..8h+7, so that scoring reads
 * a bucket's weights with one load (the buckets are read in random order).
 */
export function packHeadWeights(q: Int8Array): Int32Array {
  const packed = new Int32Array(q.length >>> 2);
  for (let b = 0; b < packed.length; b++) {
    const base = b << 2;
    packed[b] = (q[base]! & 0xff) | ((q[base + 1]! & 0xff) << 8) | ((q[base + 2]! & 0xff) << 16) | (q[base + 3]! << 24);
  }
  return packed;
}

/**
 * The scoring path: the same features as extractFeatures, but the hashed part goes straight into the
 * heads' margins (one pass over the touched buckets: log-scale, accumulate, reset; the L2 scale is
 * applied to the sums at the end, with the per-head int8 scale). `packed` holds the int8 weights as
 * packHeadWeights lays them out. Writes each head's margin without the dense part and bias into
 * `hashedMargins` (length 4) and returns the dense features (valid until the next call).
 */
export function hashedMarginsOf(text: string, decoded: readonly string[], bits: number, packed: Int32Array, headScale: Float32Array, hashedMargins: Float64Array): Float32Array {
  const scratch = countFeatures(text, decoded, bits);
  const { counts, touched, size } = scratch;
  let sumSquares = 0;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let k = 0; k < size; k++) {
    const index = touched[k]!;
    const count = counts[index]!;
    // A bucket listed twice (its count went back to 0 once) is summed at its first entry only.
    if (count === 0) continue;
    counts[index] = 0;
    const value = signedLog1p(count);
    sumSquares += value * value;
    const w = packed[index]!;
    m0 += ((w << 24) >> 24) * value;
    m1 += ((w << 16) >> 24) * value;
    m2 += ((w << 8) >> 24) * value;
    m3 += (w >> 24) * value;
  }
  const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  hashedMargins[0] = m0 * scale * headScale[0]!;
  hashedMargins[1] = m1 * scale * headScale[1]!;
  hashedMargins[2] = m2 * scale * headScale[2]!;
  hashedMargins[3] = m3 * scale * headScale[3]!;
  return scratch.dense;
}

function signedLog1p(count: number): number {
  return SIGNED_LOG1P[(count < -Log.RANGE ? -Log.RANGE : count > Log.RANGE ? Log.RANGE : count) + Log.RANGE]!;
}

/** Runs the passes: bucket counts in the scratch (touched[0..size)), dense features in scratch.dense. */
function countFeatures(text: string, decoded: readonly string[], bits: number): Scratch {
  let scratch = scratchByBits.get(bits);
  if (!scratch) {
    scratch = new Scratch(bits);
    scratchByBits.set(bits, scratch);
  }
  const lower = isKnownLowerCase(text) ? text : text.toLowerCase();
  // At most 1 char n-gram per position and 2 word features per word.
  scratch.reserve(2 * lower.length + 16);
  scratch.size = 0;
  const stats = resetStats(scratch.stats);
  charPass(lower, scratch, stats);
  denseFeatures(stats, lower, decoded, scratch.dense, 0);
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
