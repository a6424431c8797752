/** Scores one request's text views with a given model (no model loading here: see text-features.ts). */
import type { RequestText } from '../types.ts';
import { DENSE_FEATURE_COUNT } from './dense-features.ts';
import { classifierText, hashedMarginsOf } from './features.ts';
import { HEAD_COUNT, HEADS, sigmoid, type HeadName, type LinearModel } from './model.ts';

export type HeadScores = Readonly<Record<HeadName, number>>;

const margins = new Float64Array(HEAD_COUNT);

/**
 * Probabilities in [0, 1] for every head, from the user-authored text and the decoded hidden
 * instructions. The system prompt is not read: it is the provider's (or the app's) own text, and
 * system prompts legitimately say "you are X, act as Y".
 */
export function scoreWithModel(text: RequestText, linear: LinearModel): HeadScores {
  // The same margins as marginsOf(linear, extractFeatures(...)), without materialising the vector.
  const dense = hashedMarginsOf(classifierText(text.user, text.decoded), text.decoded, linear.bits, linear.hashed, margins);
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
