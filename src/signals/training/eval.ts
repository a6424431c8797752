/**
 * `npm run eval:signals`: source-held-out evaluation of the text-signal recipe, with the npm checkers
 * llm_guardrail and @andersmyrmel/vard scored on the same texts. For each split a fresh model is trained
 * on the split's training side only (see splits.ts); the shipped model (train.ts) is trained on all data.
 * Prints a table and writes it to src/signals/models/EVAL.md (figures only, no prompt text).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAll } from 'llm_guardrail';
import { vard } from '@andersmyrmel/vard';
import { DEFAULT_TRAIN_OPTIONS } from '../classifier/logistic.ts';
import { HEADS, type HeadName } from '../classifier/model.ts';
import { scoreWithModel } from '../classifier/score.ts';
import { buildCorpus, type LabeledText } from './corpus.ts';
import { datasetsAvailable, datasetsDirectory, loadAllDatasets } from './datasets.ts';
import { textViewsOf, trainOnTexts } from './featurize.ts';
import { rocAuc, tprAtFpr } from './metrics.ts';
import { EVAL_SPLITS } from './splits.ts';
import { CORPUS_SEED, MODELS_DIRECTORY } from './train.ts';
import { refuseArguments } from './no-arguments.ts';

type Scorer = 'ours' | 'llm_guardrail' | 'vard';

interface Task {
  split: string;
  name: string;
  /** Our score: one head, or the max of several. */
  heads: readonly HeadName[];
  positives: (t: LabeledText) => boolean;
  negatives: (t: LabeledText) => boolean;
  negativesName: string;
  /** Whether the npm checkers are meant for this task (prompt injection / jailbreak). */
  competitors: boolean;
}

interface Row {
  task: Task;
  scorer: Scorer;
  positives: number;
  negatives: number;
  auc: number;
  tpr1: number;
  tpr05: number;
  tpr01: number;
}

const sharegptTest = (t: LabeledText): boolean => t.group === 'sharegpt';
const sharegptOrHardNegative = (t: LabeledText): boolean => t.group === 'sharegpt' || t.group === 'own-heldout/negative';
const benignAll = (t: LabeledText): boolean => t.group === 'sharegpt' || t.group === 'gsm8k' || t.group === 'codealpaca' || t.group === 'own-heldout/negative';

