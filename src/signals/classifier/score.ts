/** Scores one request's text views with a given model (no model loading here: see text-features.ts). */
import type { RequestText } from '../types.ts';
import { DENSE_FEATURE_COUNT } from './dense-features.ts';
import { classifierText, hashedMarginsOf, packHeadWeights } from './features.ts';
import { HEAD_COUNT, HEADS, quantizeWeights, sigmoid, type HeadName, type LinearModel, type QuantizedWeights } from './model.ts';

export type HeadScores = Readonly<Record<HeadName, number>>;

const margins = new Float64Array(HEAD_COUNT);
/** Int8 weights of models that were not loaded or quantized as shipped (freshly trained ones). */
const quantizedOf = new WeakMap<LinearModel, QuantizedWeights>();
/** The int8 weights packed four heads to a word (packHeadWeights), made once per set of weights. */
const packedOf = new WeakMap<QuantizedWeights, Int32Array>();

function weightsOf(linear: LinearModel): QuantizedWeights {
  if (linear.quantized) return linear.quantized;
  let q = quantizedOf.get(linear);
  if (!q) {
    q = quantizeWeights(linear.hashed);
    quantizedOf.set(linear, q);
  }
  return q;
}

function packedWeightsOf(weights: QuantizedWeights): Int32Array {
  let packed = packedOf.get(weights);
  if (!packed) {
    packed = packHeadWeights(weights.q);
    packedOf.set(weights, packed);
  }
  return packed;
}

/**
 * Probabilities in [0, 1] for every head, from the user-authored text and the decoded hidden
 * instructions. The system prompt is not read: it is the provider's (or the app's) own text, and
 * system prompts legitimately say "you are X, act as Y". Reads the int8 hashed weights (a model without
 * them, e.g. one just trained, is quantized on first use, as it would be when shipped).
 */
export function scoreWithModel(text: RequestText, linear: LinearModel): HeadScores {
  // The same margins as marginsOf(linear, extractFeatures(...)), without materialising the vector.
  const weights = weightsOf(linear);
  const dense = hashedMarginsOf(classifierText(text.user, text.decoded), text.decoded, linear.bits, packedWeightsOf(weights), weights.scale, margins);
  for (let h = 0; h < HEAD_COUNT; h++) margins[h] = margins[h]! + linear.bias[h]!;
  for (let d = 0; d < DENSE_FEATURE_COUNT; d++) {
    const value = dense[d]!;
    if (value === 0) continue;
    for (let h = 0; h < HEAD_COUNT; h++) margins[h] = margins[h]! + linear.dense[d * HEAD_COUNT + h]! * value;
  }
  const scores = {} as Record<HeadName, number>;
  for (let h = 0; h < HEAD_COUNT; h++) scores[HEADS[h]!] = sigmoid(margins[h]!);
  return scores;
}
