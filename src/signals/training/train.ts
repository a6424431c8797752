/**
 * `npm run train`: fits the shipped text-signal model on everything (all dataset rows, all generator
 * families) and writes src/signals/models/{signals.json, signals.bin, PROVENANCE.json}. The evaluation
 * (eval.ts) measures the same recipe with models trained per held-out split; the shipped model has no
 * held-out data of its own, so its figures are the evaluation's.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../classifier/logistic.ts';
import { encodeModel } from '../classifier/model-file.ts';
import { HEADS } from '../classifier/model.ts';
import { buildCorpus, DEFAULT_COUNTS, ALL_FAMILIES } from './corpus.ts';
import { DATASET_FILES, DATASET_NAMES, datasetsAvailable, datasetSha256, datasetsDirectory, loadAllDatasets } from './datasets.ts';
import { trainOnTexts } from './featurize.ts';
import { SHIP_SPLIT } from './splits.ts';
import { refuseArguments } from './no-arguments.ts';

export const MODELS_DIRECTORY = new URL('../models/', import.meta.url);
export const CORPUS_SEED = 7;

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function main(): void {
  refuseArguments(
    'usage: npm run train\n  Trains the signal heads on ../shared/datasets (or $DISTILLGUARD_DATASETS) and the generator families,\n  and overwrites src/signals/models/{signals.bin,signals.json,PROVENANCE.json}. Takes no options.',
  );
  const directory = datasetsDirectory();
  if (!datasetsAvailable(directory)) {
    console.error(`train: the shared datasets are not at ${directory} (set DISTILLGUARD_DATASETS); the shipped model is trained on them.`);
    process.exit(1);
  }
  const started = performance.now();
  const datasets = loadAllDatasets(directory);
  const corpus = buildCorpus(datasets, SHIP_SPLIT, CORPUS_SEED);
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  const model = trainOnTexts(corpus.train, options);
  const seconds = (performance.now() - started) / 1000;

  const { header, binary } = encodeModel(model, 'signals.bin');
  writeFileSync(new URL('signals.bin', MODELS_DIRECTORY), binary);
  writeFileSync(new URL('signals.json', MODELS_DIRECTORY), `${JSON.stringify(header)}\n`);
  const provenance = {
    model: { header: 'signals.json', weights: 'signals.bin', weightsSha256: header.hashedSha256, bytes: binary.length, heads: HEADS },
    recipe: {
      features: 'signed feature hashing (2^bits buckets) of word unigrams+bigrams and char 4-grams of the lowercased normalized user text (+ decoded hidden instructions), log1p counts, L2-normalised; plus the dense features in signals.json (regex phrases gated by a word lexicon, harmful-intent lexicon and framing, suffix/spam shape); hashed weights stored and scored as int8 with one scale per head (max |w| / 127)',
      optimiser: 'AdaGrad logistic regression, one head per signal, per-head balanced class weights, lazy L2; from epoch hardFromEpoch on, examples on the wrong side of each head\'s top hardQuantile of negatives weigh hardFactor times as much',
      options,
      corpusSeed: CORPUS_SEED,
      counts: DEFAULT_COUNTS,
      trainedOn: 'all dataset rows and all generator families (the evaluation trains separate models per held-out split; see EVAL.md)',
    },
    data: DATASET_NAMES.map((name) => ({ file: DATASET_FILES[name], sha256: datasetSha256(name, directory) })),
    generatedFamilies: ALL_FAMILIES.map((f) => f.id),
    trainingTexts: countBy(corpus.train, (t) => t.group),
    trainSeconds: Number(seconds.toFixed(1)),
    metrics: 'held-out figures per split in EVAL.md (written by npm run eval:signals)',
  };
  writeFileSync(new URL('PROVENANCE.json', MODELS_DIRECTORY), `${JSON.stringify(provenance, null, 2)}\n`);
  console.log(`trained on ${corpus.train.length} texts in ${seconds.toFixed(1)} s; wrote ${fileURLToPath(MODELS_DIRECTORY)} (${binary.length} bytes of weights)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
