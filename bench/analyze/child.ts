/**
 * One measured run in a fresh process (bundled by run.ts with esbuild, as production code is bundled):
 *   child.js analyze FILE TMPDIR SEED   read, parse, check, sort, signals, engine, JSON report (to /dev/null)
 *   child.js pipeline FILE TMPDIR       analyze's own work only: plan (read, keys, window), read, parse, check, window, report; no signals, no engine
 *   child.js baseline FILE              read the same file line by line and JSON.parse each line, nothing else
 * Prints one JSON line: events, seconds (inside the process, startup excluded) and peak RSS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeLogs, type AnalyzeProgress } from '../../src/analyze/analyze.ts';
import { readLines } from '../../src/analyze/read-lines.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { Engine } from '../../src/engine/types.ts';
import { renderReport } from '../../src/cli/analyze.ts';

export interface ChildResult {
  events: number;
  seconds: number;
  /** CPU time of the process over the same span (user + system): what the load of a shared machine does not inflate. */
  cpuSeconds: number;
  /** Peak resident set size in bytes: VmHWM from /proc/self/status, or the rusage maximum elsewhere. */
  peakRssBytes: number;
  /** Lines too late for the reorder window (sorted apart, then merged in). */
  late?: number;
  spills?: number;
  accounts?: number;
  campaigns?: number;
}

function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Every PROGRESS_TRACE_EVENTS events of the detect pass, one stderr line: events so far, seconds and
 * CPU seconds since the pass began, and events/s of CPU over the last stretch (flat = linear cost).
 */
const PROGRESS_TRACE_EVENTS = 500_000;

function detectTrace(): (progress: AnalyzeProgress) => void {
  let next = PROGRESS_TRACE_EVENTS;
  let began: { wall: number; cpu: NodeJS.CpuUsage } | undefined;
  let last = { events: 0, cpu: 0 };
  return (progress) => {
    if (progress.phase !== 'detect') return;
    began ??= { wall: performance.now(), cpu: process.cpuUsage() };
    if (progress.events < next) return;
    next += PROGRESS_TRACE_EVENTS;
    const cpu = cpuSince(began.cpu);
    const rate = (progress.events - last.events) / Math.max(1e-9, cpu - last.cpu);
    last = { events: progress.events, cpu };
    process.stderr.write(`  detect ${progress.events} events: ${((performance.now() - began.wall) / 1000).toFixed(0)} s, cpu ${cpu.toFixed(0)} s, last stretch ${Math.round(rate)} events/s of cpu, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`);
  };
}

async function baseline(file: string): Promise<ChildResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let events = 0;
  for await (const { text } of readLines(file)) {
    if (text.length === 0) continue;
    const value: unknown = JSON.parse(text);
    if (value !== null) events++;
  }
  return { events, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), peakRssBytes: peakRss() };
}

async function analyze(file: string, tmpDir: string, seed: number): Promise<ChildResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await analyzeLogs([file], { createEngine, seed, sort: { tmpDir }, onProgress: detectTrace() });
  writeFileSync('/dev/null', renderReport(result, 'json'));
  const seconds = (performance.now() - started) / 1000;
  return {
    events: result.report.input.events, seconds, cpuSeconds: cpuSince(cpu), peakRssBytes: peakRss(), late: result.late, spills: result.spills,
    accounts: result.report.input.accounts, campaigns: result.report.campaigns.length,
  };
}

/** An engine that only counts: what is left of `analyze` is the reading, checking and sorting. */
function countingEngine(): Engine {
  let events = 0;
  return { ingest: () => { events++; }, assess: () => undefined, snapshot: () => ({ accounts: [], campaigns: [], events, from: null, to: null }) };
}

async function pipeline(file: string, tmpDir: string): Promise<ChildResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await analyzeLogs([file], { createEngine: countingEngine, signalsOf: () => undefined, sort: { tmpDir } });
  writeFileSync('/dev/null', renderReport(result, 'json'));
  return { events: result.report.input.events, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), peakRssBytes: peakRss(), late: result.late, spills: result.spills };
}

const [mode, file, tmpDir, seed] = process.argv.slice(2);
if (file === undefined || (mode !== 'baseline' && mode !== 'analyze' && mode !== 'pipeline')) {
  process.stderr.write('usage: child.js baseline FILE | pipeline FILE TMPDIR | analyze FILE TMPDIR SEED\n');
  process.exit(2);
}
const result = mode === 'baseline' ? await baseline(file)
  : mode === 'pipeline' ? await pipeline(file, tmpDir ?? '/tmp')
    : await analyze(file, tmpDir ?? '/tmp', Number(seed ?? 1));
process.stdout.write(`${JSON.stringify(result)}\n`);
