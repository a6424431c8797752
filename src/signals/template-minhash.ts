/**
 * Set sketches over shingle hashes: MinHash by one-permutation hashing with densification (one hash
 * per shingle instead of one per shingle and bin), LSH band keys, and a SimHash of the signature.
 */
import { combineHash, fmix32, hex32Key, hex64 } from './text/hash.ts';

/**
 * The sketches' sizes, as a const enum so that the bundle writes them as literals: a module-level const is a module
 * variable there, which V8 reloads and checks at every use in the loops below.
 */
export const enum Sketch {
  /** Bins of a MinHash signature; 64 bins estimate a Jaccard of 0.8 within about ±0.05. */
  MINHASH_BINS = 64,
  /** 32 - log2(MINHASH_BINS): the top bits of a hash pick its bin. */
  BIN_SHIFT = 26,
  /** LSH: 16 bands of 4 rows. Two sets share a band with p = 1 - (1 - J^4)^16: 0.99 at J = 0.7, 0.01 at J = 0.2. */
  LSH_BANDS = 16,
  LSH_ROWS = 4,
  /** A bin no shingle reached yet (above every 26-bit value). */
  EMPTY_BIN = 0x7fffffff,
  /** Attempts donorFor tests at once: with a quarter of the bins filled, 4 find a donor for 2 empty bins in 3. */
  EARLY_ATTEMPTS = 4,
  /** Attempts of every bin kept in DONORS, so that densifying costs table reads. */
  DONOR_ATTEMPTS = 32,
}

/**
 * Fills `signature` with the MinHash of `shingles[from, to)`; false when the range is empty.
 * The top bits of a shingle's hash pick its bin and a second mix gives the value compared.
 */
export function minhashInto(shingles: Uint32Array, from: number, to: number, signature: Uint32Array): boolean {
  if (to <= from) return false;
  // Bins are kept as int32 (the values are 26 bits; EMPTY_BIN above them) so that the minimum needs no branch.
  const bins = workingBins.fill(Sketch.EMPTY_BIN);
  for (let i = from; i < to; i++) {
    const h = shingles[i] ?? 0;
    // Shingle hashes are already mixed: the top bits pick the bin, the rest is the value compared.
    const bin = h >>> Sketch.BIN_SHIFT;
    // The minimum in integer arithmetic (Math.min works on doubles): both values are in [0, 2^31), so the
    // difference cannot overflow and its sign bit says which is smaller.
    const current = bins[bin]!;
    const difference = (h & 0x03ffffff) - current;
    bins[bin] = current + (difference & (difference >> 31));
  }
  densify(bins);
  // With at least one shingle every bin is filled after densifying: EMPTY_BIN never reaches the signature.
  // Copied through the unsigned view: a set() between arrays of one element type is a plain copy.
  signature.set(workingBinsUnsigned);
  return true;
}

const workingBins = new Int32Array(Sketch.MINHASH_BINS);
/** The same memory read as unsigned: the bins are non-negative, so the values are the same. */
const workingBinsUnsigned = new Uint32Array(workingBins.buffer);

/**
 * Optimal densification (Shrivastava 2017): an empty bin borrows the value of a bin chosen by a
 * hash of (bin, attempt), so two signatures of similar sets borrow from the same places.
 */
function densify(bins: Int32Array): void {
  // Filled bins as a 64-bit mask in two words: the donor search then tests bits, not memory.
  let low = 0;
  let high = 0;
  // A filled bin holds a value below 2^26, EMPTY_BIN has bit 30 set: the bit is read without a branch (in a
  // sparse window whether a bin is filled is a coin flip).
  for (let b = 0; b < 32; b++) {
    low |= ((bins[b]! >>> 30) ^ 1) << b;
    high |= ((bins[b + 32]! >>> 30) ^ 1) << b;
  }
  if ((low & high) === -1 || (low | high) === 0) return;
  // Only the empty bins are visited, lowest first, picked off the masks: a test of every bin would mispredict on
  // about half of them in a sparse window. A filled bin is never written, so donors keep their own values.
  for (let empty = ~low; empty !== 0; empty &= empty - 1) {
    const b = 31 - Math.clz32(empty & -empty);
    bins[b] = bins[donorFor(b, low, high)] ?? Sketch.EMPTY_BIN;
  }
  for (let empty = ~high; empty !== 0; empty &= empty - 1) {
    const b = 32 + 31 - Math.clz32(empty & -empty);
    bins[b] = bins[donorFor(b, low, high)] ?? Sketch.EMPTY_BIN;
  }
}

