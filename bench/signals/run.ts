/**
 * Signal benchmark: what the whole signal stage, and each signal alone, costs per request at 1, 8, 32 and
 * 128 KB prompts, on one thread, next to the cost the gateway already pays for the same request
 * (JSON.parse + normalizeRequest), measured in the same run.
 *
 *   npm run bench:signals -- [--synthetic] [--quick] [--json] [--source]
 *
 * By default it measures the BUNDLED code, as production runs it (the tsup bundle): started from the
 * sources, this file bundles itself with esbuild into a temporary directory, copies the signal models next
 * to the bundle (the loader looks for ./models), runs the bundle with the same arguments and exits with its
 * status. --source measures the TypeScript sources under tsx instead (no cross-module inlining: slower).
 *
 * Prompts mix prose, a math word problem and a code task: taken from ../shared/datasets when present,
 * built procedurally otherwise (or with --synthetic). Figures are medians (and p90s) of per-request times,
 * each sample the mean of a short batch so that sub-microsecond signals are measurable (see README.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { endpointOf, normalizeRequest } from '../../src/protocol/index.ts';
import type { Endpoint, NormalizedRequest } from '../../src/protocol/types.ts';
import { capability } from '../../src/signals/capability.ts';
import { harvestParams } from '../../src/signals/harvest-params.ts';
import { computeSignals } from '../../src/signals/index.ts';
import { jailbreak } from '../../src/signals/jailbreak.ts';
import { promptExtraction } from '../../src/signals/prompt-extraction.ts';
import { reasoningElicitation } from '../../src/signals/reasoning-elicitation.ts';
import { rubricHarvest } from '../../src/signals/rubric-harvest.ts';
import { textSignalScores } from '../../src/signals/classifier/text-features.ts';
import { languageOf, templateOf } from '../../src/signals/template.ts';
import { requestText } from '../../src/signals/text/request-text.ts';
import type { RequestText } from '../../src/signals/types.ts';
import { mulberry32 } from '../../src/core/seeded-random.ts';

const { values: flags } = parseArgs({
  options: {
    synthetic: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Set in the bundle's environment by the driver below: this process is the bundled benchmark. */
const BUNDLED_ENV = 'DISTILLGUARD_BENCH_BUNDLED';
const bundled = process.env[BUNDLED_ENV] === '1';

/** Started from the sources without --source: bundle this file, run the bundle, return its exit status. */
function runBundled(): number {
  const root = path.resolve(HERE, '..', '..');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-signals-'));
  try {
    const outfile = path.join(dir, 'bench.mjs');
    execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), [
      path.join(HERE, 'run.ts'), '--bundle', '--platform=node', '--format=esm', '--target=node20',
      '--packages=external', `--outfile=${outfile}`, '--log-level=warning',
    ], { cwd: root, stdio: 'inherit' });
    cpSync(path.join(root, 'src', 'signals', 'models'), path.join(dir, 'models'), { recursive: true });
    const child = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
      cwd: root, stdio: 'inherit', env: { ...process.env, [BUNDLED_ENV]: '1' },
    });
    return child.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!bundled && !flags.source) process.exit(runBundled());

const SIZES_KB = [1, 8, 32, 128] as const;
const TARGET_US_AT_1KB = 50;
/** Distinct requests per size, cycled, so no signal sees the same string twice in a row. */
const VARIANTS = 32;
const WARMUP_MS = flags.quick ? 150 : 600;
const MEASURE_MS = flags.quick ? 300 : 1500;
/**
 * Before the first row, computeSignals runs over every size for this long: V8 takes about a second (two on a
 * loaded machine) to load the model and optimise the signal code, and a row measured during that time reads
 * the compilers, not the steady state a gateway runs in (the 1 KB all-signals row, measured first, read ~25%
 * high with only its own warm-up).
 */
const GLOBAL_WARMUP_MS = flags.quick ? 2000 : 4000;
/** A sample is the mean over a batch lasting at least this long: below it timer noise dominates. */
const MIN_BATCH_US = 200;

