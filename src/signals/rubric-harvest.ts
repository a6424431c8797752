/**
 * `rubric_harvest`: prompts that use the model as a grader or reward model (scores against a rubric, pairwise preferences, rankings of candidate answers).
 * One head of the shared hashed-feature logistic model (classifier/); the features are extracted once
 * per request for all four text heads (classifier/text-features.ts).
 */
import { textSignalScores } from './classifier/text-features.ts';
import type { SignalFn } from './types.ts';

/** Probability in [0, 1] that the user text is a grading or reward-model request. */
export const rubricHarvest: SignalFn<number> = (_req, text) => textSignalScores(text).rubric_harvest;
