/**
 * How evaluation holds data out. Whole sources are held out (train on TensorTrust, test on JailbreakBench
 * artifacts, and the reverse), never random rows of one source; benign and filler datasets are split in
 * two halves by a fixed hash of the text, the test half never used in training (neither as a negative
 * nor as a filler inside a wrapper); our own generator families are split by heldOutFamilyIds (family.ts).
 */
import { hashString } from '../classifier/hash.ts';
import type { DatasetName, DatasetRow } from './datasets.ts';

export type Half = 'train' | 'test';

/** The fixed half of a text (by content, so duplicates across files land on the same side). */
export function halfOf(text: string): Half {
  return hashString(text.trim().toLowerCase(), 0x48a1f) % 2 === 0 ? 'train' : 'test';
}

export interface SplitSpec {
  name: string;
  /** Attack datasets whose rows are training positives. */
  trainAttackSources: readonly DatasetName[];
  /** Attack datasets whose rows are test positives (disjoint from trainAttackSources). */
  testAttackSources: readonly DatasetName[];
  /** true: hold out half of every benign/filler dataset and the held-out generator families. false: use everything (the shipped model). */
  holdOut: boolean;
  /** The side of a benign/filler text when holding out (default halfOf); 'unused' keeps it out of both sides. */
  benignSide?: (text: string) => Half | 'unused';
}

export const ATTACK_DATASETS: readonly DatasetName[] = ['tensortrust', 'jbb'];

export const EVAL_SPLITS: readonly SplitSpec[] = [
  { name: 'train TensorTrust -> test JBB', trainAttackSources: ['tensortrust'], testAttackSources: ['jbb'], holdOut: true },
  { name: 'train JBB -> test TensorTrust', trainAttackSources: ['jbb'], testAttackSources: ['tensortrust'], holdOut: true },
];

export const SHIP_SPLIT: SplitSpec = { name: 'shipped (all data)', trainAttackSources: ['tensortrust', 'jbb'], testAttackSources: [], holdOut: false };

/**
 * Where a benign text sits in the development split: the evaluation's test half is never used, and
 * the train half is halved again by a second content hash.
 */
export function devSideOf(text: string): Half | 'unused' {
  if (halfOf(text) === 'test') return 'unused';
  return hashString(text.trim().toLowerCase(), 0xde7a1) % 2 === 0 ? 'train' : 'test';
}

/**
 * The development splits (dev.ts), for choosing generator and training changes without looking at the
 * evaluation's test side: held-out generator families (as in the evaluation) against the second half of
 * the benign train half. One trains with no attack dataset at all (our families alone must carry the
 * heads, as they must for attack sources nobody has collected), the other with both, as shipped.
 */
export const DEV_SPLITS: readonly SplitSpec[] = [
  { name: 'dev: own families only', trainAttackSources: [], testAttackSources: [], holdOut: true, benignSide: devSideOf },
  { name: 'dev: own families + both attack datasets', trainAttackSources: ['tensortrust', 'jbb'], testAttackSources: [], holdOut: true, benignSide: devSideOf },
];

export interface RowSplit {
  train: DatasetRow[];
  test: DatasetRow[];
}

/**
 * Assigns dataset rows to train and test for `spec`. Attack rows follow their dataset (a dataset is
 * either all train, all test, or unused); other rows follow halfOf when holding out.
 */
export function splitRows(rows: readonly DatasetRow[], spec: SplitSpec): RowSplit {
  for (const source of spec.trainAttackSources) {
    if (spec.testAttackSources.includes(source)) throw new Error(`split ${spec.name}: ${source} is both train and test`);
  }
  const train: DatasetRow[] = [];
  const test: DatasetRow[] = [];
  for (const row of rows) {
    if (ATTACK_DATASETS.includes(row.dataset)) {
      if (spec.trainAttackSources.includes(row.dataset)) train.push(row);
      else if (spec.testAttackSources.includes(row.dataset)) test.push(row);
      continue;
    }
    const side = spec.holdOut ? (spec.benignSide ?? halfOf)(row.text) : 'train';
    if (side === 'train') train.push(row);
    else if (side === 'test') test.push(row);
  }
  return { train, test };
}

/** TensorTrust rows come from two benchmarks; the extraction one is the prompt_extraction positive. */
export function isExtractionRow(row: DatasetRow): boolean {
  return row.dataset === 'tensortrust' && row.source.includes('extraction-robustness');
}
