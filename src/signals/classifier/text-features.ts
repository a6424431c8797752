/**
 * The per-request classifier pass shared by the four text signals (reasoning_elicitation, jailbreak,
 * prompt_extraction, rubric_harvest): the first of them to run extracts the features and scores every
 * head; the others read the cached scores. Keyed by the RequestText object, which the signal stage
 * computes once per request.
 */
import type { RequestText } from '../types.ts';
import { shippedModel } from './loader.ts';
import type { LinearModel } from './model.ts';
import { scoreWithModel, type HeadScores } from './score.ts';

export type { HeadScores } from './score.ts';

/**
 * Loaded once, on the first request scored: commands that never compute signals (serve, keys, events)
 * neither read the weights nor fail when they are missing.
 */
let model: LinearModel | undefined;
/**
 * The last request scored: the four heads of a request run one after the other, so one entry is enough,
 * and costs less than a WeakMap insertion per request. It keeps one request's text views alive.
 */
let lastText: RequestText | undefined;
let lastScores: HeadScores | undefined;

/** The shipped model's scores for this request's text, computed once for the four heads of a request. */
export function textSignalScores(text: RequestText): HeadScores {
  if (text === lastText && lastScores !== undefined) return lastScores;
  model ??= shippedModel();
  const scores = scoreWithModel(text, model);
  lastText = text;
  lastScores = scores;
  return scores;
}
