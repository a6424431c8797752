/**
 * Read access to the shared prompt datasets (../shared/datasets, outside the repository). Only training,
 * evaluation and tests read them, and all of them skip cleanly when the folder is absent: the product
 * ships weights, never these texts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATASET_FILES = {
  sharegpt: 'benign_sharegpt.jsonl',
  gsm8k: 'distill_gsm8k.jsonl',
  codealpaca: 'distill_codealpaca.jsonl',
  tensortrust: 'jailbreak_tensortrust.jsonl',
  jbb: 'jailbreak_jbb_artifacts.jsonl',
} as const;

export type DatasetName = keyof typeof DATASET_FILES;
export const DATASET_NAMES = Object.keys(DATASET_FILES) as DatasetName[];

export interface DatasetRow {
  text: string;
  /** "<owner/repo>@<commit12>:<path>" as in SOURCES.md. */
  source: string;
  label: string;
  dataset: DatasetName;
}

/** The datasets folder: $DISTILLGUARD_DATASETS, else ../shared/datasets next to the repository. */
export function datasetsDirectory(): string {
  const fromEnv = process.env['DISTILLGUARD_DATASETS'];
  if (fromEnv) return fromEnv;
  return fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
}

export function datasetsAvailable(directory = datasetsDirectory()): boolean {
  return DATASET_NAMES.every((name) => existsSync(`${directory}/${DATASET_FILES[name]}`));
}

export function loadDataset(name: DatasetName, directory = datasetsDirectory()): DatasetRow[] {
  const raw = readFileSync(`${directory}/${DATASET_FILES[name]}`, 'utf8');
  const rows: DatasetRow[] = [];
  for (const line of raw.split('\n')) {
    if (line.trim().length === 0) continue;
    const parsed = JSON.parse(line) as { text: string; source: string; label: string };
    rows.push({ text: parsed.text, source: parsed.source, label: parsed.label, dataset: name });
  }
  return rows;
}

export type Datasets = Record<DatasetName, DatasetRow[]>;

export function loadAllDatasets(directory = datasetsDirectory()): Datasets {
  const out = {} as Datasets;
  for (const name of DATASET_NAMES) out[name] = loadDataset(name, directory);
  return out;
}

export function datasetSha256(name: DatasetName, directory = datasetsDirectory()): string {
  return createHash('sha256').update(readFileSync(`${directory}/${DATASET_FILES[name]}`)).digest('hex');
}