/** The bundle runs from a temporary directory with the repository as its working directory. */
const DATASETS = path.resolve(bundled ? process.cwd() : path.resolve(HERE, '..', '..'), '..', 'shared', 'datasets');
const CHAT = endpointOf('POST', '/v1/chat/completions') as Endpoint;

// ---- prompts ----

/** The same prompts every run. */
const rng = mulberry32;

const PROSE_WORDS = ('the report describes how our team planned the move to a new office building near the river and what '
  + 'each group needs before the spring review including desks meeting rooms storage and a quiet corner for calls while '
  + 'budgets stay flat and the schedule leaves little room for delays so please read it carefully and share your notes').split(' ');
const NAMES = ['Maria', 'Tom', 'Aiko', 'Omar', 'Lena', 'Raj'];
const ITEMS = ['apples', 'notebooks', 'tickets', 'bolts', 'muffins', 'stamps'];
const LANGS = ['Python', 'JavaScript', 'Go', 'Rust', 'Java'];

function syntheticPiece(next: () => number, kind: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const n = () => 2 + Math.floor(next() * 97);
  if (kind === 0) {
    const words: string[] = [];
    for (let i = 0; i < 60; i++) words.push(pick(PROSE_WORDS));
    return `${words.join(' ')}.`;
  }
  if (kind === 1) {
    return `${pick(NAMES)} buys ${n()} ${pick(ITEMS)} at $${n()} each and sells ${n()} of them for $${n()} each. `
      + `She spends ${n()}% of the profit on rent. How much money does she have left after ${n()} weeks?`;
  }
  return `Write a ${pick(LANGS)} function that takes a list of integers and returns the ${pick(['sum', 'median', 'max'])} of `
    + `the even ones.\n\`\`\`\ndef f(xs):\n    total = 0\n    for x in xs:\n        if x % 2 == 0:\n            total += x\n    return total\n\`\`\``;
}

function datasetTexts(): string[][] | undefined {
  if (flags.synthetic) return undefined;
  const files = ['benign_sharegpt.jsonl', 'distill_gsm8k.jsonl', 'distill_codealpaca.jsonl'];
  if (!files.every((file) => existsSync(path.join(DATASETS, file)))) return undefined;
  return files.map((file) => readFileSync(path.join(DATASETS, file), 'utf8').split('\n')
    .filter((line) => line.length > 0).slice(0, 2000).map((line) => (JSON.parse(line) as { text: string }).text));
}

/** A prompt of about `bytes` UTF-8 bytes: prose, a math problem and a code task in turn. */
function prompt(bytes: number, seed: number, texts: string[][] | undefined): string {
  const next = rng(seed);
  const pieces: string[] = [];
  let size = 0;
  for (let kind = 0; size < bytes; kind = (kind + 1) % 3) {
    const source = texts?.[kind];
    const piece = source === undefined ? syntheticPiece(next, kind) : (source[Math.floor(next() * source.length)] ?? '');
    pieces.push(piece);
    size += Buffer.byteLength(piece) + 2;
  }
  let text = pieces.join('\n\n');
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - Math.max(1, Buffer.byteLength(text) - bytes));
  return text;
}

interface Prepared {
  bodies: string[];
  requests: NormalizedRequest[];
  texts: RequestText[];
}

function prepare(kb: number, texts: string[][] | undefined): Prepared {
  const bodies: string[] = [];
  for (let v = 0; v < VARIANTS; v++) {
    bodies.push(JSON.stringify({
      model: 'gpt-bench', temperature: 0.7, max_tokens: 2048,
      messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: prompt(kb * 1024, kb * 1000 + v, texts) }],
    }));
  }
  const requests = bodies.map((body) => normalizeRequest(CHAT, JSON.parse(body) as Record<string, unknown>));
  return { bodies, requests, texts: requests.map((req) => requestText(req)) };
}

// ---- timing ----

interface Figure {
  median: number;
  p90: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Keeps results alive so the JIT cannot drop the work. */
let sink = 0;
function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (typeof value === 'string') sink += value.length;
  else if (value !== null && typeof value === 'object') sink += 1;
}

