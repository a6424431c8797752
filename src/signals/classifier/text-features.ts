/**
 * The per-request classifier pass shared by the four text signals (reasoning_elicitation, jailbreak,
 * prompt_extraction, rubric_harvest): the first of them to run extracts the features and scores every
 * head; the others read the cached scores. Keyed by the RequestText object, which the signal stage
 * computes once per request, so the cache lives exactly as long as the request's text views.
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
const cache = new WeakMap<RequestText, HeadScores>();

/** The shipped model's scores for this request's text, computed once per RequestText object. */
export function textSignalScores(text: RequestText): HeadScores {
  let scores = cache.get(text);
  if (!scores) {
    model ??= shippedModel();
    scores = scoreWithModel(text, model);
    cache.set(text, scores);
  }
  return scores;
}
