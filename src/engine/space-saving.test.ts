import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSpaceSaving, estimate, guaranteed, offer, top } from './space-saving.ts';

describe('space-saving sketch', () => {
  it('keeps every item more frequent than total/capacity, with bounds around the true count', () => {
    const sketch = createSpaceSaving(4);
    const truth = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const item = i % 3 === 0 ? 7 : i % 5 === 0 ? 9 : 100 + i; // 7: 334 times, 9: 133 times, the rest once
      truth.set(item, (truth.get(item) ?? 0) + 1);
      offer(sketch, item);
    }
    assert.deepEqual(top(sketch, 1).map((r) => r.item), [7]);
    for (const item of [7, 9]) {
      assert.ok(guaranteed(sketch, item) <= (truth.get(item) ?? 0));
      assert.ok(estimate(sketch, item) >= (truth.get(item) ?? 0));
    }
  });

  it('returns 0 for an untracked item', () => {
    assert.equal(estimate(createSpaceSaving(2), 5), 0);
  });
});