/**
 * The parts of computeSignals timed inside the pipeline: each request runs requestText, the classifier heads,
 * harvest_params, capability, template and language one after the other, in computeSignals' order, with the
 * clock read between them. Timed alone, a part runs with its tables in the caches and its branches learnt;
 * here it pays for what the others evicted, so these figures add up to the all-signals row. Each figure
 * includes one clock read (~0.05 µs). Median and p90 per part over batch means, as in measure().
 */
const SEQUENCE = ['requestText', 'classifier heads (4)', 'harvest_params', 'capability', 'template', 'language'] as const;

function measureInSequence(requests: readonly NormalizedRequest[]): Figure[] {
  const spent = new Float64Array(SEQUENCE.length);
  const runOne = (req: NormalizedRequest): void => {
    let before = process.hrtime.bigint();
    const lap = (part: number, value: unknown): void => {
      consume(value);
      const now = process.hrtime.bigint();
      spent[part] = spent[part]! + Number(now - before);
      before = now;
    };
    const text = requestText(req);
    lap(0, text);
    lap(1, reasoningElicitation(req, text) + jailbreak(req, text) + promptExtraction(req, text) + rubricHarvest(req, text));
    lap(2, harvestParams(req, text));
    lap(3, capability(req, text));
    lap(4, templateOf(text));
    lap(5, languageOf(text));
  };
  let i = 0;
  const warmEnd = performance.now() + WARMUP_MS;
  let calls = 0;
  const warmStart = performance.now();
  while (performance.now() < warmEnd) { runOne(requests[i++ % VARIANTS] as NormalizedRequest); calls++; }
  const batch = Math.max(1, Math.ceil(MIN_BATCH_US / Math.max(((performance.now() - warmStart) * 1000) / Math.max(1, calls), 0.001)));
  const samples: number[][] = SEQUENCE.map(() => []);
  const end = performance.now() + MEASURE_MS;
  while (performance.now() < end || (samples[0]?.length ?? 0) < 15) {
    spent.fill(0);
    for (let b = 0; b < batch; b++) runOne(requests[i++ % VARIANTS] as NormalizedRequest);
    SEQUENCE.forEach((_, part) => samples[part]?.push((spent[part] ?? 0) / 1000 / batch));
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { median: quantile(list, 0.5), p90: quantile(list, 0.9) };
  });
}

