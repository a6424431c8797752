/**
 * One feature extraction per request, shared by every head: signed feature hashing of word unigrams,
 * word bigrams and character 3-5-grams over the lowercased classifier text, log-scaled counts, L2
 * normalised; plus the dense hand-made features of dense-features.ts. Cost is linear in the text, which
 * is capped (head and tail) so a huge prompt costs no more than a 4 KB one.
 */
import { avalanche, combineHashes, FNV_OFFSET, fnvStep } from './hash.ts';
import { DENSE_FEATURE_COUNT, denseFeatures } from './dense-features.ts';

/** Text beyond this is cut to its first HEAD_CHARS and last TAIL_CHARS (attacks sit at either end). */
export const MAX_FEATURE_CHARS = 4096;
const HEAD_CHARS = 3072;
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

function isWordCode(code: number): boolean {
  if (code >= 0x61 && code <= 0x7a) return true;
  if (code >= 0x30 && code <= 0x39) return true;
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return true;
}

const GOLDEN = 0x9e3779b1;

/** Reusable accumulators for one bucket count; extraction is synchronous, so one set per size suffices. */
class Scratch {
  readonly shift: number;
  /** Signed counts per bucket (a 4 KB text cannot overflow 16 bits). */
  readonly counts: Int16Array;
  touched: Int32Array = new Int32Array(0);
  values: Float32Array = new Float32Array(0);

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

/**
 * Extracts the shared features of `text` (already normalized; see classifierText). The returned vector
 * reuses internal buffers: read it before the next call, or copy it with copyFeatures.
 *
 * Hashing is FNV-1a over the code units followed by one multiplicative (Fibonacci) mix per feature: the
 * bucket is the top `bits` bits of the product and the sign the bit below them. This costs a few
 * multiplications per character, which is what keeps the four text signals inside the latency budget.
 */
export function extractFeatures(text: string, decoded: readonly string[], bits: number): FeatureVector {
  let scratch = scratchByBits.get(bits);
  if (!scratch) {
    scratch = new Scratch(bits);
    scratchByBits.set(bits, scratch);
  }
  const lower = text.toLowerCase();
  const n = lower.length;
  // At most 3 char n-grams per position and 2 word features per word.
  scratch.reserve(4 * n + 16);
  const { counts, touched, shift } = scratch;
  const signShift = shift - 1;
  let size = 0;
  const add = (hash: number): void => {
    const mixed = Math.imul(hash, GOLDEN);
    const index = mixed >>> shift;
    const count = counts[index]!;
    // A bucket whose count went back to 0 may be listed twice; the second entry then reads 0.
    if (count === 0) touched[size++] = index;
    counts[index] = (mixed >>> signShift) & 1 ? count - 1 : count + 1;
  };

  // Words and word bigrams.
  let previous = 0;
  let havePrevious = false;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    let h = fnvStep(FNV_OFFSET, code);
    let j = i + 1;
    while (j < n) {
      const c = lower.charCodeAt(j);
      if (!isWordCode(c)) break;
      h = fnvStep(h, c);
      j++;
    }
    const word = avalanche(h);
    add(word ^ SEED_WORD);
    if (havePrevious) add(combineHashes(previous, word ^ SEED_BIGRAM));
    previous = word;
    havePrevious = true;
    i = j;
  }

  // Character 3-, 4- and 5-grams, hashed incrementally from each start position.
  for (let start = 0; start + 3 <= n; start++) {
    let h = Math.imul(FNV_OFFSET ^ SEED_CHAR, 0x01000193);
    h = Math.imul(h ^ lower.charCodeAt(start), 0x01000193);
    h = Math.imul(h ^ lower.charCodeAt(start + 1), 0x01000193);
    h = Math.imul(h ^ lower.charCodeAt(start + 2), 0x01000193);
    add(h ^ 0x33);
    if (start + 4 <= n) {
      h = Math.imul(h ^ lower.charCodeAt(start + 3), 0x01000193);
      add(h ^ 0x44);
      if (start + 5 <= n) {
        h = Math.imul(h ^ lower.charCodeAt(start + 4), 0x01000193);
        add(h ^ 0x55);
      }
    }
  }

  // Log-scale, normalise, and reset the accumulators for the next call.
  let sumSquares = 0;
  const values = scratch.values;
  for (let k = 0; k < size; k++) {
    const index = touched[k]!;
    const count = counts[index]!;
    const value = count === 0 ? 0 : count > 0 ? Math.log1p(count) : -Math.log1p(-count);
    values[k] = value;
    sumSquares += value * value;
    counts[index] = 0;
  }
  const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  for (let k = 0; k < size; k++) values[k] = values[k]! * scale;

  const dense = new Float32Array(DENSE_FEATURE_COUNT);
  denseFeatures(lower, decoded, dense, 0);
  return { indices: touched, values, size, dense };
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
