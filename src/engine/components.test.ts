import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createComponentIndex, noteLinkAdded, noteLinkRemoved, noteLinkReweighed, regroup, type ComponentIndex, type LinkView } from './components.ts';

/** A graph the index follows: links are added and removed through both. */
function world(): { index: ComponentIndex; view: LinkView; add: (a: number, b: number) => void; remove: (a: number, b: number) => void } {
  const index = createComponentIndex();
  const adjacency = new Map<number, Map<number, { weight: number }>>();
  const neighbours = (x: number): Map<number, { weight: number }> => {
    let linked = adjacency.get(x);
    if (linked === undefined) adjacency.set(x, (linked = new Map()));
    return linked;
  };
  return {
    index,
    view: adjacency,
    add(a, b) {
      neighbours(a).set(b, { weight: 0.8 });
      neighbours(b).set(a, { weight: 0.8 });
      noteLinkAdded(index, a, b);
    },
    remove(a, b) {
      neighbours(a).delete(b);
      neighbours(b).delete(a);
      noteLinkRemoved(index, a);
    },
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

function clique(w: ReturnType<typeof world>, nodes: readonly number[]): void {
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) w.add(nodes[i]!, nodes[j]!);
}

/** The current groups (parts of two or more accounts), by smallest account. */
function groups(index: ComponentIndex): number[][] {
  return [...new Set(index.partOf.values())].filter((part) => part.length >= 2).sort((x, y) => x[0]! - y[0]!);
}

describe('linked components and their operators', () => {
  it('splits a new component into operators and reports the parts that came and went', () => {
    const w = world();
    clique(w, range(0, 10));
    clique(w, range(10, 20));
    w.add(0, 10);
    const { added } = regroup(w.index, w.view);
    assert.deepEqual(added, [range(0, 10), range(10, 20)]);
    assert.deepEqual(groups(w.index), [range(0, 10), range(10, 20)]);
  });

  it('keeps the parts of a large component until enough of its links changed, lone newcomers joining their part', () => {
    const w = world();
    clique(w, range(0, 30));
    clique(w, range(30, 60));
    w.add(0, 30);
    regroup(w.index, w.view);
    // A newcomer linked into the second crew: one part grows, nothing is split again (3 of 871 links changed).
    for (const x of [31, 32, 33]) w.add(60, x);
    const { removed, added } = regroup(w.index, w.view);
    assert.deepEqual(removed, [range(30, 60), [60]]);
    assert.deepEqual(added, [range(30, 61)]);
    // A third crew forming, each account linked to one of the first: each joins the first crew's part
    // (14 changes); once its own links bring the changes to a tenth of the component's, the split sees it.
    const third = range(61, 75);
    for (const x of third) w.add(x, 0);
    regroup(w.index, w.view);
    assert.deepEqual(groups(w.index), [[...range(0, 30), ...third], range(30, 61)]);
    clique(w, third);
    regroup(w.index, w.view);
    assert.deepEqual(groups(w.index), [range(0, 30), range(30, 61), third]);
  });

  it('counts re-weighed links as changes and notices a component that came apart', () => {
    const w = world();
    clique(w, range(0, 8));
    clique(w, range(8, 16));
    w.add(0, 8);
    regroup(w.index, w.view);
    assert.deepEqual(regroup(w.index, w.view), { removed: [], added: [] });
    w.remove(0, 8);
    for (let i = 0; i < 6; i++) noteLinkReweighed(w.index, 1);
    regroup(w.index, w.view);
    assert.deepEqual(groups(w.index), [range(0, 8), range(8, 16)]);
    assert.notEqual(w.index.of.get(0), w.index.of.get(8));
  });
});
