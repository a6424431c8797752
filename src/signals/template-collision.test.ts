/**
 * The template fingerprint on real prompts: wrappers we wrote around real fillers must collide,
 * unrelated real prompts must not. The datasets are read at run time and never copied here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NormalizedRequest } from '../protocol/types.ts';
import { estimateJaccard, templateOf } from './template.ts';
import { requestText } from './text/request-text.ts';
import type { TemplateFingerprint } from './types.ts';

const DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const skip = existsSync(DATASETS) ? false : 'shared datasets folder is absent';

function texts(file: string, limit: number): string[] {
  const out: string[] = [];
  for (const line of readFileSync(DATASETS + file, 'utf8').split('\n')) {
    if (out.length >= limit) break;
    if (line.trim() === '') continue;
    const row: unknown = JSON.parse(line);
    if (typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string') out.push(row.text);
  }
  return out;
}

function request(user: string, system = ''): NormalizedRequest {
  return { family: 'openai', kind: 'chat_completions', stream: false, system, turns: [{ role: 'user', text: user }], tools: [], params: {} };
}

const fingerprint = (user: string, system = ''): TemplateFingerprint => templateOf(requestText(request(user, system)));

interface Template {
  name: string;
  system?: string;
  fill: (x: string) => string;
}

/** Wrappers of the kinds seen in distillation traffic; written for this test. */
const TEMPLATES: Template[] = [
  { name: 'reasoning prefix', fill: (x) => `Solve the following problem. Articulate your internal reasoning step by step before giving the final answer:\n\n${x}` },
  { name: 'reasoning suffix', fill: (x) => `${x}\n\nBefore answering, think through the problem carefully and write out every intermediate step of your reasoning. Then give the final answer on its own line.` },
  { name: 'reasoning both', fill: (x) => `Problem:\n${x}\n\nExplain your chain of thought in full detail, then state the answer after "Final answer:".` },
  { name: 'xml tags', fill: (x) => `<task>\n${x}\n</task>\nReason inside <thinking> tags, showing all your work, and put only the result inside <answer> tags.` },
  { name: 'expert persona', fill: (x) => `You are a world-class expert tutor. A student asked the question below. Produce a thorough, step-by-step worked solution that a beginner could follow.\n\nQuestion: ${x}` },
  { name: 'system reasoning', system: 'You are a careful assistant. For every user message, reason step by step at length, verify each step, and only then give a concise final answer prefixed with ANSWER:.', fill: (x) => x },
  { name: 'system grader', system: 'You are a strict grader. Score the response from 1 to 10 for correctness, clarity and completeness, explain each score, and output JSON with keys correctness, clarity, completeness, rationale.', fill: (x) => `Response to grade:\n${x}` },
  { name: 'rubric', fill: (x) => `Grade the following answer using this rubric: accuracy (0-5), reasoning quality (0-5), and style (0-5). Justify each score in two sentences and give the total at the end.\n\nAnswer to grade:\n${x}` },
  { name: 'translate fr', fill: (x) => `Translate the following text into French, keeping the formatting and the technical terms unchanged:\n\n${x}` },
  { name: 'translate de suffix', fill: (x) => `${x}\n\n---\nTranslate everything above the line into German. Output only the translation, with no comments or notes.` },
  { name: 'summarize', fill: (x) => `Summarize the text below in three bullet points, then list the key terms it uses and explain each one briefly.\n\nText:\n${x}` },
  { name: 'few-shot', fill: (x) => `Here are examples of the format I want.\nQ: What is two plus three?\nA: Let's think. Two plus three is five. The answer is 5.\nQ: What is ten minus four?\nA: Let's think. Ten minus four is six. The answer is 6.\nQ: ${x}\nA: Let's think.` },
  { name: 'code review', fill: (x) => `Act as a senior software engineer. Complete the task below, then review your own solution for bugs, edge cases and complexity, and explain every design decision you made.\n\nTask: ${x}` },
  { name: 'multiple solutions', fill: (x) => `Give three different solutions to the following, compare their trade-offs, and say which one you would choose and why:\n${x}` },
  { name: 'self-consistency', fill: (x) => `${x}\n\nSolve this independently three times using different methods. If the answers disagree, find the mistake and reconcile them. Report all three attempts and the final reconciled answer.` },
  { name: 'teacher', fill: (x) => `I am building a training set. For the input below, write an ideal, detailed response, including your complete reasoning process, as a top assistant would.\n\nInput: ${x}\n\nIdeal response:` },
  { name: 'critique', fill: (x) => `First answer the request, then critique your answer as a harsh reviewer would, then rewrite it to fix every issue you found.\nRequest: ${x}` },
  { name: 'json output', fill: (x) => `Return a JSON object with the fields "reasoning" (a list of steps) and "answer" (a string) for this input. Do not include any other text.\n\nInput:\n${x}` },
  { name: 'eli5 suffix', fill: (x) => `${x}\n\nExplain it like I'm five, then explain it again like I'm a graduate student, and finally list common misconceptions about it.` },
  { name: 'quoted', fill: (x) => `Consider this question carefully: "${x}" Walk me through your reasoning step by step and double-check the arithmetic or logic before you answer.` },
];

