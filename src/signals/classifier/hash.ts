/**
 * 32-bit string hashing for the hashed feature space. FNV-1a over UTF-16 code units, finished with the
 * murmur3 avalanche so that the low bits (the bucket) and the top bit (the sign) are independent.
 */
import { fmix32 } from '../text/hash.ts';

/**
 * FNV-1a's offset basis and prime, as a const enum so that the bundle writes them as literals (a module-level
 * const is a module variable there, which V8 reloads and checks at every use in a hot loop).
 */
export const enum Fnv {
  OFFSET = 0x811c9dc5,
  PRIME = 0x01000193,
}

/** One FNV-1a step: folds a code unit into a running hash. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, Fnv.PRIME);
}

/** murmur3 fmix32 (shared with the text layer): spreads every input bit over every output bit. */
export const avalanche: (hash: number) => number = fmix32;

/** Hash of a whole string, seeded so that different feature namespaces do not collide systematically. */
export function hashString(text: string, seed: number): number {
  let h = fnvStep(Fnv.OFFSET, seed);
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return avalanche(h);
}

/** Combines two hashes (word bigrams) without the symmetry of a plain xor. */
export function combineHashes(a: number, b: number): number {
  return avalanche(Math.imul(a, 0x9e3779b1) ^ b ^ 0x5bd1e995);
}
