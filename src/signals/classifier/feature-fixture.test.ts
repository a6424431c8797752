/**
 * What the classifier computes, pinned down: features and scores of seeded generated inputs
 * (fixture-texts.ts), recorded in feature-fixture.json from the implementation as it was before the
 * feature pass was rewritten for speed. Any change to a hash, a bucket, a count, a dense feature or the
 * order of the score sums fails here.
 *
 * The hashed features and the dense features do not depend on the weights. Scores are checked with a
 * seeded synthetic model (weights-independent, so a retrained model cannot break this test) and with the
 * shipped model while its weights are the ones recorded.
 *
 * To re-record (only when the features are meant to change, which invalidates the shipped weights):
 *   RECORD_FEATURE_FIXTURE=1 node --import tsx --test src/signals/classifier/feature-fixture.test.ts
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { mulberry32 } from '../../core/seeded-random.ts';
import type { RequestText } from '../types.ts';
import { DENSE_FEATURE_COUNT } from './dense-features.ts';
import { classifierText, extractFeatures, type FeatureVector } from './features.ts';
import { fixtureInputs, tinyMessages, type ClassifierInput } from './fixture-texts.ts';
import { shippedModel } from './loader.ts';
import { HEAD_COUNT, HEADS, quantizeModel, type LinearModel } from './model.ts';
import { scoreWithModel } from './score.ts';

const FIXTURE = new URL('./feature-fixture.json', import.meta.url);
const MODEL_HEADER = new URL('../models/signals.json', import.meta.url);
const RECORD = process.env.RECORD_FEATURE_FIXTURE === '1';
const INPUTS = 390;
const TINY = 10_000;
const BITS = 16;

interface Recorded {
  /** Non-zero hashed features: their count and a digest of the (bucket, float32 bits) pairs sorted by bucket. */
  hashedCount: number;
  hashedDigest: string;
  /**
   * The vector exactly as extractFeatures returns it: its size and a digest of its entries in order,
   * including a bucket listed again after its count went back to 0 (value 0). Scores sum in this order and
   * training applies its lazy L2 penalty to every entry, so both depend on it.
   */
  sequenceSize: number;
  sequenceDigest: string;
  dense: number[];
  synthetic: number[];
  shipped: number[];
}

interface Fixture {
  inputsSeed: number;
  tinySeed: number;
  /** sha256 of the shipped int8 weights the `shipped` scores were recorded with. */
  shippedWeightsSha256: string;
  inputs: Recorded[];
  /** Digests over all tiny messages (each lower-cased, as the text layer would): features, synthetic and shipped scores. */
  tiny: { hashedDigest: string; sequenceDigest: string; denseDigest: string; syntheticDigest: string; shippedDigest: string };
}

/** A model with a non-zero weight in every bucket and dense slot, from a seed (exercises every read). */
function syntheticModel(): LinearModel {
  const next = mulberry32(0x5eed);
  const hashed = new Float32Array((1 << BITS) * HEAD_COUNT);
  for (let i = 0; i < hashed.length; i++) hashed[i] = (next() * 2 - 1) * (1 + (i % HEAD_COUNT));
  const dense = Float32Array.from({ length: DENSE_FEATURE_COUNT * HEAD_COUNT }, () => next() * 4 - 2);
  const bias = Float32Array.from({ length: HEAD_COUNT }, () => next() * 2 - 1);
  return quantizeModel({ bits: BITS, hashed, dense, bias });
}

function views(input: ClassifierInput): RequestText {
  return { system: '', user: input.user, lastUser: input.user, decoded: input.decoded };
}

/** The non-zero (bucket, value) pairs sorted by bucket: independent of the order buckets were touched in. */
function sortedPairs(f: FeatureVector): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < f.size; k++) if (f.values[k] !== 0) pairs.push([f.indices[k]!, f.values[k]!]);
  return pairs.sort((a, b) => a[0] - b[0]);
}

function updatePairs(hash: ReturnType<typeof createHash>, pairs: Array<[number, number]>): void {
  const bytes = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([index, value], k) => {
    bytes.writeInt32LE(index, k * 8);
    bytes.writeFloatLE(value, k * 8 + 4);
  });
  hash.update(bytes);
}

function updateSequence(hash: ReturnType<typeof createHash>, f: FeatureVector): void {
  const bytes = Buffer.alloc(4 + f.size * 8);
  bytes.writeInt32LE(f.size, 0);
  for (let k = 0; k < f.size; k++) {
    bytes.writeInt32LE(f.indices[k]!, 4 + k * 8);
    bytes.writeFloatLE(f.values[k]!, 8 + k * 8);
  }
  hash.update(bytes);
}

