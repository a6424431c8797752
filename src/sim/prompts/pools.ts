/**
 * Where prompt text comes from: the shared datasets when a directory is given (real prompts make the
 * evaluation honest), procedural generators otherwise or for any file that is missing. Dataset text is
 * read at run time only; nothing of it is stored in the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from '../random.ts';
import { chatQuestion } from './chat.ts';
import { bankCodingTask, codingTask } from './code.ts';
import { bankMathProblem, mathProblem } from './math.ts';
import { extractionPrompt, jailbreakPrompt } from './attacks.ts';

export interface BankItem {
  text: string;
  /** Known answer (procedural problems only). */
  answer?: string;
}

export interface PromptPools {
  readonly fromDatasets: boolean;
  /** An everyday user prompt. */
  chat(rng: Rng): string;
  /** A math problem a student or user might ask. */
  math(rng: Rng): BankItem;
  coding(rng: Rng): string;
  /** Item `index` of a bank the operator sweeps; different `bankSeed`s start at different places. */
  mathBank(bankSeed: number, index: number): BankItem;
  codeBank(bankSeed: number, index: number): BankItem;
  jailbreak(rng: Rng): string;
  extraction(rng: Rng): string;
}

/** Longest prompt kept from a dataset line: a few ShareGPT turns are whole documents. */
const MAX_PROMPT_CHARS = 6000;

function readTexts(dir: string, file: string): string[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const texts: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row: unknown = JSON.parse(line);
    if (typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string' && row.text.length > 0) {
      texts.push(row.text.length > MAX_PROMPT_CHARS ? row.text.slice(0, MAX_PROMPT_CHARS) : row.text);
    }
  }
  return texts;
}

function at<T>(items: readonly T[], index: number): T {
  return items[((index % items.length) + items.length) % items.length] as T;
}

export function proceduralPools(): PromptPools {
  return {
    fromDatasets: false,
    chat: (rng) => chatQuestion(rng),
    math: (rng) => {
      const problem = mathProblem(rng);
      return { text: problem.text, answer: String(problem.answer) };
    },
    coding: (rng) => codingTask(rng),
    mathBank: (bankSeed, index) => {
      const problem = bankMathProblem(bankSeed, index);
      return { text: problem.text, answer: String(problem.answer) };
    },
    codeBank: (bankSeed, index) => ({ text: bankCodingTask(bankSeed, index) }),
    jailbreak: (rng) => jailbreakPrompt(rng),
    extraction: (rng) => extractionPrompt(rng),
  };
}

/** Pools backed by the dataset files in `dir`, falling back per pool to procedural text. */
export function datasetPools(dir: string): PromptPools {
  const fallback = proceduralPools();
  const benign = readTexts(dir, 'benign_sharegpt.jsonl');
  const gsm8k = readTexts(dir, 'distill_gsm8k.jsonl');
  const codealpaca = readTexts(dir, 'distill_codealpaca.jsonl');
  const tensortrust = readTexts(dir, 'jailbreak_tensortrust.jsonl');
  const jbb = readTexts(dir, 'jailbreak_jbb_artifacts.jsonl');
  const attacks = jbb.concat(tensortrust);
  return {
    fromDatasets: true,
    // Real users also ask things the generators phrase differently; keep a procedural share for variety.
    chat: (rng) => (benign.length > 0 && rng.chance(0.75) ? rng.pick(benign) : fallback.chat(rng)),
    math: (rng) => (gsm8k.length > 0 && rng.chance(0.7) ? { text: rng.pick(gsm8k) } : fallback.math(rng)),
    coding: (rng) => (codealpaca.length > 0 && rng.chance(0.5) ? rng.pick(codealpaca) : fallback.coding(rng)),
    mathBank: (bankSeed, index) => (gsm8k.length > 0 ? { text: at(gsm8k, (bankSeed % gsm8k.length) + index) } : fallback.mathBank(bankSeed, index)),
    codeBank: (bankSeed, index) => (codealpaca.length > 0 ? { text: at(codealpaca, (bankSeed % codealpaca.length) + index) } : fallback.codeBank(bankSeed, index)),
    jailbreak: (rng) => (attacks.length > 0 && rng.chance(0.8) ? rng.pick(attacks) : fallback.jailbreak(rng)),
    extraction: (rng) => (tensortrust.length > 0 && rng.chance(0.7) ? rng.pick(tensortrust) : fallback.extraction(rng)),
  };
}

export function promptPools(datasetsDir: string | undefined): PromptPools {
  return datasetsDir === undefined ? proceduralPools() : datasetPools(datasetsDir);
}
