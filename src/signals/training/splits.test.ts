import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_FAMILIES, buildCorpus, HELD_OUT_FAMILIES } from './corpus.ts';
import type { DatasetName, DatasetRow, Datasets } from './datasets.ts';
import { DEV_SPLITS, EVAL_SPLITS, halfOf, splitRows } from './splits.ts';

function rows(dataset: DatasetName, count: number, source = `x/${dataset}@0:file`): DatasetRow[] {
  return Array.from({ length: count }, (_, i) => ({ text: `${dataset} text number ${i} about topic ${i * 7}`, source, label: 'x', dataset }));
}

const fake: Datasets = {
  sharegpt: rows('sharegpt', 200),
  gsm8k: rows('gsm8k', 100),
  codealpaca: rows('codealpaca', 100),
  tensortrust: [...rows('tensortrust', 30, 'h@0:benchmarks/hijacking-robustness/v1/x.jsonl'), ...rows('tensortrust', 30, 'h@0:benchmarks/extraction-robustness/v1/x.jsonl').map((r) => ({ ...r, text: `${r.text} extraction` }))],
  jbb: rows('jbb', 40),
};

test('splitRows holds whole attack sources out and halves the benign ones by content hash', () => {
  for (const spec of EVAL_SPLITS) {
    const { train, test: testRows } = splitRows(Object.values(fake).flat(), spec);
    for (const r of train) assert.ok(!spec.testAttackSources.includes(r.dataset), `${r.dataset} in train of ${spec.name}`);
    for (const r of testRows) assert.ok(!spec.trainAttackSources.includes(r.dataset), `${r.dataset} in test of ${spec.name}`);
    for (const r of train) if (r.dataset === 'sharegpt') assert.equal(halfOf(r.text), 'train');
    for (const r of testRows) if (r.dataset === 'sharegpt') assert.equal(halfOf(r.text), 'test');
    assert.ok(testRows.some((r) => r.dataset === 'sharegpt') && train.some((r) => r.dataset === 'sharegpt'));
  }
  assert.throws(() => splitRows([], { name: 'bad', trainAttackSources: ['jbb'], testAttackSources: ['jbb'], holdOut: true }));
});

test('buildCorpus: no test-side row, test-half filler or held-out family text reaches training', () => {
  const counts = { perKind: { reasoning_elicitation: 200, rubric_harvest: 50, jailbreak: 50, prompt_extraction: 50, negative: 50 }, bareProblems: 50 };
  for (const spec of EVAL_SPLITS) {
    const corpus = buildCorpus(fake, spec, 5, counts);
    const testSideRows = Object.values(fake).flat().filter((r) => spec.testAttackSources.includes(r.dataset) || (!['tensortrust', 'jbb'].includes(r.dataset) && halfOf(r.text) === 'test'));
    for (const row of testSideRows) {
      for (const t of corpus.train) assert.ok(!t.text.includes(row.text), `${spec.name}: test-side text used in training (${t.group})`);
    }
    assert.ok(corpus.test.some((t) => t.group.startsWith('own-heldout/')));
    assert.ok(!corpus.train.some((t) => t.group.startsWith('own-heldout/')));
  }
  // Every kind keeps some families for training and holds some out.
  for (const kind of new Set(ALL_FAMILIES.map((f) => f.kind))) {
    const ids = ALL_FAMILIES.filter((f) => f.kind === kind).map((f) => f.id);
    assert.ok(ids.some((id) => HELD_OUT_FAMILIES.has(id)) && ids.some((id) => !HELD_OUT_FAMILIES.has(id)), kind);
  }
});

test('the development splits never use the evaluation test half, and halve the train half', () => {
  for (const spec of DEV_SPLITS) {
    const { train, test: testRows } = splitRows(Object.values(fake).flat(), spec);
    for (const r of [...train, ...testRows]) if (r.dataset === 'sharegpt') assert.equal(halfOf(r.text), 'train');
    assert.ok(train.some((r) => r.dataset === 'sharegpt') && testRows.some((r) => r.dataset === 'sharegpt'));
    for (const r of testRows) assert.ok(!['tensortrust', 'jbb'].includes(r.dataset), r.dataset);
  }
});
