import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitGroup, type GroupEdge } from './communities.ts';

/** Every pair among `nodes` linked at `weight`. */
function clique(nodes: readonly number[], weight: number): GroupEdge[] {
  const edges: GroupEdge[] = [];
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) edges.push({ a: nodes[i]!, b: nodes[j]!, weight });
  return edges;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('splitting linked groups into operators', () => {
  it('separates two dense crews joined by a few links as strong as their own', () => {
    const a = range(0, 20);
    const b = range(20, 50);
    // The bridges weigh more than the links inside crew b: weight alone cannot tell them apart.
    const bridges: GroupEdge[] = [[0, 20], [0, 21], [1, 22], [2, 23], [3, 20], [4, 24]].map(([x, y]) => ({ a: x!, b: y!, weight: 0.75 }));
    const parts = splitGroup(range(0, 50), [...clique(a, 0.8), ...clique(b, 0.65), ...bridges]);
    assert.deepEqual(parts, [a, b]);
  });

  it('separates a small crew bridged to a big component (where modularity alone would merge it)', () => {
    const big = range(0, 70);
    const small = range(70, 80);
    const bridges: GroupEdge[] = [[70, 0], [71, 1], [72, 2], [73, 0], [74, 3], [75, 4], [76, 5], [77, 1], [78, 2]].map(([x, y]) => ({ a: x!, b: y!, weight: 0.62 }));
    const parts = splitGroup(range(0, 80), [...clique(big, 0.95), ...clique(small, 0.95), ...bridges]);
    assert.deepEqual(parts, [big, small]);
  });

  it('keeps one crew whole, even when it has sub-structure (two proxy subnets, all on one template)', () => {
    const a = range(0, 15);
    const b = range(15, 30);
    const across: GroupEdge[] = [];
    for (const x of a) for (const y of b) if ((x + y) % 2 === 0) across.push({ a: x, b: y, weight: 0.6 });
    const parts = splitGroup(range(0, 30), [...clique(a, 0.95), ...clique(b, 0.95), ...across]);
    assert.deepEqual(parts, [range(0, 30)]);
  });

  it('lets a lone, loosely attached account join the crew it is linked to', () => {
    const crew = range(0, 12);
    const parts = splitGroup(range(0, 13), [...clique(crew, 0.9), { a: 12, b: 3, weight: 0.6 }]);
    assert.deepEqual(parts, [range(0, 13)]);
  });

  it('never splits small groups and is deterministic', () => {
    const small = [3, 7, 9];
    assert.deepEqual(splitGroup(small, [{ a: 3, b: 7, weight: 0.7 }, { a: 7, b: 9, weight: 0.7 }]), [small]);
    const edges = [...clique(range(0, 10), 0.8), ...clique(range(10, 25), 0.7), { a: 0, b: 10, weight: 0.9 }];
    assert.deepEqual(splitGroup(range(0, 25), edges), splitGroup(range(0, 25), [...edges].reverse()));
  });
});
