import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRng } from '../classifier/rng.ts';
import { ATTACK_VARIETY_FAMILIES } from './attack-variety-families.ts';
import { FAMILY_GENERATIONS, HELD_OUT_FAMILIES } from './corpus.ts';
import { DISTILLATION_WRAPPER_FAMILIES } from './distillation-wrapper-families.ts';
import { fill, heldOutFamilyIds, type Family } from './family.ts';
import { makeSlots, proceduralQuestion } from './fillers.ts';
import { REASONING_VARIETY_FAMILIES } from './reasoning-variety-families.ts';
import { SENSITIVE_VOCABULARY_FAMILIES } from './sensitive-vocabulary-families.ts';

const GENERATIONS: ReadonlyArray<readonly [string, readonly Family[]]> = [
  ['distillation wrappers', DISTILLATION_WRAPPER_FAMILIES],
  ['attack variety', ATTACK_VARIETY_FAMILIES],
  ['reasoning variety', REASONING_VARIETY_FAMILIES],
  ['sensitive vocabulary', SENSITIVE_VOCABULARY_FAMILIES],
];

function texts(family: Family, seed: number, count: number): string[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => fill(family, makeSlots(proceduralQuestion(rng), rng), rng));
}

for (const [name, families] of GENERATIONS) {
  test(`${name} families: deterministic for a seed; positives compositional; no two families write the same text`, () => {
    const owner = new Map<string, string>();
    for (const family of families) {
      assert.deepEqual(texts(family, 11, 20), texts(family, 11, 20), family.id);
      const written = new Set(texts(family, 5, 80));
      // Hard negatives may draw from fixed lists of ordinary requests; a positive wrapper must vary.
      assert.ok(written.size >= (family.kind === 'negative' ? 5 : 40), `${family.id}: ${written.size} distinct of 80`);
      for (const text of written) {
        const other = owner.get(text);
        assert.ok(other === undefined, `${family.id} and ${other} both write: ${text}`);
        owner.set(text, family.id);
      }
    }
  });

  test(`${name} families: a generation of their own, each kind with families on both sides of the held-out split`, () => {
    assert.ok(FAMILY_GENERATIONS.includes(families));
    const held = heldOutFamilyIds(families);
    for (const family of families) assert.equal(HELD_OUT_FAMILIES.has(family.id), held.has(family.id), family.id);
    for (const kind of new Set(families.map((f) => f.kind))) {
      const ids = families.filter((f) => f.kind === kind).map((f) => f.id);
      assert.ok(ids.some((id) => held.has(id)) && ids.some((id) => !held.has(id)), `${name}: ${kind}`);
    }
  });
}

test('distillation wrappers and reasoning variety: every positive keeps the task it wraps (a distiller harvests the answer too)', () => {
  const rng = seededRng(9);
  for (const family of [...DISTILLATION_WRAPPER_FAMILIES, ...REASONING_VARIETY_FAMILIES].filter((f) => f.kind === 'reasoning_elicitation')) {
    for (let i = 0; i < 20; i++) {
      const slots = makeSlots(proceduralQuestion(rng), rng);
      const text = fill(family, slots, rng);
      assert.ok(text.includes(slots.question), `${family.id}: ${text}`);
    }
  }
});

test('attack variety: ciphered goals are not left in plain text', () => {
  const cipher = ATTACK_VARIETY_FAMILIES.find((f) => f.id === 'jailbreak/variety-cipher-then-obey')!;
  for (const text of texts(cipher, 3, 40)) {
    const body = text.split('\n').slice(1).join('\n');
    assert.ok(!/\b(explain|write|tell me|describe|give)\b/i.test(body), text);
  }
});

test('reasoning variety: options to weigh, or to answer with a letter, are numbers around the numeric answer; other answers get none', () => {
  const optionLine = /^(?:[A-E][).]|\([a-d]\)|[1-4]\.) (\S.*)$/;
  const families = REASONING_VARIETY_FAMILIES.filter((f) => f.id === 'reasoning/variety-option-by-option' || f.id === 'negative/reasoning-variety-answer-only');
  assert.equal(families.length, 2);
  const rng = seededRng(4);
  let withOptions = 0;
  let without = 0;
  for (let i = 0; i < 400; i++) {
    const family = families[i % 2]!;
    const slots = makeSlots(proceduralQuestion(rng), rng);
    const text = fill(family, slots, rng);
    const options = text.split('\n').flatMap((line) => optionLine.exec(line)?.[1] ?? []);
    if (options.length === 0) {
      without++;
      assert.ok(!/\b(?:letter|each option|every choice|all the options|other options)\b/.test(text), text);
      continue;
    }
    withOptions++;
    assert.ok(/^\$?\d+(?:\.\d+)?(?: ?[a-z%^0-9]+)?$/i.test(slots.answer.trim()), `options for a non-numeric answer: ${text}`);
    assert.ok(options.length >= 4 && new Set(options).size === options.length, text);
    assert.ok(options.includes(slots.answer.trim()), `the answer is among the options: ${text}`);
    for (const option of options) assert.match(option, /\d/, text);
  }
  assert.ok(withOptions > 20 && without > 20, `${withOptions} with options, ${without} without`);
});
