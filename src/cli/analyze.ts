/**
 * `distillguard analyze LOG...`: offline analysis of traffic logs (JSONL, plain or gzip, any order) into a
 * JSON report (schemas/analysis-report.schema.json), a self-contained HTML report or a terminal summary.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzeLogs, type AnalysisResult, type AnalyzeOptions } from '../analyze/analyze.ts';
import { renderHtml } from '../analyze/html.ts';
import { ProgressBar } from '../analyze/progress.ts';
import { renderText } from '../analyze/text.ts';
import type { Engine, EngineOptions } from '../engine/types.ts';

export type AnalyzeFormat = 'json' | 'html' | 'text';

export interface AnalyzeFlags {
  format: string;
  out?: string;
  seed?: string;
  chunkEvents?: string;
  windowEvents?: string;
  tmpDir?: string;
}

export interface AnalyzeIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export type EngineFactory = (options: EngineOptions) => Engine;

/** What the command runs on: the engine, and the signal stage when not the default (tests pass a cheap one). */
export interface AnalyzeDeps {
  createEngine: EngineFactory;
  signalsOf?: AnalyzeOptions['signalsOf'];
}

/** Rejected lines named one by one on stderr up to this many; the rest are only counted. */
const REJECTIONS_SHOWN = 100;

function isFormat(value: string): value is AnalyzeFormat {
  return value === 'json' || value === 'html' || value === 'text';
}

function positiveInteger(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export function renderReport(result: AnalysisResult, format: AnalyzeFormat): string {
  if (format === 'html') return renderHtml(result.report, result.details);
  if (format === 'text') return renderText(result.report);
  return `${JSON.stringify(result.report, null, 2)}\n`;
}

/** Runs the analysis and writes the report; exit code (0 even with rejected lines, 1 on I/O failure, 2 on a bad flag). */
export async function analyzeCommand(logs: string[], flags: AnalyzeFlags, io: AnalyzeIo, deps: AnalyzeDeps): Promise<number> {
  const fail = (code: number, message: string) => {
    io.stderr.write(`distillguard: analyze: ${message}\n`);
    return code;
  };
  if (!isFormat(flags.format)) return fail(2, `--format must be json, html or text, got ${JSON.stringify(flags.format)}`);
  const seed = positiveInteger(flags.seed);
  const chunkEvents = positiveInteger(flags.chunkEvents);
  const windowEvents = positiveInteger(flags.windowEvents);
  if (seed === null) return fail(2, `--seed must be a positive integer, got ${JSON.stringify(flags.seed)}`);
  if (chunkEvents === null) return fail(2, `--chunk-events must be a positive integer, got ${JSON.stringify(flags.chunkEvents)}`);
  if (windowEvents === null) return fail(2, `--window-events must be a positive integer, got ${JSON.stringify(flags.windowEvents)}`);
  const bar = io.stderr.isTTY === true ? new ProgressBar(io.stderr) : undefined;
  let rejected = 0;
  const options: AnalyzeOptions = {
    createEngine: deps.createEngine,
    collectDetails: flags.format === 'html',
    sort: { ...(chunkEvents === undefined ? {} : { chunkEvents }), ...(flags.tmpDir === undefined ? {} : { tmpDir: flags.tmpDir }) },
    window: windowEvents === undefined ? {} : { events: windowEvents },
    onRejected: ({ file, line, reason }) => {
      if (++rejected > REJECTIONS_SHOWN) return;
      bar?.clear();
      io.stderr.write(`${file}:${line}: skipped: ${reason}\n`);
      if (rejected === REJECTIONS_SHOWN) io.stderr.write('(further rejected lines are counted, not listed)\n');
    },
  };
  if (seed !== undefined) options.seed = seed;
  if (deps.signalsOf !== undefined) options.signalsOf = deps.signalsOf;
  if (bar !== undefined) options.onProgress = (progress) => bar.update(progress);
  let result: AnalysisResult;
  try {
    result = await analyzeLogs(logs, options);
  } catch (error) {
    bar?.clear();
    return fail(1, error instanceof Error ? error.message : String(error));
  }
  bar?.clear();
  const input = result.report.input;
  if (input.events === 0) {
    io.stderr.write(input.rejected_lines > 0
      ? `distillguard: analyze: no valid events: all ${input.rejected_lines} non-empty lines were rejected; writing an empty report\n`
      : 'distillguard: analyze: the log is empty; writing an empty report\n');
  } else if (input.rejected_lines > 0) {
    io.stderr.write(`distillguard: analyze: ${input.rejected_lines} invalid lines skipped, ${input.events} events analysed\n`);
  }
  const output = renderReport(result, flags.format);
  if (flags.out === undefined) {
    io.stdout.write(output);
    return 0;
  }
  try {
    await writeFile(flags.out, output);
  } catch (error) {
    return fail(1, `writing ${flags.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return 0;
}

export function registerAnalyze(program: Command, deps: AnalyzeDeps, io: AnalyzeIo = { stdout: process.stdout, stderr: process.stderr }): void {
  program
    .command('analyze')
    .description('Analyse traffic logs offline (JSON Lines, plain or gzip, in any order) and report accounts and campaigns.')
    .argument('<logs...>', 'traffic log files (traffic-event JSON Lines; .gz or plain, told by content)')
    .option('--format <format>', 'json (the analysis-report schema), html (self-contained page) or text', 'json')
    .option('--out <file>', 'write the report here instead of stdout')
    .option('--seed <n>', 'engine seed: same log + same seed = same report')
    .option('--window-events <n>', 'events held to put a nearly sorted log in order (default 16384); later ones are sorted apart')
    .option('--chunk-events <n>', 'late events sorted in memory before spilling a sorted run to disk (default 100000)')
    .option('--tmp-dir <dir>', 'where sorted runs are spilled (default: the OS temporary directory)')
    .addHelpText('after', [
      '',
      'Invalid lines are reported on stderr as FILE:LINE and skipped (counted as input.rejected_lines).',
      'Events are fed in time order: a window puts a nearly sorted log in order in memory; events too late for it',
      'go through an external merge sort (temporary files when they outnumber --chunk-events), so any order works.',
      '',
      'Examples:',
      '  distillguard analyze traffic.jsonl.gz --format html --out report.html',
      '  distillguard analyze day1.jsonl day2.jsonl --format text',
      '',
    ].join('\n'))
    .action(async (logs: string[], flags: AnalyzeFlags) => {
      process.exitCode = await analyzeCommand(logs, flags, io, deps);
    });
}
