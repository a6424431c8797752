/**
 * 32-bit string hashing for the hashed feature space. FNV-1a over UTF-16 code units, finished with the
 * murmur3 avalanche so that the low bits (the bucket) and the top bit (the sign) are independent.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: folds a code unit into a running hash. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** murmur3 fmix32: spreads every input bit over every output bit. */
export function avalanche(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a whole string, seeded so that different feature namespaces do not collide systematically. */
export function hashString(text: string, seed: number): number {
  let h = fnvStep(FNV_OFFSET, seed);
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return avalanche(h);
}

/** Combines two hashes (word bigrams) without the symmetry of a plain xor. */
export function combineHashes(a: number, b: number): number {
  return avalanche(Math.imul(a, 0x9e3779b1) ^ b ^ 0x5bd1e995);
}
