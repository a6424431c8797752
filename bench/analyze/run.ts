/**
 * Offline analysis benchmark: end-to-end events per second (read, parse, check, sort, signals, engine,
 * JSON report) and peak memory at 100k, 1M and (with --large) 10M events, each in its own single process,
 * next to a baseline measured in the same run on the same file (read lines + JSON.parse only), to the
 * analysis pipeline alone (no signals, a counting engine) and to the targets (>= 50,000 events/s;
 * <= 2 GB peak RSS at 10M).
 *
 *   npm run bench:analyze -- [--max N] [--large] [--seed N] [--tmp-dir DIR] [--json]
 *
 * Logs come from the simulator (the first N events of the medium preset, or of the large one for 10M),
 * written once into a temporary directory and removed at the end. The measured code is bundled with
 * esbuild first, as production runs it (see README.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildResult } from './child.ts';
import { generateLogs, scaleFor, type BenchLog } from './generate.ts';

const { values: flags } = parseArgs({
  options: {
    max: { type: 'string', default: '1000000' },
    large: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'tmp-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TARGET_EVENTS_PER_SECOND = 50_000;
const TARGET_PEAK_BYTES_AT_10M = 2 * 1024 ** 3;
const SIZES = [100_000, 1_000_000, 10_000_000];

const max = Number(flags.max);
const seed = Number(flags.seed);
if (!Number.isFinite(max) || max <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('bench:analyze: --max must be a positive number and --seed an integer\n');
  process.exit(2);
}
const sizes = SIZES.filter((size) => size <= max && (size < 10_000_000 || flags.large));
if (sizes.length === 0) {
  process.stderr.write(`bench:analyze: no size within --max ${max} (sizes: ${SIZES.join(', ')}; 10M needs --large)\n`);
  process.exit(2);
}

function note(text: string): void {
  if (!flags.json) process.stderr.write(`${text}\n`);
}

function bundleChild(dir: string): string {
  const outfile = path.join(dir, 'child.mjs');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), [
    path.join(HERE, 'child.ts'), '--bundle', '--platform=node', '--format=esm', '--target=node20',
    '--packages=external', `--outfile=${outfile}`, '--log-level=warning',
  ], { cwd: ROOT, stdio: 'inherit' });
  // The signal classifier loads its weights from ./models beside the running bundle.
  cpSync(path.join(ROOT, 'src', 'signals', 'models'), path.join(dir, 'models'), { recursive: true });
  return outfile;
}

function runChild(child: string, args: string[]): ChildResult {
  const run = spawnSync(process.execPath, [child, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || last === '') throw new Error(`child ${args[0]} failed with status ${run.status}`);
  return JSON.parse(last) as ChildResult;
}

interface Row {
  size: number;
  log: BenchLog;
  baseline: ChildResult;
  pipeline: ChildResult;
  analyze: ChildResult;
}

function rate(result: ChildResult): number {
  return result.events / result.seconds;
}

function cpuRate(result: ChildResult): number {
  return result.events / result.cpuSeconds;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function printTable(rows: Row[], generation: { seconds: number; scale: string }): void {
  const lines: string[] = [];
  lines.push(`logs: simulator preset ${generation.scale}, seed ${seed}, first N events (written in ${generation.seconds.toFixed(0)} s)`);
  lines.push('');
  lines.push('events       log size   baseline ev/s  baseline peak   pipeline ev/s  pipeline peak   analyze ev/s   analyze peak   x baseline  spills  accounts  campaigns  analyze ev/s of cpu');
  for (const row of rows) {
    lines.push([
      thousands(row.analyze.events).padEnd(11), mb(row.log.bytes).padStart(9), thousands(rate(row.baseline)).padStart(15),
      mb(row.baseline.peakRssBytes).padStart(14), thousands(rate(row.pipeline)).padStart(15), mb(row.pipeline.peakRssBytes).padStart(14),
      thousands(rate(row.analyze)).padStart(14), mb(row.analyze.peakRssBytes).padStart(14),
      `${(rate(row.baseline) / rate(row.analyze)).toFixed(1)}x`.padStart(12), String(row.analyze.spills ?? 0).padStart(7),
      String(row.analyze.accounts ?? 0).padStart(9), String(row.analyze.campaigns ?? 0).padStart(10),
      thousands(cpuRate(row.analyze)).padStart(20),
    ].join(' '));
  }
  lines.push('');
  const first = rows[0];
  for (const row of rows.slice(1)) {
    if (first === undefined) break;
    lines.push(`linearity: events/s at ${thousands(row.size)} / at ${thousands(first.size)} = ${(rate(row.analyze) / rate(first.analyze)).toFixed(2)}`
      + ` (1 = linear; of cpu ${(cpuRate(row.analyze) / cpuRate(first.analyze)).toFixed(2)}; pipeline ${(rate(row.pipeline) / rate(first.pipeline)).toFixed(2)}, baseline ${(rate(row.baseline) / rate(first.baseline)).toFixed(2)})`);
  }
  for (const row of rows) {
    const met = rate(row.analyze) >= TARGET_EVENTS_PER_SECOND ? 'MET' : 'MISSED';
    lines.push(`target >= ${thousands(TARGET_EVENTS_PER_SECOND)} events/s at ${thousands(row.size)}: ${thousands(rate(row.analyze))} ${met}`);
  }
  const largest = rows.find((row) => row.size === 10_000_000);
  lines.push(largest === undefined
    ? 'target <= 2 GB peak at 10M: not measured (run with --large --max 10000000)'
    : `target <= 2 GB peak at 10M: ${mb(largest.analyze.peakRssBytes)} ${largest.analyze.peakRssBytes <= TARGET_PEAK_BYTES_AT_10M ? 'MET' : 'MISSED'}`);
  lines.push(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const dir = mkdtempSync(path.join(flags['tmp-dir'] ?? os.tmpdir(), 'dg-bench-analyze-'));
try {
  const child = bundleChild(dir);
  const scale = scaleFor(Math.max(...sizes));
  note(`generating ${thousands(Math.max(...sizes))} events (simulator preset ${scale}) into ${dir} ...`);
  const generationStarted = performance.now();
  const logs = await generateLogs(dir, sizes, seed, (events) => note(`  ${thousands(events)} events`));
  const generation = { seconds: (performance.now() - generationStarted) / 1000, scale };
  const rows: Row[] = [];
  for (const log of logs) {
    note(`measuring ${thousands(log.events)} events: baseline ...`);
    const baseline = runChild(child, ['baseline', log.path]);
    note(`measuring ${thousands(log.events)} events: pipeline without signals and engine ...`);
    const pipeline = runChild(child, ['pipeline', log.path, dir]);
    note(`measuring ${thousands(log.events)} events: analyze ...`);
    const analyze = runChild(child, ['analyze', log.path, dir, String(seed)]);
    rows.push({ size: log.size, log, baseline, pipeline, analyze });
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ seed, scale, generationSeconds: generation.seconds, rows: rows.map((row) => ({
      size: row.size, events: row.analyze.events, logBytes: row.log.bytes, baseline: row.baseline, pipeline: row.pipeline, analyze: row.analyze,
      analyzeEventsPerSecond: rate(row.analyze), pipelineEventsPerSecond: rate(row.pipeline), baselineEventsPerSecond: rate(row.baseline),
    })), node: process.version, loadavg: os.loadavg() }, null, 2)}\n`);
  } else {
    printTable(rows, generation);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