/** µs per call of `run(i)` (i cycles over the variants): median and p90 over batch means. */
function measure(run: (i: number) => unknown): Figure {
  let i = 0;
  const deadline = (ms: number) => performance.now() + ms;
  const warmEnd = deadline(WARMUP_MS);
  let calls = 0;
  const warmStart = performance.now();
  while (performance.now() < warmEnd) { consume(run(i++ % VARIANTS)); calls++; }
  const perCallUs = ((performance.now() - warmStart) * 1000) / Math.max(1, calls);
  const batch = Math.max(1, Math.ceil(MIN_BATCH_US / Math.max(perCallUs, 0.001)));
  const samples: number[] = [];
  const end = deadline(MEASURE_MS);
  while (performance.now() < end || samples.length < 15) {
    const start = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) consume(run(i++ % VARIANTS));
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

// ---- run ----

type Row = 'baseline: JSON.parse + normalizeRequest' | 'all signals (computeSignals)' | string;

const texts = datasetTexts();
const results = new Map<Row, Figure[]>();
const record = (row: Row, figure: Figure) => {
  const list = results.get(row) ?? [];
  list.push(figure);
  results.set(row, list);
};

const prepared = SIZES_KB.map((kb) => prepare(kb, texts));
const warmAllEnd = performance.now() + GLOBAL_WARMUP_MS;
for (let i = 0; performance.now() < warmAllEnd; i++) {
  for (const p of prepared) consume(computeSignals(p.requests[i % VARIANTS] as NormalizedRequest));
}

for (const p of prepared) {
  const req = (i: number) => p.requests[i] as NormalizedRequest;
  // A fresh copy of the text views per call: the classifier heads cache their shared features per RequestText
  // object, and a signal timed alone must pay for them (the copy itself costs tens of nanoseconds).
  const text = (i: number): RequestText => ({ ...(p.texts[i] as RequestText) });
  record('baseline: JSON.parse + normalizeRequest', measure((i) => normalizeRequest(CHAT, JSON.parse(p.bodies[i] as string) as Record<string, unknown>)));
  record('all signals (computeSignals)', measure((i) => computeSignals(req(i))));
  record('requestText (shared text views)', measure((i) => requestText(req(i))));
  record('classifier features (each head below pays them alone)', measure((i) => textSignalScores(text(i))));
  record('reasoning_elicitation', measure((i) => reasoningElicitation(req(i), text(i))));
  record('jailbreak', measure((i) => jailbreak(req(i), text(i))));
  record('prompt_extraction', measure((i) => promptExtraction(req(i), text(i))));
  record('rubric_harvest', measure((i) => rubricHarvest(req(i), text(i))));
  record('harvest_params', measure((i) => harvestParams(req(i), text(i))));
  record('capability', measure((i) => capability(req(i), text(i))));
  record('template', measure((i) => templateOf(text(i))));
  record('language', measure((i) => languageOf(text(i))));
  measureInSequence(p.requests).forEach((figure, part) => record(`in the pipeline: ${SEQUENCE[part]}`, figure));
}

const fmt = (us: number) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
const all = results.get('all signals (computeSignals)') ?? [];
const baseline = results.get('baseline: JSON.parse + normalizeRequest') ?? [];

if (flags.json) {
  console.log(JSON.stringify({ sizesKb: SIZES_KB, bundled, source: texts ? 'datasets' : 'synthetic', results: Object.fromEntries(results), sink }));
} else {
  console.log(`Signals benchmark (${bundled ? 'bundled with esbuild, as production runs it' : 'TypeScript sources under tsx'}): node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, one thread; prompts from ${texts ? '../shared/datasets (sharegpt + gsm8k + codealpaca)' : 'the procedural generator'}`);
  console.log(`µs per request, median (p90); each sample the mean of a batch of >= ${MIN_BATCH_US} µs\n`);
  const header = ['', ...SIZES_KB.map((kb) => `${kb} KB`)];
  const rows: string[][] = [];
  for (const [row, figures] of results) rows.push([row, ...figures.map((f) => `${fmt(f.median)} (${fmt(f.p90)})`)]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  console.log('\nAll signals against the target and the baseline, and cost per KB (linearity):');
  SIZES_KB.forEach((kb, c) => {
    const f = all[c];
    const b = baseline[c];
    if (f === undefined || b === undefined) return;
    const target = kb === 1 ? `  target <= ${TARGET_US_AT_1KB} µs: ${f.median <= TARGET_US_AT_1KB ? 'met' : 'MISSED'}` : '';
    console.log(`  ${`${kb} KB`.padStart(6)}: ${fmt(f.median).padStart(6)} µs = ${fmt(f.median / kb).padStart(6)} µs/KB, `
      + `${(f.median / b.median).toFixed(2)}x the baseline (${fmt(b.median)} µs)${target}`);
  });
  const inPipeline = SEQUENCE.map((part) => results.get(`in the pipeline: ${part}`) ?? []);
  console.log(`  the parts in the pipeline add up to ${SIZES_KB.map((kb, c) => `${fmt(inPipeline.reduce((sum, figures) => sum + (figures[c]?.median ?? 0), 0))} µs at ${kb} KB`).join(', ')}`);
  const first = all[0];
  const last = all[all.length - 1];
  if (first !== undefined && last !== undefined) {
    const ratio = last.median / SIZES_KB[3] / (first.median / SIZES_KB[0]);
    console.log(`  per-KB cost ratio 128 KB / 1 KB: ${ratio.toFixed(2)} (1 = linear; below 1 = the text caps bound the work)`);
  }
}
if (sink === -1) console.log(''); // never true: reading sink keeps the results observable
