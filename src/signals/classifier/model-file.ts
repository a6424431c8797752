/**
 * The on-disk form of a LinearModel: a small JSON header (dimensions, head and dense-feature names,
 * biases and dense weights as numbers, one int8 scale per head) and a binary file of the hashed weights
 * as signed bytes, bucket-major (weight = byte * hashedScale[head]). Format 1 (IEEE 754 half floats) is
 * still read. The float16 helpers stay for format 1.
 */
import { createHash } from 'node:crypto';
import { DENSE_FEATURE_NAMES } from './dense-features.ts';
import { HEAD_COUNT, HEADS, quantizeModel, type LinearModel } from './model.ts';

export const MODEL_FORMAT = 'distillguard-hashed-logistic/2';
const MODEL_FORMAT_FLOAT16 = 'distillguard-hashed-logistic/1';

export interface ModelHeader {
  format: typeof MODEL_FORMAT | typeof MODEL_FORMAT_FLOAT16;
  bits: number;
  heads: string[];
  denseFeatures: string[];
  bias: number[];
  /** dense[feature * heads + head], as in LinearModel. */
  dense: number[];
  hashedFile: string;
  hashedEncoding: 'int8' | 'float16le';
  /** Per head: the value of one int8 step (format 2). */
  hashedScale?: number[];
  /** sha256 of the binary file, checked at load. */
  hashedSha256: string;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);
  let e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    let half = mantissa >>> shift;
    const remainder = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (remainder > halfway || (remainder === halfway && (half & 1) === 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mantissa >>> 13);
  const remainder = mantissa & 0x1fff;
  if (remainder > 0x1000 || (remainder === 0x1000 && (half & 1) === 1)) half++;
  e = half >>> 10;
  return sign | half;
}

export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa !== 0 ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function round6(value: number): number {
  return Number(value.toPrecision(6));
}

export function encodeModel(model: LinearModel, hashedFile: string): { header: ModelHeader; binary: Buffer } {
  const { quantized } = quantizeModel(model);
  if (!quantized) throw new Error('quantizeModel returned no int8 weights');
  const binary = Buffer.from(quantized.q.buffer, quantized.q.byteOffset, quantized.q.byteLength);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    bits: model.bits,
    heads: [...HEADS],
    denseFeatures: [...DENSE_FEATURE_NAMES],
    bias: Array.from(model.bias, round6),
    dense: Array.from(model.dense, round6),
    hashedFile,
    hashedEncoding: 'int8',
    // float32 values written exactly, so the loaded scale is bit-identical to the one used at encoding.
    hashedScale: Array.from(quantized.scale),
    hashedSha256: createHash('sha256').update(binary).digest('hex'),
  };
  return { header, binary };
}

export function decodeModel(header: ModelHeader, binary: Uint8Array): LinearModel {
  if (header.format !== MODEL_FORMAT && header.format !== MODEL_FORMAT_FLOAT16) throw new Error(`unknown model format ${String(header.format)}`);
  if (header.heads.join(',') !== HEADS.join(',')) throw new Error(`model heads ${header.heads.join(',')} do not match ${HEADS.join(',')}`);
  if (header.denseFeatures.join(',') !== DENSE_FEATURE_NAMES.join(',')) throw new Error('model dense features do not match this build');
  const weights = (1 << header.bits) * HEAD_COUNT;
  const int8 = header.format === MODEL_FORMAT;
  const expected = weights * (int8 ? 1 : 2);
  if (binary.length !== expected) throw new Error(`model weights: ${binary.length} bytes, expected ${expected}`);
  const digest = createHash('sha256').update(binary).digest('hex');
  if (digest !== header.hashedSha256) throw new Error('model weights do not match their sha256');
  const dense = Float32Array.from(header.dense);
  const bias = Float32Array.from(header.bias);
  if (int8) {
    const scale = Float32Array.from(header.hashedScale ?? []);
    if (scale.length !== HEAD_COUNT) throw new Error(`model weights: ${scale.length} head scales, expected ${HEAD_COUNT}`);
    const q = new Int8Array(weights);
    q.set(new Int8Array(binary.buffer, binary.byteOffset, binary.byteLength));
    const hashed = new Float32Array(weights);
    for (let i = 0; i < weights; i++) hashed[i] = q[i]! * scale[i % HEAD_COUNT]!;
    return { bits: header.bits, hashed, dense, bias, quantized: { q, scale } };
  }
  const view = new DataView(binary.buffer, binary.byteOffset, binary.byteLength);
  const hashed = new Float32Array(weights);
  for (let i = 0; i < weights; i++) hashed[i] = fromFloat16Bits(view.getUint16(i * 2, true));
  return quantizeModel({ bits: header.bits, hashed, dense, bias });
}
