/**
 * The on-disk form of a LinearModel: a small JSON header (dimensions, head and dense-feature names,
 * biases and dense weights as numbers) and a binary file of the hashed weights as little-endian
 * IEEE 754 half floats (2 bytes each; the weights of a logistic model need ~3 significant digits).
 */
import { createHash } from 'node:crypto';
import { DENSE_FEATURE_NAMES } from './dense-features.ts';
import { HEAD_COUNT, HEADS, type LinearModel } from './model.ts';

export const MODEL_FORMAT = 'distillguard-hashed-logistic/1';

export interface ModelHeader {
  format: typeof MODEL_FORMAT;
  bits: number;
  heads: string[];
  denseFeatures: string[];
  bias: number[];
  /** dense[feature * heads + head], as in LinearModel. */
  dense: number[];
  hashedFile: string;
  hashedEncoding: 'float16le';
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
  const binary = Buffer.alloc(model.hashed.length * 2);
  for (let i = 0; i < model.hashed.length; i++) binary.writeUInt16LE(toFloat16Bits(model.hashed[i]!), i * 2);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    bits: model.bits,
    heads: [...HEADS],
    denseFeatures: [...DENSE_FEATURE_NAMES],
    bias: Array.from(model.bias, round6),
    dense: Array.from(model.dense, round6),
    hashedFile,
    hashedEncoding: 'float16le',
    hashedSha256: createHash('sha256').update(binary).digest('hex'),
  };
  return { header, binary };
}

export function decodeModel(header: ModelHeader, binary: Uint8Array): LinearModel {
  if (header.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(header.format)}`);
  if (header.heads.join(',') !== HEADS.join(',')) throw new Error(`model heads ${header.heads.join(',')} do not match ${HEADS.join(',')}`);
  if (header.denseFeatures.join(',') !== DENSE_FEATURE_NAMES.join(',')) throw new Error('model dense features do not match this build');
  const expected = (1 << header.bits) * HEAD_COUNT * 2;
  if (binary.length !== expected) throw new Error(`model weights: ${binary.length} bytes, expected ${expected}`);
  const digest = createHash('sha256').update(binary).digest('hex');
  if (digest !== header.hashedSha256) throw new Error('model weights do not match their sha256');
  const view = new DataView(binary.buffer, binary.byteOffset, binary.byteLength);
  const hashed = new Float32Array(expected / 2);
  for (let i = 0; i < hashed.length; i++) hashed[i] = fromFloat16Bits(view.getUint16(i * 2, true));
  return { bits: header.bits, hashed, dense: Float32Array.from(header.dense), bias: Float32Array.from(header.bias) };
}