function scoresOf(text: RequestText, model: LinearModel): number[] {
  const s = scoreWithModel(text, model);
  return HEADS.map((head) => s[head]);
}

function doublesDigest(hash: ReturnType<typeof createHash>, values: readonly number[]): void {
  hash.update(Buffer.from(Float64Array.from(values).buffer));
}

function featuresOf(input: ClassifierInput): FeatureVector {
  return extractFeatures(classifierText(input.user, input.decoded), input.decoded, BITS);
}

function record(inputsSeed: number, tinySeed: number, synthetic: LinearModel, shipped: LinearModel, shippedSha: string): Fixture {
  const inputs = fixtureInputs(INPUTS, inputsSeed).map((input): Recorded => {
    const f = featuresOf(input);
    const pairs = sortedPairs(f);
    const digest = createHash('sha256');
    updatePairs(digest, pairs);
    const sequence = createHash('sha256');
    updateSequence(sequence, f);
    return {
      hashedCount: pairs.length,
      hashedDigest: digest.digest('hex'),
      sequenceSize: f.size,
      sequenceDigest: sequence.digest('hex'),
      dense: Array.from(f.dense),
      synthetic: scoresOf(views(input), synthetic),
      shipped: scoresOf(views(input), shipped),
    };
  });
  const hashed = createHash('sha256');
  const sequence = createHash('sha256');
  const dense = createHash('sha256');
  const syntheticScores = createHash('sha256');
  const shippedScores = createHash('sha256');
  for (const message of tinyMessages(TINY, tinySeed)) {
    const input = { user: message.toLowerCase(), decoded: [] };
    const f = featuresOf(input);
    updatePairs(hashed, sortedPairs(f));
    updateSequence(sequence, f);
    doublesDigest(dense, Array.from(f.dense));
    doublesDigest(syntheticScores, scoresOf(views(input), synthetic));
    doublesDigest(shippedScores, scoresOf(views(input), shipped));
  }
  return {
    inputsSeed,
    tinySeed,
    shippedWeightsSha256: shippedSha,
    inputs,
    tiny: { hashedDigest: hashed.digest('hex'), sequenceDigest: sequence.digest('hex'), denseDigest: dense.digest('hex'), syntheticDigest: syntheticScores.digest('hex'), shippedDigest: shippedScores.digest('hex') },
  };
}

test('classifier: features and scores equal the recorded fixture, bit for bit', () => {
  const shippedSha = (JSON.parse(readFileSync(MODEL_HEADER, 'utf8')) as { hashedSha256: string }).hashedSha256;
  const synthetic = syntheticModel();
  const shipped = shippedModel();
  if (RECORD) {
    writeFileSync(FIXTURE, `${JSON.stringify(record(0xc1a55, 0x7177, synthetic, shipped, shippedSha))}\n`);
    return;
  }
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
  const actual = record(expected.inputsSeed, expected.tinySeed, synthetic, shipped, shippedSha);
  const sameWeights = shippedSha === expected.shippedWeightsSha256;
  const inputs = fixtureInputs(INPUTS, expected.inputsSeed);
  expected.inputs.forEach((want, i) => {
    const got = actual.inputs[i]!;
    const label = `input ${i} (kind ${i % 13}, ${JSON.stringify(inputs[i]!.user.slice(0, 60))})`;
    assert.equal(got.hashedCount, want.hashedCount, `${label}: hashed feature count`);
    assert.equal(got.hashedDigest, want.hashedDigest, `${label}: hashed features`);
    assert.equal(got.sequenceSize, want.sequenceSize, `${label}: feature vector size`);
    assert.equal(got.sequenceDigest, want.sequenceDigest, `${label}: feature vector entries in order`);
    assert.deepEqual(got.dense, want.dense, `${label}: dense features`);
    assert.deepEqual(got.synthetic, want.synthetic, `${label}: synthetic-model scores`);
    if (sameWeights) assert.deepEqual(got.shipped, want.shipped, `${label}: shipped-model scores`);
  });
  assert.equal(actual.tiny.hashedDigest, expected.tiny.hashedDigest, 'tiny messages: hashed features');
  assert.equal(actual.tiny.sequenceDigest, expected.tiny.sequenceDigest, 'tiny messages: feature vectors in order');
  assert.equal(actual.tiny.denseDigest, expected.tiny.denseDigest, 'tiny messages: dense features');
  assert.equal(actual.tiny.syntheticDigest, expected.tiny.syntheticDigest, 'tiny messages: synthetic-model scores');
  if (sameWeights) assert.equal(actual.tiny.shippedDigest, expected.tiny.shippedDigest, 'tiny messages: shipped-model scores');
});
