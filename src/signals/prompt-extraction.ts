/**
 * `prompt_extraction`: attempts to print, repeat, translate or summarise the system prompt or hidden instructions, or to reveal a password or access code.
 * One head of the shared hashed-feature logistic model (classifier/); the features are extracted once
 * per request for all four text heads (classifier/text-features.ts).
 */
import { textSignalScores } from './classifier/text-features.ts';
import type { SignalFn } from './types.ts';

/** Probability in [0, 1] that the user text is a system-prompt or secret extraction attempt. */
export const promptExtraction: SignalFn<number> = (_req, text) => textSignalScores(text).prompt_extraction;