function tasksFor(split: string, testAttack: string): Task[] {
  const tasks: Task[] = [];
  const own = (kind: string) => (t: LabeledText) => t.group === `own-heldout/${kind}`;
  if (testAttack === 'jbb') {
    tasks.push({ split, name: 'jailbreak: JBB artifacts (held-out source)', heads: ['jailbreak'], positives: (t) => t.group === 'jbb', negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
  } else {
    tasks.push({ split, name: 'jailbreak: TensorTrust hijacking (held-out source)', heads: ['jailbreak'], positives: (t) => t.group === 'tensortrust/hijacking', negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
    tasks.push({ split, name: 'prompt_extraction: TensorTrust extraction (held-out source)', heads: ['prompt_extraction'], positives: (t) => t.group === 'tensortrust/extraction', negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
    tasks.push({ split, name: 'jailbreak|extraction (max): all TensorTrust (held-out source)', heads: ['jailbreak', 'prompt_extraction'], positives: (t) => t.group.startsWith('tensortrust/'), negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
  }
  tasks.push({ split, name: 'jailbreak: own held-out families', heads: ['jailbreak'], positives: own('jailbreak'), negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
  tasks.push({ split, name: 'prompt_extraction: own held-out families', heads: ['prompt_extraction'], positives: own('prompt_extraction'), negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: true });
  // The held-out hard negatives (benign requests with the vocabulary of attacks, among others) next to ShareGPT.
  tasks.push({ split, name: 'jailbreak: same positives', heads: ['jailbreak'], positives: own('jailbreak'), negatives: sharegptOrHardNegative, negativesName: 'ShareGPT test half + own held-out hard negatives', competitors: true });
  tasks.push({ split, name: 'prompt_extraction: same positives', heads: ['prompt_extraction'], positives: own('prompt_extraction'), negatives: sharegptOrHardNegative, negativesName: 'ShareGPT test half + own held-out hard negatives', competitors: true });
  tasks.push({ split, name: 'reasoning_elicitation: held-out wrappers x held-out fillers', heads: ['reasoning_elicitation'], positives: own('reasoning_elicitation'), negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: false });
  tasks.push({ split, name: 'reasoning_elicitation: same positives', heads: ['reasoning_elicitation'], positives: own('reasoning_elicitation'), negatives: benignAll, negativesName: 'ShareGPT + bare gsm8k/codealpaca test + own held-out hard negatives', competitors: false });
  tasks.push({ split, name: 'rubric_harvest: own held-out families', heads: ['rubric_harvest'], positives: own('rubric_harvest'), negatives: sharegptTest, negativesName: 'ShareGPT test half', competitors: false });
  return tasks;
}

const vardChecker = vard().threshold(0).maxLength(Number.MAX_SAFE_INTEGER);

async function competitorScores(text: string): Promise<{ llm_guardrail: number; vard: number }> {
  const guard = await checkAll(text);
  // Their best continuous score: the highest of the three model probabilities.
  const guardScore = Math.max(guard.injection.confidence, guard.jailbreak.confidence, guard.malicious.confidence);
  const result = vardChecker.safeParse(text);
  const vardScore = result.safe ? 0 : Math.max(0, ...result.threats.map((t) => t.severity));
  return { llm_guardrail: guardScore, vard: vardScore };
}

function fmt(x: number): string {
  return Number.isNaN(x) ? '  n/a' : x.toFixed(3);
}

async function main(): Promise<void> {
  refuseArguments(
    'usage: npm run eval:signals\n  Trains one model per held-out split and writes src/signals/models/EVAL.md. Takes no options.',
  );
  const directory = datasetsDirectory();
  if (!datasetsAvailable(directory)) {
    console.log(`eval:signals: the shared datasets are not at ${directory}; nothing to evaluate (skipped).`);
    return;
  }
  const datasets = loadAllDatasets(directory);
  const rows: Row[] = [];
  for (const split of EVAL_SPLITS) {
    const started = performance.now();
    const corpus = buildCorpus(datasets, split, CORPUS_SEED);
    const model = trainOnTexts(corpus.train, DEFAULT_TRAIN_OPTIONS);
    const trainSeconds = (performance.now() - started) / 1000;
    const ours = corpus.test.map((t) => scoreWithModel(textViewsOf(t.text), model));
    const theirs: { llm_guardrail: number; vard: number }[] = [];
    for (const t of corpus.test) theirs.push(await competitorScores(t.text));
    console.log(`${split.name}: trained on ${corpus.train.length} texts in ${trainSeconds.toFixed(1)} s, tested on ${corpus.test.length}`);
    for (const task of tasksFor(split.name, split.testAttackSources[0] ?? '')) {
      for (const scorer of (task.competitors ? ['ours', 'llm_guardrail', 'vard'] : ['ours']) as Scorer[]) {
        const pos: number[] = [];
        const neg: number[] = [];
        corpus.test.forEach((t, i) => {
          const score = scorer === 'ours' ? Math.max(...task.heads.map((h) => ours[i]![h])) : theirs[i]![scorer];
          if (task.positives(t)) pos.push(score);
          else if (task.negatives(t)) neg.push(score);
        });
        rows.push({ task, scorer, positives: pos.length, negatives: neg.length, auc: rocAuc(pos, neg), tpr1: tprAtFpr(pos, neg, 0.01), tpr05: tprAtFpr(pos, neg, 0.005), tpr01: tprAtFpr(pos, neg, 0.001) });
      }
    }
  }

  const lines: string[] = [];
  lines.push('| split | task | negatives | scorer | pos | neg | ROC AUC | TPR@1%FPR | TPR@0.5%FPR | TPR@0.1%FPR |');
  lines.push('|---|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    lines.push(`| ${r.task.split} | ${r.task.name} | ${r.task.negativesName} | ${r.scorer} | ${r.positives} | ${r.negatives} | ${fmt(r.auc)} | ${fmt(r.tpr1)} | ${fmt(r.tpr05)} | ${fmt(r.tpr01)} |`);
  }
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  const doc = [
    '# Text-signal evaluation (held-out sources)',
    '',
    'Written by `npm run eval:signals`. Each split trains a fresh model on its training side only: the attack',
    'dataset named first, our generator families not held out, and the train half (fixed content hash) of',
    'ShareGPT, gsm8k and codealpaca; it is tested on the other attack dataset, the held-out families wrapped',
    'around test-half fillers, and the ShareGPT test half as negatives. The shipped model is trained on all',
    'data (see PROVENANCE.json). llm_guardrail is scored by the highest of its three model probabilities,',
    'vard by the highest severity it reports (0 when it reports none). TPR@x%FPR counts a positive only if it',
    `scores strictly above the negative at that quantile. Heads: ${HEADS.join(', ')}.`,
    '',
    'Our scores use the int8 hashed weights (one scale per head) exactly as the shipped model stores them.',
    'Own held-out families are chosen per generation of families (corpus.ts): the first set keeps its earlier',
    'assignment, the composed families (composed-families.ts), the attack-technique families',
    '(attack-technique-families.ts), the distillation wrappers (distillation-wrapper-families.ts), the',
    'further attack techniques (attack-variety-families.ts), the further reasoning harvests',
    '(reasoning-variety-families.ts) and the hard negatives with the vocabulary of attacks and harm',
    '(sensitive-vocabulary-families.ts) each have their own, so a family stays on its side as generations are added;',
    'the own-family rows grow with each generation (their positives are not the same texts across versions).',
    'Where "step by step" sits: a request to show the reasoning on a problem ("solve step by step", "show your',
    'work", "write your thought process") is reasoning elicitation; a request for the steps of a procedure',
    '("explain step by step how to bake bread", "walk me through setting up X") is benign (hard negatives).',
    'Training emphasises hard examples (logistic.ts, TrainOptions.hardFromEpoch): from the second epoch on, the',
    'negatives above each head\'s top 2% of negatives, and the positives below that line, weigh ten times as much.',
    '',
    table,
    '',
  ].join('\n');
  writeFileSync(new URL('EVAL.md', MODELS_DIRECTORY), doc);
  console.log(`wrote ${fileURLToPath(new URL('EVAL.md', MODELS_DIRECTORY))}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
