/**
 * `distillguard signals`: the per-request signals for scripts. Reads JSON Lines on stdin (a bare prompt
 * `{"text": ...}` or a traffic event per line), writes one line per input line, streaming.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { signalsOfEvent, signalsOfText, signalsToJson, type SignalsJson } from '../signals/index.ts';
import { CAPABILITIES } from '../signals/types.ts';

export interface SignalsFlags {
  format: string;
}

export interface SignalsIo {
  stdin: Readable;
  /** A real stream, so that a slow reader holds the input back (bounded memory). */
  stdout: Writable;
  stderr: { write(text: string): unknown };
}

/** What one input line turned into: its signals, or why it had none. */
export type SignalsLine =
  | ({ line: number; id?: string } & SignalsJson)
  | { line: number; id?: string; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The signals of one input line (1-based `line`), or an error object naming it; never throws. */
export function signalsOfLine(text: string, line: number): SignalsLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { line, error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(parsed)) return { line, error: 'expected a JSON object: {"text": ...} or a traffic event' };
  const id = typeof parsed['id'] === 'string' ? parsed['id'] : undefined;
  const head = id === undefined ? { line } : { line, id };
  try {
    if ('text' in parsed) {
      const prompt = parsed['text'];
      if (typeof prompt !== 'string') return { ...head, error: '"text" must be a string' };
      return { ...head, ...signalsToJson(signalsOfText(prompt)) };
    }
    const endpoint = parsed['endpoint'];
    const request = parsed['request'];
    if (typeof endpoint !== 'string' || !isRecord(request)) {
      return { ...head, error: 'expected {"text": ...} or a traffic event with "endpoint" (string) and "request" (object)' };
    }
    return { ...head, ...signalsToJson(signalsOfEvent({ endpoint, request })) };
  } catch (error) {
    return { ...head, error: error instanceof Error ? error.message : String(error) };
  }
}

function fixed(value: number): string {
  return value.toFixed(2);
}

/** One compact human-readable line: the scores that matter first, areas above 0.3 by strength. */
export function textLine(result: SignalsLine): string {
  const where = result.id === undefined ? `line ${result.line}` : `line ${result.line} ${result.id}`;
  if ('error' in result) return `${where}  error: ${result.error}`;
  const areas = CAPABILITIES.filter((area) => result.capability[area] >= 0.3)
    .sort((a, b) => result.capability[b] - result.capability[a])
    .map((area) => `${area}=${fixed(result.capability[area])}`);
  const reasons = result.harvest_params.reasons.length > 0 ? ` (${result.harvest_params.reasons.join(',')})` : '';
  return `${where}  lang=${result.language}  reasoning=${fixed(result.reasoning_elicitation)} jailbreak=${fixed(result.jailbreak)}`
    + ` extraction=${fixed(result.prompt_extraction)} rubric=${fixed(result.rubric_harvest)}`
    + ` harvest=${fixed(result.harvest_params.score)}${reasons}  areas: ${areas.length > 0 ? areas.join(' ') : '-'}`
    + `  simhash=${result.template.simhash}`;
}

function isBrokenPipe(error: unknown): boolean {
  return isRecord(error) && error['code'] === 'EPIPE';
}

/**
 * Reads stdin line by line and writes one result per non-empty line; exit code 0 even when some lines
 * were bad (each gets an error object), 1 when stdin itself fails, 2 for a bad flag.
 */
export async function signalsCommand(flags: SignalsFlags, io: SignalsIo): Promise<number> {
  if (flags.format !== 'json' && flags.format !== 'text') {
    io.stderr.write(`distillguard: signals: --format must be json or text, got ${JSON.stringify(flags.format)}\n`);
    return 2;
  }
  let outputError: unknown;
  const recordError = (error: unknown) => { outputError ??= error; };
  io.stdout.on('error', recordError);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim().length === 0) continue;
      const result = signalsOfLine(text, line);
      const out = flags.format === 'json' ? JSON.stringify(result) : textLine(result);
      // Wait for a slow reader instead of queueing: memory stays bounded whatever the input size.
      if (!io.stdout.write(`${out}\n`)) await Promise.race([once(io.stdout, 'drain'), once(io.stdout, 'close')]);
      if (outputError !== undefined) break;
    }
  } catch (error) {
    io.stderr.write(`distillguard: signals: reading stdin: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    lines.close();
    io.stdout.off('error', recordError);
  }
  if (outputError !== undefined && !isBrokenPipe(outputError)) {
    io.stderr.write(`distillguard: signals: writing: ${outputError instanceof Error ? outputError.message : String(outputError)}\n`);
    return 1;
  }
  return 0;
}

export function registerSignals(program: Command, io: SignalsIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): void {
  program
    .command('signals')
    .description('Score requests read as JSON Lines on stdin ({"text": ...} or a traffic event per line); one line out per line in.')
    .option('--format <format>', 'json (one object per line) or text (one readable line per input)', 'json')
    .addHelpText('after', [
      '',
      'Each output line is {"line": n, "id"?: event id, reasoning_elicitation, jailbreak, prompt_extraction,',
      'rubric_harvest, harvest_params, capability, template, language}, or {"line": n, "error": "..."} for a',
      'bad line; processing continues and the exit code is 0 unless stdin itself fails.',
      '',
      'Examples:',
      `  echo '{"text": "Solve 12 * 7 step by step"}' | distillguard signals`,
      '  distillguard events export | distillguard signals --format text',
      '',
    ].join('\n'))
    .action(async (flags: SignalsFlags) => {
      process.exitCode = await signalsCommand(flags, io);
    });
}
