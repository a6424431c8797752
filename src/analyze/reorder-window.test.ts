import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../core/seeded-random.ts';
import { ReorderWindow, type WindowEntry } from './reorder-window.ts';

function entries(count: number, seed: number): WindowEntry[] {
  const random = mulberry32(seed);
  // Times drift forward with local disorder; few distinct ids, so equal keys happen.
  return Array.from({ length: count }, (_, seq) => ({ ms: seq * 10 + Math.floor(random() * 300), id: `id-${Math.floor(random() * 3)}`, seq, chars: 10 + Math.floor(random() * 90) }));
}

test('reorder window: holds at most its limits, releases in (ts, id) order, and says which keys came late', () => {
  for (const limits of [{ events: 5 }, { events: 64 }, { chars: 200 }]) {
    const window = new ReorderWindow<WindowEntry>(limits);
    const released: WindowEntry[] = [];
    let late = 0;
    let held = 0;
    for (const entry of entries(2000, 9)) {
      if (window.isLate(entry.ms, entry.id)) {
        late++;
        continue;
      }
      released.push(...(window.add(entry) ?? []));
      held = Math.max(held, window.size);
      assert.ok(window.size <= (limits.events ?? Infinity));
    }
    released.push(...window.drain());
    assert.equal(window.size, 0);
    assert.equal(released.length + late, 2000);
    for (let i = 1; i < released.length; i++) {
      const [a, b] = [released[i - 1] as WindowEntry, released[i] as WindowEntry];
      assert.ok(a.ms < b.ms || (a.ms === b.ms && a.id <= b.id), `${JSON.stringify(a)} before ${JSON.stringify(b)}`);
    }
    if (limits.events === 5) assert.ok(late > 0, 'a window of 5 is too small for this disorder');
    if (limits.events === 64) assert.equal(late, 0, 'a window of 64 holds it all');
  }
});

test('reorder window: equal keys leave as one run, and a key equal to the last released one is late', () => {
  const window = new ReorderWindow<WindowEntry>({ events: 2 });
  assert.equal(window.add({ ms: 5, id: 'a', seq: 0, chars: 1 }), undefined);
  assert.equal(window.add({ ms: 5, id: 'a', seq: 1, chars: 1 }), undefined);
  const run = window.add({ ms: 6, id: 'a', seq: 2, chars: 1 });
  assert.deepEqual(run?.map((entry) => entry.seq), [0, 1]);
  assert.equal(window.isLate(5, 'a'), true);
  assert.equal(window.isLate(5, 'b'), false);
  assert.equal(window.isLate(4, 'z'), true);
});
