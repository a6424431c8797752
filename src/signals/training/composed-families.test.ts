import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRng } from '../classifier/rng.ts';
import { COMPOSED_FAMILIES } from './composed-families.ts';
import { FAMILY_GENERATIONS, HELD_OUT_FAMILIES } from './corpus.ts';
import { fill, heldOutFamilyIds } from './family.ts';
import { makeSlots, proceduralQuestion } from './fillers.ts';

test('composed families: each yields many distinct texts (compositional, not a handful of sentences)', () => {
  const rng = seededRng(3);
  for (const family of COMPOSED_FAMILIES) {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) seen.add(fill(family, makeSlots(proceduralQuestion(rng), rng), rng));
    assert.ok(seen.size >= 30, `${family.id}: ${seen.size} distinct of 60`);
  }
});

test('composed families: adding them leaves the earlier held-out assignment unchanged', () => {
  const first = FAMILY_GENERATIONS[0]!;
  const composed = new Set(COMPOSED_FAMILIES.map((f) => f.id));
  for (const id of heldOutFamilyIds(first)) assert.ok(HELD_OUT_FAMILIES.has(id), id);
  for (const family of [...first, ...COMPOSED_FAMILIES]) {
    assert.equal(HELD_OUT_FAMILIES.has(family.id), (composed.has(family.id) ? heldOutFamilyIds(COMPOSED_FAMILIES) : heldOutFamilyIds(first)).has(family.id), family.id);
  }
  // Every kind of composed family keeps at least one family on the training side.
  for (const kind of new Set(COMPOSED_FAMILIES.map((f) => f.kind))) {
    assert.ok(COMPOSED_FAMILIES.some((f) => f.kind === kind && !HELD_OUT_FAMILIES.has(f.id)), kind);
  }
});
