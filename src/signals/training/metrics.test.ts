import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rocAuc, tprAtFpr } from './metrics.ts';

test('rocAuc: perfect, inverted and tied rankings', () => {
  assert.equal(rocAuc([0.9, 0.8], [0.1, 0.2]), 1);
  assert.equal(rocAuc([0.1], [0.9]), 0);
  assert.equal(rocAuc([0.5], [0.5]), 0.5);
});

test('tprAtFpr: the threshold allows floor(fpr * negatives) negatives above it, ties are misses', () => {
  const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
  // One negative may sit above the threshold at 1%: the threshold is the second highest (0.98).
  assert.equal(tprAtFpr([0.985, 0.5], negatives, 0.01), 0.5);
  assert.equal(tprAtFpr([1, 1], [1, 0, 0], 0.01), 0);
});
