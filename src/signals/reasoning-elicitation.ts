/**
 * `reasoning_elicitation`: requests to reveal, reconstruct or write out reasoning, or to reason in a forced language or format.
 * One head of the shared hashed-feature logistic model (classifier/); the features are extracted once
 * per request for all four text heads (classifier/text-features.ts).
 */
import { textSignalScores } from './classifier/text-features.ts';
import type { SignalFn } from './types.ts';

/** Probability in [0, 1] that the user text is a reasoning-elicitation request. */
export const reasoningElicitation: SignalFn<number> = (_req, text) => textSignalScores(text).reasoning_elicitation;
