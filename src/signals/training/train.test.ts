import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS } from '../classifier/logistic.ts';
import { buildCorpus } from './corpus.ts';
import { trainOnTexts } from './featurize.ts';
import { SHIP_SPLIT } from './splits.ts';

const tiny = { perKind: { reasoning_elicitation: 60, rubric_harvest: 30, jailbreak: 30, prompt_extraction: 30, negative: 60 }, bareProblems: 0 };
const options = { ...DEFAULT_TRAIN_OPTIONS, bits: 12, epochs: 2, seed: 3 };

test('training is deterministic: same corpus seed and options give identical weights', () => {
  const a = trainOnTexts(buildCorpus({}, SHIP_SPLIT, 11, tiny).train, options);
  const b = trainOnTexts(buildCorpus({}, SHIP_SPLIT, 11, tiny).train, options);
  assert.deepEqual(a.hashed, b.hashed);
  assert.deepEqual(a.dense, b.dense);
  assert.deepEqual(a.bias, b.bias);
  const c = trainOnTexts(buildCorpus({}, SHIP_SPLIT, 11, tiny).train, { ...options, seed: 4 });
  assert.notDeepEqual(a.hashed, c.hashed);
});

test('npm run train with any argument prints its usage and writes nothing (exit 0 for --help, 2 otherwise)', () => {
  const script = fileURLToPath(new URL('./train.ts', import.meta.url));
  const weights = fileURLToPath(new URL('../models/signals.bin', import.meta.url));
  const before = statSync(weights).mtimeMs;
  const help = spawnSync(process.execPath, ['--import', 'tsx', script, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: npm run train/);
  const bogus = spawnSync(process.execPath, ['--import', 'tsx', script, '--epochs', '3'], { encoding: 'utf8' });
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /Takes no options/);
  assert.equal(statSync(weights).mtimeMs, before);
});
