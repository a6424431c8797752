/**
 * `jailbreak`: instruction overrides, unrestricted personas, fiction or hypothetical framing of harmful requests, optimiser suffixes, token spam and encoded instructions.
 * One head of the shared hashed-feature logistic model (classifier/); the features are extracted once
 * per request for all four text heads (classifier/text-features.ts).
 */
import { textSignalScores } from './classifier/text-features.ts';
import type { SignalFn } from './types.ts';

/** Probability in [0, 1] that the user text is a jailbreak or instruction override. */
export const jailbreak: SignalFn<number> = (_req, text) => textSignalScores(text).jailbreak;
