/**
 * Seeded randomness for tests, fixtures and generators that must give the same numbers on every run.
 * Not for anything secret: mulberry32 is predictable from one output.
 */

/** mulberry32: small, fast and reproducible from one 32-bit seed; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, maxExclusive) drawn from `random`. */
export function randomInt(random: () => number, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}
