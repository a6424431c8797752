import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MinHeap } from './min-heap.ts';
import { mulberry32, randomInt } from './seeded-random.ts';

describe('MinHeap', () => {
  it('pops in the order of `before`, whatever the push order', () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 500 }, () => randomInt(random, 100));
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const v of values) heap.push(v);
    assert.equal(heap.size, 500);
    assert.equal(heap.peek(), Math.min(...values));
    const out: number[] = [];
    for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
    assert.deepEqual(out, [...values].sort((a, b) => a - b));
    assert.equal(heap.size, 0);
  });
});