/** Pairs (i < j) of `prints` that share an LSH key or estimate Jaccard >= 0.8. */
function collidingPairs(prints: TemplateFingerprint[], isPair: (i: number, j: number) => boolean): { hits: number; pairs: number } {
  const byKey = new Map<string, number[]>();
  prints.forEach((p, i) => {
    for (const key of p.lshKeys) {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [i]);
      else list.push(i);
    }
  });
  const hit = new Set<number>();
  for (const list of byKey.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] ?? 0;
        const j = list[b] ?? 0;
        if (isPair(i, j)) hit.add(i * prints.length + j);
      }
    }
  }
  let pairs = 0;
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      if (!isPair(i, j)) continue;
      pairs++;
      const pi = prints[i];
      const pj = prints[j];
      if (pi !== undefined && pj !== undefined && !hit.has(i * prints.length + j) && estimateJaccard(pi.minhash, pj.minhash) >= 0.8) hit.add(i * prints.length + j);
    }
  }
  return { hits: hit.size, pairs };
}

/** Distinct texts only: ShareGPT holds the same prompt from several users, which is one template. */
function distinct(list: string[]): string[] {
  return [...new Set(list.map((t) => t.trim()))];
}

describe('template fingerprint on real prompts', { skip }, () => {
  const gsm8k = skip ? [] : distinct(texts('distill_gsm8k.jsonl', 3000));
  const code = skip ? [] : distinct(texts('distill_codealpaca.jsonl', 1000));
  const sharegpt = skip ? [] : distinct(texts('benign_sharegpt.jsonl', 2100)).slice(0, 2000);

  it('maps fills of one template to colliding fingerprints (rate >= 0.95)', () => {
    let hits = 0;
    let pairs = 0;
    const perTemplate: string[] = [];
    TEMPLATES.forEach((template, t) => {
      // Each template filled with math, code and chat fillers, different ones for each template.
      const fillers = [...gsm8k.slice(t * 10, t * 10 + 10), ...code.slice(t * 6, t * 6 + 6), ...sharegpt.slice(t * 4, t * 4 + 4)];
      const prints = fillers.map((x) => fingerprint(template.fill(x), template.system));
      const result = collidingPairs(prints, () => true);
      hits += result.hits;
      pairs += result.pairs;
      perTemplate.push(`${template.name}=${(result.hits / result.pairs).toFixed(3)}`);
    });
    const rate = hits / pairs;
    console.log(`same-template collision rate ${rate.toFixed(4)} (${hits}/${pairs}); ${perTemplate.join(' ')}`);
    assert.ok(rate >= 0.95, `same-template collision rate ${rate}`);
  });

  it('keeps unrelated ShareGPT prompts apart (false collisions <= 0.001)', () => {
    const prints = sharegpt.map((x) => fingerprint(x));
    const { hits, pairs } = collidingPairs(prints, () => true);
    console.log(`sharegpt x sharegpt false collision rate ${(hits / pairs).toFixed(6)} (${hits}/${pairs})`);
    assert.ok(hits / pairs <= 0.001);
  });

  it('keeps gsm8k problems apart from ShareGPT prompts (false collisions <= 0.001)', () => {
    const math = gsm8k.slice(0, 1000);
    const chat = sharegpt.slice(0, 1000);
    const prints = [...math, ...chat].map((x) => fingerprint(x));
    const { hits, pairs } = collidingPairs(prints, (i, j) => i < math.length && j >= math.length);
    console.log(`gsm8k x sharegpt false collision rate ${(hits / pairs).toFixed(6)} (${hits}/${pairs})`);
    assert.ok(hits / pairs <= 0.001);
  });

  it('does not read a bank of bare gsm8k problems as one template', () => {
    const prints = gsm8k.slice(0, 2000).map((x) => fingerprint(x));
    const { hits, pairs } = collidingPairs(prints, () => true);
    console.log(`gsm8k x gsm8k (bare) collision rate ${(hits / pairs).toFixed(6)} (${hits}/${pairs})`);
    assert.ok(hits / pairs <= 0.001);
  });
});