/** The first donor of empty bin `b` that is filled in the masks. */
function donorFor(b: number, low: number, high: number): number {
  // The first EARLY_ATTEMPTS attempts are tested without a branch (whether an attempt hits a filled bin is a coin
  // flip in a sparse window, which a branch would mispredict), the last first so that the earliest hit wins.
  const first = b * Sketch.DONOR_ATTEMPTS;
  let donor = -1;
  for (let k = Sketch.EARLY_ATTEMPTS - 1; k >= 0; k--) {
    const candidate = DONORS[first + k]!;
    const mask = low ^ ((low ^ high) & -(candidate >>> 5)); // low for bins 0..31, high for 32..63
    const filled = (mask >>> (candidate & 31)) & 1;
    donor = (candidate & -filled) | (donor & (filled - 1));
  }
  if (donor >= 0) return donor;
  for (let attempt = Sketch.EARLY_ATTEMPTS + 1; ; attempt++) {
    const candidate = attempt <= Sketch.DONOR_ATTEMPTS ? DONORS[first + attempt - 1] ?? 0 : donorOf(b, attempt);
    if ((((candidate < 32 ? low : high) >>> (candidate & 31)) & 1) !== 0) return candidate;
  }
}

/** The bin an empty bin `b` borrows from at its `attempt`-th try. */
function donorOf(b: number, attempt: number): number {
  return fmix32(Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) >>> Sketch.BIN_SHIFT;
}

/** donorOf for the first DONOR_ATTEMPTS attempts of every bin. */
const DONORS = (() => {
  const table = new Uint8Array(Sketch.MINHASH_BINS * Sketch.DONOR_ATTEMPTS);
  for (let b = 0; b < Sketch.MINHASH_BINS; b++) for (let a = 1; a <= Sketch.DONOR_ATTEMPTS; a++) table[b * Sketch.DONOR_ATTEMPTS + a - 1] = donorOf(b, a);
  return table;
})();

/**
 * The fraction of equal bins: an estimate of the Jaccard similarity of the two shingle sets.
 * 0 when either signature is empty (a text with no content has no template).
 *
 * @example estimateJaccard(templateOf(a).minhash, templateOf(b).minhash) >= 0.8
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Appends `prefix<band>:<hex>` for every band of `signature` to `keys`. */
export function bandKeys(signature: Uint32Array, prefix: string, seed: number, keys: string[]): void {
  let heads = BAND_PREFIXES.get(prefix);
  if (heads === undefined) {
    heads = Array.from({ length: Sketch.LSH_BANDS }, (_, band) => prefix + band + ':');
    BAND_PREFIXES.set(prefix, heads);
  }
  for (let band = 0; band < Sketch.LSH_BANDS; band++) {
    let h = seed;
    for (let row = 0; row < Sketch.LSH_ROWS; row++) h = combineHash(h, signature[band * Sketch.LSH_ROWS + row] ?? 0);
    keys.push(hex32Key(heads[band]!, fmix32(h)));
  }
}

/** `prefix<band>:` per prefix, built once. */
const BAND_PREFIXES = new Map<string, string[]>();

/**
 * 64-bit SimHash of the signature's values (16 hex digits). Hashing the 64 sampled shingles rather
 * than every shingle keeps the cost fixed; similar sets share most samples, so their SimHashes stay close.
 * The per-bit votes are kept bit-sliced (seven counter planes per 32-bit half, plane k holding bit k of each
 * count, added with carries), so one sample costs a few word operations instead of 64 counter updates. The carry
 * runs through all seven planes unconditionally: stopping once it is 0 would cost a mispredicted branch per vote.
 */
export function simhashOf(signature: Uint32Array): string {
  if (signature.length !== Sketch.MINHASH_BINS) return '0'.repeat(16);
  let l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0;
  let h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0;
  for (let i = 0; i < Sketch.MINHASH_BINS; i++) {
    const v = signature[i] ?? 0;
    let carry = fmix32(v ^ 0x27d4eb2f) | 0;
    let next = carry & l0; l0 ^= carry; carry = next;
    next = carry & l1; l1 ^= carry; carry = next;
    next = carry & l2; l2 ^= carry; carry = next;
    next = carry & l3; l3 ^= carry; carry = next;
    next = carry & l4; l4 ^= carry; carry = next;
    next = carry & l5; l5 ^= carry; carry = next;
    l6 ^= carry;
    carry = fmix32(v ^ 0x165667b1) | 0;
    next = carry & h0; h0 ^= carry; carry = next;
    next = carry & h1; h1 ^= carry; carry = next;
    next = carry & h2; h2 ^= carry; carry = next;
    next = carry & h3; h3 ^= carry; carry = next;
    next = carry & h4; h4 ^= carry; carry = next;
    next = carry & h5; h5 ^= carry; carry = next;
    h6 ^= carry;
  }
  // A strict majority of 64 votes is a count >= 33: bit 6 (64), or bit 5 (32) and any lower bit.
  const low = (l6 | (l5 & (l0 | l1 | l2 | l3 | l4))) >>> 0;
  const high = (h6 | (h5 & (h0 | h1 | h2 | h3 | h4))) >>> 0;
  return hex64(high, low);
}
