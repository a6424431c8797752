/**
 * `node --import tsx src/signals/training/dev.ts [--seeds N] [--families] [--worst N]`: the development
 * evaluation used to choose generator and training changes (splits.ts DEV_SPLITS). It never reads the
 * evaluation's test side: positives are held-out generator families, negatives the second half of the
 * ShareGPT train half, plus held-out hard-negative families. Figures are means over N corpus seeds
 * (default 3: one seed's 1% threshold rests on about ten negatives). `--families` adds each held-out
 * family's rate above the 1% threshold; `--worst N` the N highest-scoring ShareGPT dev negatives per head;
 * `--bits N`, `--epochs N`, `--learning-rate X`, `--l2 X`, `--hard-from N`, `--hard-quantile X`, `--hard-factor X`
 * override the training options.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS } from '../classifier/logistic.ts';
import { HEADS } from '../classifier/model.ts';
import { scoreWithModel } from '../classifier/score.ts';
import { buildCorpus, FAMILY_GENERATIONS } from './corpus.ts';
import { datasetsAvailable, datasetsDirectory, loadAllDatasets } from './datasets.ts';
import { textViewsOf, trainOnTexts } from './featurize.ts';
import { rocAuc, tprAtFpr } from './metrics.ts';
import { DEV_SPLITS } from './splits.ts';
import { CORPUS_SEED } from './train.ts';

/** Running means of named figures, printed in first-seen order. */
class Means {
  private readonly sums = new Map<string, { sum: number; count: number }>();
  add(name: string, value: number): void {
    const entry = this.sums.get(name) ?? { sum: 0, count: 0 };
    entry.sum += value;
    entry.count += 1;
    this.sums.set(name, entry);
  }
  print(): void {
    for (const [name, { sum, count }] of this.sums) console.log(`${name} ${(sum / count).toFixed(3)}`);
  }
}

function option(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : undefined;
}

function main(): void {
  const directory = datasetsDirectory();
  if (!datasetsAvailable(directory)) {
    console.log(`dev: the shared datasets are not at ${directory}; nothing to evaluate.`);
    return;
  }
  const seeds = option('--seeds') ?? 3;
  const worst = option('--worst') ?? 0;
  const families = process.argv.includes('--families');
  const options = { ...DEFAULT_TRAIN_OPTIONS, bits: option('--bits') ?? DEFAULT_TRAIN_OPTIONS.bits, epochs: option('--epochs') ?? DEFAULT_TRAIN_OPTIONS.epochs, learningRate: option('--learning-rate') ?? DEFAULT_TRAIN_OPTIONS.learningRate, l2: option('--l2') ?? DEFAULT_TRAIN_OPTIONS.l2, hardFromEpoch: option('--hard-from') ?? DEFAULT_TRAIN_OPTIONS.hardFromEpoch, hardQuantile: option('--hard-quantile') ?? DEFAULT_TRAIN_OPTIONS.hardQuantile, hardFactor: option('--hard-factor') ?? DEFAULT_TRAIN_OPTIONS.hardFactor };
  const datasets = loadAllDatasets(directory);
  for (const split of DEV_SPLITS) {
    const means = new Means();
    for (let k = 0; k < seeds; k++) {
      const corpus = buildCorpus(datasets, split, CORPUS_SEED + k);
      const model = trainOnTexts(corpus.train, options);
      const scores = corpus.test.map((t) => scoreWithModel(textViewsOf(t.text), model));
      for (const head of HEADS) {
        const ofGroup = (group: string): number[] => corpus.test.flatMap((t, i) => (t.group === group ? [scores[i]![head]] : []));
        const pos = ofGroup(`own-heldout/${head}`);
        const neg = ofGroup('sharegpt');
        const hard = ofGroup('own-heldout/negative');
        const threshold = [...neg].sort((a, b) => b - a)[Math.floor(0.01 * neg.length)] ?? Number.NEGATIVE_INFINITY;
        means.add(`${head}: AUC`, rocAuc(pos, neg));
        means.add(`${head}: TPR@1%`, tprAtFpr(pos, neg, 0.01));
        means.add(`${head}: TPR@0.5%`, tprAtFpr(pos, neg, 0.005));
        // About one dev negative: noisy, but it is where a deployment threshold would sit.
        means.add(`${head}: TPR@0.1%`, tprAtFpr(pos, neg, 0.001));
        means.add(`${head}: held-out hard negatives above the 1% threshold`, hard.filter((s) => s > threshold).length / Math.max(1, hard.length));
        // Per generation: a later generation's families must also lift the earlier ones' held-out families.
        FAMILY_GENERATIONS.forEach((generation, g) => {
          const ids = new Set(generation.map((f) => f.id));
          const genPos = corpus.test.flatMap((t, i) => (t.group === `own-heldout/${head}` && t.family !== undefined && ids.has(t.family) ? [scores[i]![head]] : []));
          if (genPos.length > 0) means.add(`${head}: generation ${g} TPR@1%`, tprAtFpr(genPos, neg, 0.01));
        });
        if (families) {
          const byFamily = new Map<string, number[]>();
          corpus.test.forEach((t, i) => {
            if (t.family !== undefined && (t.group === `own-heldout/${head}` || t.group === 'own-heldout/negative')) byFamily.set(t.family, [...(byFamily.get(t.family) ?? []), scores[i]![head]]);
          });
          for (const [family, list] of byFamily) means.add(`${head}:     ${family} above threshold`, list.filter((s) => s > threshold).length / list.length);
        }
        if (worst > 0 && k === 0) {
          const ranked = corpus.test.map((t, i) => ({ t, s: scores[i]![head] })).filter(({ t }) => t.group === 'sharegpt').sort((a, b) => b.s - a.s).slice(0, worst);
          for (const { t, s } of ranked) console.log(`${head} [${s.toFixed(3)}] ${t.text.slice(0, 160).replace(/\s+/g, ' ')}`);
        }
      }
    }
    console.log(`\n## ${split.name} (mean of ${seeds} corpus seeds)`);
    means.print();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
