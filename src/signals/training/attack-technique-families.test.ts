import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRng } from '../classifier/rng.ts';
import { TECHNIQUE_FAMILIES } from './attack-technique-families.ts';
import { ALL_FAMILIES, FAMILY_GENERATIONS, HELD_OUT_FAMILIES } from './corpus.ts';
import { datasetsAvailable, datasetsDirectory, loadAllDatasets } from './datasets.ts';
import { fill, heldOutFamilyIds, type Family } from './family.ts';
import { makeSlots, proceduralQuestion } from './fillers.ts';

function texts(family: Family, seed: number, count: number): string[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => fill(family, makeSlots(proceduralQuestion(rng), rng), rng));
}

test('technique families: deterministic for a seed, different for another', () => {
  for (const family of TECHNIQUE_FAMILIES) {
    assert.deepEqual(texts(family, 11, 20), texts(family, 11, 20), family.id);
    assert.notDeepEqual(texts(family, 11, 20), texts(family, 12, 20), family.id);
  }
});

test('technique families: unique ids, each compositional, and no two families write the same texts', () => {
  const ids = ALL_FAMILIES.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length);
  const owner = new Map<string, string>();
  for (const family of TECHNIQUE_FAMILIES) {
    const written = new Set(texts(family, 5, 80));
    // Short-input and fixed-list hard negatives draw from small pools; the attack families must not.
    const minimum = family.kind === 'negative' ? 8 : 40;
    assert.ok(written.size >= minimum, `${family.id}: ${written.size} distinct of 80`);
    for (const text of written) {
      const other = owner.get(text);
      assert.ok(other === undefined, `${family.id} and ${other} both write: ${text}`);
      owner.set(text, family.id);
    }
  }
});

test('technique families: every kind keeps families on both sides of the held-out split; earlier generations keep theirs', () => {
  for (const kind of new Set(TECHNIQUE_FAMILIES.map((f) => f.kind))) {
    const ids = TECHNIQUE_FAMILIES.filter((f) => f.kind === kind).map((f) => f.id);
    assert.ok(ids.some((id) => HELD_OUT_FAMILIES.has(id)) && ids.some((id) => !HELD_OUT_FAMILIES.has(id)), kind);
  }
  for (const generation of FAMILY_GENERATIONS) {
    for (const family of generation) assert.equal(HELD_OUT_FAMILIES.has(family.id), heldOutFamilyIds(generation).has(family.id), family.id);
  }
});

/**
 * Lower-cased runs of `n` words: a copied sentence shares them, independent wording does not. Runs of
 * single characters are left out: letter-spacing a phrase ("s a y  i t") is a technique, not a text.
 */
function shingles(text: string, n: number): string[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    const run = words.slice(i, i + n);
    if (run.some((w) => w.length > 1)) out.push(run.join(' '));
  }
  return out;
}

test('no generator family copies dataset text (no 12-word run in common with any shared dataset)', { skip: !datasetsAvailable() && 'shared datasets absent' }, () => {
  const seen = new Set<string>();
  for (const rows of Object.values(loadAllDatasets(datasetsDirectory()))) {
    for (const row of rows) for (const s of shingles(row.text, 12)) seen.add(s);
  }
  const shared = new Set<string>();
  for (const family of ALL_FAMILIES) {
    for (const text of texts(family, 3, 60)) {
      for (const s of shingles(text, 12)) if (seen.has(s)) shared.add(`${family.id}: "${s}"`);
    }
  }
  assert.deepEqual([...shared], []);
});
