/**
 * The multi-head linear model: one weight per (hashed bucket, head) and per (dense feature, head),
 * plus a bias per head. All heads read the same FeatureVector, so scoring four signals costs one
 * extraction and one pass over its non-zero buckets.
 */
import type { FeatureVector } from './features.ts';
import { DENSE_FEATURE_COUNT } from './dense-features.ts';

export const HEADS = ['reasoning_elicitation', 'jailbreak', 'prompt_extraction', 'rubric_harvest'] as const;
export type HeadName = (typeof HEADS)[number];
export const HEAD_COUNT = HEADS.length;

export interface LinearModel {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Hashed weights, bucket-major: hashed[bucket * HEAD_COUNT + head] (the heads of a bucket sit together). */
  hashed: Float32Array;
  /** Dense weights: dense[feature * HEAD_COUNT + head]. */
  dense: Float32Array;
  /** One intercept per head. */
  bias: Float32Array;
  /**
   * The hashed weights as the scoring path reads them: int8, bucket-major like `hashed`, with one scale
   * per head (weight = q * scale[head]). A quarter of the bytes of `hashed`, so the random bucket reads
   * of scoring touch less memory. Made by quantizeModel; `hashed` then holds the dequantized values.
   */
  quantized?: QuantizedWeights;
}

export interface QuantizedWeights {
  q: Int8Array;
  scale: Float32Array;
}

/** Per-head symmetric int8 quantization of the hashed weights (scale = max |w| / 127 per head). */
export function quantizeWeights(hashed: Float32Array): QuantizedWeights {
  const scale = new Float32Array(HEAD_COUNT);
  for (let i = 0; i < hashed.length; i++) {
    const h = i % HEAD_COUNT;
    const a = Math.abs(hashed[i]!);
    if (a > scale[h]!) scale[h] = a;
  }
  for (let h = 0; h < HEAD_COUNT; h++) scale[h] = scale[h]! > 0 ? scale[h]! / 127 : 1;
  const q = new Int8Array(hashed.length);
  for (let i = 0; i < hashed.length; i++) q[i] = Math.round(hashed[i]! / scale[i % HEAD_COUNT]!);
  return { q, scale };
}

/**
 * The model as it ships: hashed weights quantized to int8 per head, and `hashed` replaced by the
 * dequantized values so marginsOf and the fused scoring path agree. Idempotent.
 */
export function quantizeModel(model: LinearModel): LinearModel {
  if (model.quantized) return model;
  const quantized = quantizeWeights(model.hashed);
  const hashed = new Float32Array(model.hashed.length);
  for (let i = 0; i < hashed.length; i++) hashed[i] = quantized.q[i]! * quantized.scale[i % HEAD_COUNT]!;
  return { bits: model.bits, hashed, dense: model.dense, bias: model.bias, quantized };
}

export function emptyModel(bits: number): LinearModel {
  return {
    bits,
    hashed: new Float32Array((1 << bits) * HEAD_COUNT),
    dense: new Float32Array(DENSE_FEATURE_COUNT * HEAD_COUNT),
    bias: new Float32Array(HEAD_COUNT),
  };
}

/** Writes each head's margin (log-odds) for `features` into `out` (length HEAD_COUNT). */
export function marginsOf(model: LinearModel, features: FeatureVector, out: Float64Array): void {
  for (let h = 0; h < HEAD_COUNT; h++) out[h] = model.bias[h]!;
  const { hashed, dense } = model;
  const { indices, values } = features;
  for (let k = 0; k < features.size; k++) {
    const base = indices[k]! * HEAD_COUNT;
    const value = values[k]!;
    out[0] = out[0]! + hashed[base]! * value;
    out[1] = out[1]! + hashed[base + 1]! * value;
    out[2] = out[2]! + hashed[base + 2]! * value;
    out[3] = out[3]! + hashed[base + 3]! * value;
  }
  for (let d = 0; d < DENSE_FEATURE_COUNT; d++) {
    const value = features.dense[d]!;
    if (value === 0) continue;
    for (let h = 0; h < HEAD_COUNT; h++) out[h] = out[h]! + dense[d * HEAD_COUNT + h]! * value;
  }
}

export function sigmoid(margin: number): number {
  if (margin >= 0) return 1 / (1 + Math.exp(-margin));
  const e = Math.exp(margin);
  return e / (1 + e);
}
