/**
 * Training texts go through exactly the path a live request takes: a one-turn NormalizedRequest,
 * requestText (normalization, decoding) and the shared feature extraction.
 */
import { classifierText, copyFeatures, extractFeatures, type FeatureVector } from '../classifier/features.ts';
import { trainLinearModel, type TrainingExample, type TrainOptions } from '../classifier/logistic.ts';
import type { LinearModel } from '../classifier/model.ts';
import type { NormalizedRequest } from '../../protocol/types.ts';
import { requestText } from '../text/request-text.ts';
import type { RequestText } from '../types.ts';
import type { LabeledText } from './corpus.ts';

export function userRequest(text: string): NormalizedRequest {
  return { family: 'openai', kind: 'chat_completions', stream: false, system: '', turns: [{ role: 'user', text }], tools: [], params: {} };
}

export function textViewsOf(text: string): RequestText {
  return requestText(userRequest(text));
}

export function featuresOf(text: string, bits: number): FeatureVector {
  const views = textViewsOf(text);
  return copyFeatures(extractFeatures(classifierText(views.user, views.decoded), views.decoded, bits));
}

export function toExamples(texts: readonly LabeledText[], bits: number): TrainingExample[] {
  return texts.map((t) => ({ features: featuresOf(t.text, bits), labels: t.labels, weight: t.weight }));
}

export function trainOnTexts(texts: readonly LabeledText[], options: Readonly<TrainOptions>): LinearModel {
  return trainLinearModel(toExamples(texts, options.bits), options);
}
