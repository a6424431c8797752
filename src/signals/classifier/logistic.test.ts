import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DENSE_FEATURE_COUNT } from './dense-features.ts';
import type { FeatureVector } from './features.ts';
import { DEFAULT_TRAIN_OPTIONS, trainLinearModel, type TrainingExample } from './logistic.ts';
import { HEAD_COUNT, marginsOf } from './model.ts';

/** An example over hashed buckets `buckets` (equal values, L2-normalised) labelled for head 0 only. */
function example(buckets: number[], label: 0 | 1): TrainingExample {
  const value = 1 / Math.sqrt(buckets.length);
  const features: FeatureVector = {
    indices: Int32Array.from(buckets),
    values: Float32Array.from(buckets, () => value),
    size: buckets.length,
    dense: new Float32Array(DENSE_FEATURE_COUNT),
  };
  return { features, labels: Int8Array.of(label, -1, -1, -1), weight: 1 };
}

// Bucket 1 marks positives; a few negatives also carry it, with bucket 2 that only they have.
const POSITIVE = 1;
const HARD = 2;
const examples: TrainingExample[] = [];
for (let i = 0; i < 400; i++) examples.push(example([10 + (i % 50)], 0));
for (let i = 0; i < 200; i++) examples.push(example([POSITIVE, 100 + (i % 20)], 1));
for (let i = 0; i < 6; i++) examples.push(example([POSITIVE, HARD, 10 + i], 0));

function hardNegativeMargin(options: typeof DEFAULT_TRAIN_OPTIONS): { hard: number; positive: number } {
  const model = trainLinearModel(examples, options);
  const margins = new Float64Array(HEAD_COUNT);
  marginsOf(model, examples.at(-1)!.features, margins);
  const hard = margins[0]!;
  marginsOf(model, examples[400]!.features, margins);
  return { hard, positive: margins[0]! };
}

test('hard-example emphasis pushes the rare negatives that look like positives further down', () => {
  const base = { ...DEFAULT_TRAIN_OPTIONS, bits: 8, epochs: 6 };
  const plain = hardNegativeMargin({ ...base, hardFromEpoch: 0 });
  const emphasised = hardNegativeMargin({ ...base, hardFromEpoch: 1, hardQuantile: 0.02, hardFactor: 10 });
  assert.ok(emphasised.hard < plain.hard - 0.5, `hard negative margin ${emphasised.hard} (emphasis) vs ${plain.hard} (plain)`);
  assert.ok(emphasised.positive > 0, 'positives stay positive');
});

test('without emphasis (hardFromEpoch 0) the factor has no effect', () => {
  const base = { ...DEFAULT_TRAIN_OPTIONS, bits: 8, epochs: 3, hardFromEpoch: 0 };
  const a = trainLinearModel(examples, { ...base, hardFactor: 1 });
  const b = trainLinearModel(examples, { ...base, hardFactor: 50 });
  assert.deepEqual(a.hashed, b.hashed);
});
