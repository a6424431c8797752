/**
 * Builds labelled texts for one split: dataset rows (by splitRows) plus our own generated texts
 * (families by heldOutFamilyIds, fillers by halfOf), each with one label per head.
 */
import { HEAD_COUNT, HEADS, type HeadName } from '../classifier/model.ts';
import { pick, seededRng, type Rng } from '../classifier/rng.ts';
import type { DatasetRow, Datasets } from './datasets.ts';
import { fill, heldOutFamilyIds, vary, type Family, type FamilyKind } from './family.ts';
import { makeSlots, proceduralQuestion } from './fillers.ts';
import { EXTRACTION_FAMILIES, JAILBREAK_FAMILIES } from './injection-families.ts';
import { NEGATIVE_FAMILIES } from './negative-families.ts';
import { REASONING_FAMILIES, languageCoercion } from './reasoning-families.ts';
import { RUBRIC_FAMILIES } from './rubric-families.ts';
import { COMPOSED_FAMILIES } from './composed-families.ts';
import { TECHNIQUE_FAMILIES } from './attack-technique-families.ts';
import { DISTILLATION_WRAPPER_FAMILIES } from './distillation-wrapper-families.ts';
import { ATTACK_VARIETY_FAMILIES } from './attack-variety-families.ts';
import { REASONING_VARIETY_FAMILIES } from './reasoning-variety-families.ts';
import { SENSITIVE_VOCABULARY_FAMILIES } from './sensitive-vocabulary-families.ts';
import { halfOf, isExtractionRow, splitRows, type Half, type SplitSpec } from './splits.ts';

const FIRST_FAMILIES: readonly Family[] = [...REASONING_FAMILIES, ...RUBRIC_FAMILIES, ...JAILBREAK_FAMILIES, ...EXTRACTION_FAMILIES, ...NEGATIVE_FAMILIES];
/** The families in the order they were written; each generation keeps its own held-out assignment. */
export const FAMILY_GENERATIONS: readonly (readonly Family[])[] = [FIRST_FAMILIES, COMPOSED_FAMILIES, TECHNIQUE_FAMILIES, DISTILLATION_WRAPPER_FAMILIES, ATTACK_VARIETY_FAMILIES, REASONING_VARIETY_FAMILIES, SENSITIVE_VOCABULARY_FAMILIES];
export const ALL_FAMILIES: readonly Family[] = FAMILY_GENERATIONS.flat();
/**
 * Held out per generation of families: an earlier generation keeps the assignment it had before later
 * ones were added (so own-family figures stay comparable across versions), and each later generation
 * gets its own every-fourth-by-hash assignment.
 */
export const HELD_OUT_FAMILIES: ReadonlySet<string> = new Set(FAMILY_GENERATIONS.flatMap((generation) => [...heldOutFamilyIds(generation)]));

export interface LabeledText {
  text: string;
  /** Per head (HEADS order): 1, 0 or -1 (not labelled). */
  labels: Int8Array;
  /** Where it came from, for reporting: e.g. 'tensortrust/extraction', 'own/reasoning', 'sharegpt'. */
  group: string;
  /** The generator family that wrote it (generated texts only), for per-family reporting. */
  family?: string;
  weight: number;
}

/** Per head, in HEADS order; -1 = this text teaches that head nothing. */
function labelsFor(kind: FamilyKind | 'tensortrust-hijacking' | 'tensortrust-extraction' | 'jbb' | 'benign'): Int8Array {
  switch (kind) {
    case 'reasoning_elicitation':
      return Int8Array.of(1, 0, 0, 0);
    case 'jailbreak':
    case 'jbb':
      return Int8Array.of(0, 1, 0, 0);
    case 'tensortrust-hijacking':
      // Hijacking prompts sometimes also ask for the instructions: not a clean extraction negative.
      return Int8Array.of(0, 1, -1, 0);
    case 'prompt_extraction':
    case 'tensortrust-extraction':
      // Extraction attempts often carry an override too: not a clean jailbreak negative either.
      return Int8Array.of(0, -1, 1, 0);
    case 'rubric_harvest':
      return Int8Array.of(0, 0, 0, 1);
    case 'negative':
    case 'benign':
      return Int8Array.of(0, 0, 0, 0);
  }
}

export function headIndex(head: HeadName): number {
  return HEADS.indexOf(head);
}

export interface CorpusCounts {
  /** Generated texts per family kind (train side; the test side gets a quarter of it). */
  perKind: Record<FamilyKind, number>;
  /** Bare gsm8k / codealpaca problems used as negatives (train side). */
  bareProblems: number;
}

export const DEFAULT_COUNTS: CorpusCounts = {
  perKind: { reasoning_elicitation: 7000, rubric_harvest: 2500, jailbreak: 8000, prompt_extraction: 6000, negative: 8000 },
  bareProblems: 2500,
};

interface Filler {
  question: string;
  answer: string;
}

