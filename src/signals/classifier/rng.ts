import { mulberry32 } from '../../core/seeded-random.ts';

/** A seeded PRNG: training and the text generators must be reproducible bit for bit. */
export type Rng = () => number;

export const seededRng: (seed: number) => Rng = mulberry32;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

/** Fisher-Yates in place. */
export function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i]!;
    items[i] = items[j]!;
    items[j] = a;
  }
  return items;
}
