/**
 * A fast 32-bit string hash for fingerprints and sketches: FNV-1a over UTF-16 code units, finished
 * with the murmur3 avalanche so that nearby strings land far apart. Reads char codes, allocates nothing.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The murmur3 finalizer: every input bit flips about half of the output bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of `s[start, end)`, optionally seeded (different seeds give independent-looking hashes).
 *
 * @example hashRange('hello world', 0, 5) === hashString('hello')
 */
export function hashRange(s: string, start: number, end: number, seed = 0): number {
  let h = (FNV_OFFSET ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h ^ (end - start));
}

/** Hash of the whole string; see hashRange. */
export function hashString(s: string, seed = 0): number {
  return hashRange(s, 0, s.length, seed);
}

/** Folds `value` into the running hash `h`, order-dependent (murmur3 block step); finish with fmix32. */
export function combineHash(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Character codes of the hex digits. */
const HEX_DIGIT: readonly number[] = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/** 8 lower-case hex digits of a 32-bit value, built as one string (toString(16) + padStart is several times slower). */
export function hex32(h: number): string {
  return String.fromCharCode(
    HEX_DIGIT[(h >>> 28) & 15]!, HEX_DIGIT[(h >>> 24) & 15]!, HEX_DIGIT[(h >>> 20) & 15]!, HEX_DIGIT[(h >>> 16) & 15]!,
    HEX_DIGIT[(h >>> 12) & 15]!, HEX_DIGIT[(h >>> 8) & 15]!, HEX_DIGIT[(h >>> 4) & 15]!, HEX_DIGIT[h & 15]!,
  );
}

/**
 * `prefix` followed by the 8 hex digits of `h`, built as one flat string (for prefixes of 3 to 5 characters, as
 * the fingerprint keys have): a concatenation would be a rope, which every Map or Set the key goes into flattens.
 */
export function hex32Key(prefix: string, h: number): string {
  const d0 = HEX_DIGIT[(h >>> 28) & 15]!, d1 = HEX_DIGIT[(h >>> 24) & 15]!, d2 = HEX_DIGIT[(h >>> 20) & 15]!, d3 = HEX_DIGIT[(h >>> 16) & 15]!;
  const d4 = HEX_DIGIT[(h >>> 12) & 15]!, d5 = HEX_DIGIT[(h >>> 8) & 15]!, d6 = HEX_DIGIT[(h >>> 4) & 15]!, d7 = HEX_DIGIT[h & 15]!;
  const p0 = prefix.charCodeAt(0), p1 = prefix.charCodeAt(1), p2 = prefix.charCodeAt(2);
  switch (prefix.length) {
    case 3: return String.fromCharCode(p0, p1, p2, d0, d1, d2, d3, d4, d5, d6, d7);
    case 4: return String.fromCharCode(p0, p1, p2, prefix.charCodeAt(3), d0, d1, d2, d3, d4, d5, d6, d7);
    case 5: return String.fromCharCode(p0, p1, p2, prefix.charCodeAt(3), prefix.charCodeAt(4), d0, d1, d2, d3, d4, d5, d6, d7);
    default: return prefix + hex32(h);
  }
}

/** The 16 hex digits of the 64-bit value high:low, as one flat string (see hex32Key). */
export function hex64(high: number, low: number): string {
  return String.fromCharCode(
    HEX_DIGIT[(high >>> 28) & 15]!, HEX_DIGIT[(high >>> 24) & 15]!, HEX_DIGIT[(high >>> 20) & 15]!, HEX_DIGIT[(high >>> 16) & 15]!,
    HEX_DIGIT[(high >>> 12) & 15]!, HEX_DIGIT[(high >>> 8) & 15]!, HEX_DIGIT[(high >>> 4) & 15]!, HEX_DIGIT[high & 15]!,
    HEX_DIGIT[(low >>> 28) & 15]!, HEX_DIGIT[(low >>> 24) & 15]!, HEX_DIGIT[(low >>> 20) & 15]!, HEX_DIGIT[(low >>> 16) & 15]!,
    HEX_DIGIT[(low >>> 12) & 15]!, HEX_DIGIT[(low >>> 8) & 15]!, HEX_DIGIT[(low >>> 4) & 15]!, HEX_DIGIT[low & 15]!,
  );
}