/** Short dataset texts usable as the benign task inside a wrapper. */
function datasetFillers(rows: readonly DatasetRow[]): Filler[] {
  const out: Filler[] = [];
  for (const row of rows) {
    if (row.text.length > 700) continue;
    out.push({ question: row.text, answer: row.dataset === 'gsm8k' ? String(10 + (row.text.length % 90)) : 'the answer' });
  }
  return out;
}

function fillerSource(rng: Rng, pool: readonly Filler[]): Filler {
  return pool.length > 0 && rng() < 0.7 ? pick(rng, pool) : proceduralQuestion(rng);
}

function generate(families: readonly Family[], count: number, fillers: readonly Filler[], rng: Rng, group: string): LabeledText[] {
  const out: LabeledText[] = [];
  if (families.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const family = families[i % families.length]!;
    const slots = makeSlots(fillerSource(rng, fillers), rng);
    let text = fill(family, slots, rng);
    // Language coercion also rides along with other reasoning wrappers in the wild.
    if (family.kind === 'reasoning_elicitation' && rng() < 0.15) text = `${text}\n${languageCoercion(slots.language, rng)}`;
    out.push({ text: vary(text, rng), labels: labelsFor(family.kind), group: `${group}/${family.kind}`, family: family.id, weight: 1 });
  }
  return out;
}

export interface Corpus {
  train: LabeledText[];
  test: LabeledText[];
}

export function familiesOf(kind: FamilyKind, side: Half | 'all'): Family[] {
  return ALL_FAMILIES.filter((f) => f.kind === kind && (side === 'all' || (side === 'test') === HELD_OUT_FAMILIES.has(f.id)));
}

function datasetRowLabels(row: DatasetRow): LabeledText {
  if (row.dataset === 'tensortrust') {
    const extraction = isExtractionRow(row);
    return { text: row.text, labels: labelsFor(extraction ? 'tensortrust-extraction' : 'tensortrust-hijacking'), group: extraction ? 'tensortrust/extraction' : 'tensortrust/hijacking', weight: 1 };
  }
  if (row.dataset === 'jbb') return { text: row.text, labels: labelsFor('jbb'), group: 'jbb', weight: 1 };
  return { text: row.text, labels: labelsFor('benign'), group: row.dataset, weight: 1 };
}

/**
 * The labelled texts of a split. Deterministic in (datasets, spec, seed, counts). With no datasets
 * (an empty record), only generated texts and procedural fillers are used.
 */
export function buildCorpus(datasets: Partial<Datasets>, spec: SplitSpec, seed: number, counts: CorpusCounts = DEFAULT_COUNTS): Corpus {
  const rows = Object.values(datasets).flat();
  const { train: trainRows, test: testRows } = splitRows(rows, spec);
  const train: LabeledText[] = [];
  const test: LabeledText[] = [];
  const rng = seededRng(seed);

  const bareRng = seededRng(seed ^ 0xb4e);
  const addRows = (side: LabeledText[], sideRows: readonly DatasetRow[], bareLimit: number): void => {
    const bare = sideRows.filter((r) => r.dataset === 'gsm8k' || r.dataset === 'codealpaca');
    const keepBare = new Set<DatasetRow>();
    const shuffled = bare.slice();
    for (let i = 0; i < Math.min(bareLimit, shuffled.length); i++) {
      const j = i + Math.floor(bareRng() * (shuffled.length - i));
      const a = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = a;
      keepBare.add(shuffled[i]!);
    }
    for (const row of sideRows) {
      if ((row.dataset === 'gsm8k' || row.dataset === 'codealpaca') && !keepBare.has(row)) continue;
      side.push(datasetRowLabels(row));
    }
  };
  addRows(train, trainRows, counts.bareProblems);
  addRows(test, testRows, Math.round(counts.bareProblems / 2));

  const fillerRows = (sideRows: readonly DatasetRow[]): Filler[] => datasetFillers(sideRows.filter((r) => r.dataset === 'gsm8k' || r.dataset === 'codealpaca' || r.dataset === 'sharegpt'));
  const trainFillers = fillerRows(trainRows);
  const testFillers = fillerRows(testRows);
  const kinds: FamilyKind[] = ['reasoning_elicitation', 'rubric_harvest', 'jailbreak', 'prompt_extraction', 'negative'];
  for (const kind of kinds) {
    const count = counts.perKind[kind];
    if (spec.holdOut) {
      train.push(...generate(familiesOf(kind, 'train'), count, trainFillers, rng, 'own'));
      test.push(...generate(familiesOf(kind, 'test'), Math.round(count / 4), testFillers, rng, 'own-heldout'));
    } else {
      train.push(...generate(familiesOf(kind, 'all'), count, trainFillers, rng, 'own'));
    }
  }
  return { train, test };
}

/** Whether a dataset text is on the test side of the fixed benign split (for reporting). */
export function isTestHalf(text: string): boolean {
  return halfOf(text) === 'test';
}

export { HEAD_COUNT };
