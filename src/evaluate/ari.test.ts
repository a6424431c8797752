import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRandIndex } from './ari.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test('ARI: identical partitions score 1 whatever the cluster names', () => {
  close(adjustedRandIndex(['a', 'a', 'b', 'b', 'c'], ['x', 'x', 'y', 'y', 'z']), 1);
});

test('ARI: hand-computed values', () => {
  // truth {0,1,2}{3,4,5}; predicted {0,1}{2,3}{4,5}: index 2, truth pairs 6, predicted pairs 3, all 15
  // expected 6*3/15 = 1.2, max 4.5 → (2 - 1.2) / (4.5 - 1.2) = 0.2424...
  close(adjustedRandIndex(['t', 't', 't', 'u', 'u', 'u'], ['p', 'p', 'q', 'q', 'r', 'r']), 0.8 / 3.3);
  // The scikit-learn documentation's example: [0,0,1,2] vs [0,0,1,1] → 0.5714...
  close(adjustedRandIndex(['0', '0', '1', '2'], ['0', '0', '1', '1']), 4 / 7);
  // Worse than chance: pairs split apart everywhere.
  assert.ok(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y']) < 0);
});

test('ARI: trivial partitions follow the convention (1), and the score is symmetric', () => {
  close(adjustedRandIndex([], []), 1);
  close(adjustedRandIndex(['a'], ['b']), 1);
  close(adjustedRandIndex(['a', 'b', 'c'], ['x', 'y', 'z']), 1);
  close(adjustedRandIndex(['a', 'a'], ['x', 'x']), 1);
  const truth = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'd'];
  const predicted = ['x', 'x', 'y', 'y', 'y', 'z', 'z', 'w'];
  close(adjustedRandIndex(truth, predicted), adjustedRandIndex(predicted, truth));
  assert.throws(() => adjustedRandIndex(['a'], []));
});

test('ARI: missing a campaign entirely (its accounts left as singletons) scores 0 against a one-campaign truth', () => {
  // 3 campaign accounts + 3 benign singletons; the prediction finds nothing.
  close(adjustedRandIndex(['c', 'c', 'c', 's1', 's2', 's3'], ['1', '2', '3', '4', '5', '6']), 0);
});
