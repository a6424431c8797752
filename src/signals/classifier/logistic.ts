/**
 * Logistic regression for all heads at once, trained by AdaGrad on the sparse hashed features plus
 * the dense ones. Each example carries one label per head (1, 0, or -1 = not labelled for that head),
 * so a text can teach one head without being forced into another's classes. Classes are re-weighted
 * per head so that both sides of each head weigh the same in total (before hard-example emphasis, which
 * then tilts an epoch towards the examples on the wrong side of the head's line: see hardFromEpoch); the
 * L2 penalty is applied lazily to the weights an example touches. Deterministic: the only randomness is
 * the seeded shuffle.
 */
import { DENSE_FEATURE_COUNT } from './dense-features.ts';
import type { FeatureVector } from './features.ts';
import { emptyModel, HEAD_COUNT, marginsOf, sigmoid, type LinearModel } from './model.ts';
import { seededRng, shuffleInPlace } from './rng.ts';

export interface TrainingExample {
  features: FeatureVector;
  /** Per head: 1 positive, 0 negative, -1 not labelled. */
  labels: Int8Array;
  /** Relative weight of the example (e.g. to keep one large source from dominating). */
  weight: number;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * From this epoch on, counted from 0 (so 1 = from the second epoch; 0 = never), each epoch starts by scoring
   * every example. Per head, the line is the margin of the negative at rank floor(hardQuantile x negatives),
   * the highest first (example weights are not counted); negatives at or above it, and positives at or below
   * it, weigh `hardFactor` times as much for the epoch. A detector is run at a threshold near its highest-scoring
   * negatives (1% FPR or less), and a plain log loss spends most of its effort on examples far from there.
   */
  hardFromEpoch: number;
  hardQuantile: number;
  hardFactor: number;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = {
  // 2^18 buckets: on the development split 2^16 lost 0.03-0.05 of reasoning TPR at 0.5% FPR to collisions; the
  // larger table costs ~4 µs per 1 KB request (its 1 MB of int8 weights is read from L2, not L1).
  bits: 18,
  epochs: 8,
  learningRate: 0.3,
  l2: 1e-6,
  seed: 20240611,
  // Chosen on the development split (dev.ts): TPR at 0.1% FPR rose 0.02-0.06 on every head, with a
  // factor of 10 rather than 20 so that a few mislabelled negatives cannot dominate an epoch.
  hardFromEpoch: 1,
  hardQuantile: 0.02,
  hardFactor: 10,
};

const EPSILON = 1e-8;

export function trainLinearModel(examples: readonly TrainingExample[], options: Readonly<TrainOptions>): LinearModel {
  const model = emptyModel(options.bits);
  const hashedSquares = new Float32Array(model.hashed.length);
  const denseSquares = new Float32Array(model.dense.length);
  const biasSquares = new Float64Array(HEAD_COUNT);

  // Per-head class weights: each class contributes half of the head's total weight.
  const classWeight = [new Float64Array(HEAD_COUNT), new Float64Array(HEAD_COUNT)] as const;
  const totals = [new Float64Array(HEAD_COUNT), new Float64Array(HEAD_COUNT)] as const;
  for (const example of examples) {
    for (let h = 0; h < HEAD_COUNT; h++) {
      const label = example.labels[h]!;
      if (label === 0 || label === 1) totals[label][h] = totals[label][h]! + example.weight;
    }
  }
  for (let h = 0; h < HEAD_COUNT; h++) {
    const all = totals[0][h]! + totals[1][h]!;
    for (const label of [0, 1] as const) classWeight[label][h] = totals[label][h]! > 0 ? all / (2 * totals[label][h]!) : 0;
  }

  const order = examples.map((_, i) => i);
  const rng = seededRng(options.seed);
  const margins = new Float64Array(HEAD_COUNT);
  const gradients = new Float64Array(HEAD_COUNT);
  const { learningRate, l2 } = options;
  const emphasis = new Float32Array(examples.length * HEAD_COUNT).fill(1);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    if (options.hardFromEpoch > 0 && epoch >= options.hardFromEpoch) emphasizeHardExamples(model, examples, options, emphasis);
    shuffleInPlace(rng, order);
    for (const index of order) {
      const example = examples[index]!;
      marginsOf(model, example.features, margins);
      let any = false;
      for (let h = 0; h < HEAD_COUNT; h++) {
        const label = example.labels[h]!;
        if (label !== 0 && label !== 1) {
          gradients[h] = 0;
          continue;
        }
        gradients[h] = (sigmoid(margins[h]!) - label) * example.weight * classWeight[label][h]! * emphasis[index * HEAD_COUNT + h]!;
        any = true;
      }
      if (!any) continue;
      const { indices, values } = example.features;
      for (let k = 0; k < example.features.size; k++) {
        const base = indices[k]! * HEAD_COUNT;
        const value = values[k]!;
        for (let h = 0; h < HEAD_COUNT; h++) {
          const g0 = gradients[h]!;
          if (g0 === 0) continue;
          const slot = base + h;
          const weight = model.hashed[slot]!;
          const g = g0 * value + l2 * weight;
          const squares = hashedSquares[slot]! + g * g;
          hashedSquares[slot] = squares;
          model.hashed[slot] = weight - (learningRate * g) / (Math.sqrt(squares) + EPSILON);
        }
      }
      for (let d = 0; d < DENSE_FEATURE_COUNT; d++) {
        const value = example.features.dense[d]!;
        if (value === 0) continue;
        for (let h = 0; h < HEAD_COUNT; h++) {
          const g0 = gradients[h]!;
          if (g0 === 0) continue;
          const slot = d * HEAD_COUNT + h;
          const weight = model.dense[slot]!;
          const g = g0 * value + l2 * weight;
          const squares = denseSquares[slot]! + g * g;
          denseSquares[slot] = squares;
          model.dense[slot] = weight - (learningRate * g) / (Math.sqrt(squares) + EPSILON);
        }
      }
      for (let h = 0; h < HEAD_COUNT; h++) {
        const g = gradients[h]!;
        if (g === 0) continue;
        biasSquares[h] = biasSquares[h]! + g * g;
        model.bias[h] = model.bias[h]! - (learningRate * g) / (Math.sqrt(biasSquares[h]!) + EPSILON);
      }
    }
  }
  return model;
}

/** Sets `emphasis` (example x head) from the current model: see TrainOptions.hardFromEpoch. */
function emphasizeHardExamples(model: LinearModel, examples: readonly TrainingExample[], options: Readonly<TrainOptions>, emphasis: Float32Array): void {
  const margins = new Float64Array(examples.length * HEAD_COUNT);
  const one = new Float64Array(HEAD_COUNT);
  examples.forEach((example, i) => {
    marginsOf(model, example.features, one);
    margins.set(one, i * HEAD_COUNT);
  });
  for (let h = 0; h < HEAD_COUNT; h++) {
    const negatives: number[] = [];
    examples.forEach((example, i) => {
      if (example.labels[h] === 0) negatives.push(margins[i * HEAD_COUNT + h]!);
    });
    if (negatives.length === 0) continue;
    negatives.sort((a, b) => b - a);
    const line = negatives[Math.min(negatives.length - 1, Math.floor(options.hardQuantile * negatives.length))]!;
    examples.forEach((example, i) => {
      const margin = margins[i * HEAD_COUNT + h]!;
      const label = example.labels[h];
      const hard = (label === 0 && margin >= line) || (label === 1 && margin <= line);
      emphasis[i * HEAD_COUNT + h] = hard ? options.hardFactor : 1;
    });
  }
}
