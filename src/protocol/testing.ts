/** Helpers for this folder's tests: fixture loading and feeding bytes in chosen chunks. Not exported by index.ts. */
import { readFileSync } from 'node:fs';
import { mulberry32, randomInt } from '../core/seeded-random.ts';
import { isRecord } from './fields.ts';
import type { StreamAssembler } from './types.ts';

export function fixtureBytes(base: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, base)));
}

export function fixtureJson(base: string, name: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(new URL(`./fixtures/${name}`, base), 'utf8'));
  if (!isRecord(value)) throw new Error(`${name}: not an object`);
  return value;
}

/** Pushes `bytes` cut at the given offsets (ascending) and returns what the assembler built. */
export function assembleSplit(assembler: StreamAssembler, bytes: Uint8Array, cuts: readonly number[]): Record<string, unknown> | undefined {
  let start = 0;
  for (const cut of cuts) {
    assembler.push(bytes.subarray(start, cut));
    start = cut;
  }
  assembler.push(bytes.subarray(start));
  return assembler.finish();
}

/** `count` sorted cut offsets in (0, length), drawn from `random`. */
export function randomCuts(length: number, count: number, random: () => number): number[] {
  const cuts: number[] = [];
  for (let i = 0; i < count; i++) cuts.push(1 + randomInt(random, Math.max(1, length - 1)));
  return cuts.sort((a, b) => a - b);
}

/**
 * Asserts the assembler gives `expected` for the whole stream, for every two-piece split and for
 * many random multi-piece splits (which cut UTF-8 sequences and CRLF pairs among other places).
 */
export function checkEverySplit(
  create: () => StreamAssembler,
  bytes: Uint8Array,
  check: (assembled: Record<string, unknown> | undefined, where: string) => void,
): void {
  check(assembleSplit(create(), bytes, []), 'whole');
  for (let cut = 1; cut < bytes.length; cut++) check(assembleSplit(create(), bytes, [cut]), `cut at ${cut}`);
  // A fixed seed, so that the "random" splits are the same on every run.
  const random = mulberry32(7);
  for (let round = 0; round < 200; round++) {
    const cuts = randomCuts(bytes.length, 1 + randomInt(random, 40), random);
    check(assembleSplit(create(), bytes, cuts), `cuts ${cuts.join(',')}`);
  }
}
