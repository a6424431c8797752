import { existsSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { EventQuery } from '../store/event-store.ts';
import { databasePath } from '../store/sqlite/database.ts';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store.ts';
import { dataDirOption } from './data-dir-option.ts';

/** Export writes a lot to stdout, so it needs a real stream to respect back-pressure. */
export interface EventsOutput {
  stdout: Writable;
  stderr: { write(text: string): unknown };
}

export const processEventsOutput: EventsOutput = { stdout: process.stdout, stderr: process.stderr };

export interface EventsRangeFlags {
  dataDir: string;
  since?: string;
  until?: string;
}

export interface EventsExportFlags extends EventsRangeFlags {
  out?: string;
}

/** Lines are gathered into chunks of about this size before each write. */
const chunkChars = 64 * 1024;

const timestampShape = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** An RFC 3339 timestamp or a bare date; without an offset it is read as UTC. Undefined when unparsable. */
export function parseTimestamp(text: string): Date | undefined {
  const match = timestampShape.exec(text.trim());
  if (match === null) return undefined;
  const hasTime = text.trim().length > 10;
  const utcText = hasTime && match[1] === undefined ? `${text.trim()}Z` : text.trim();
  const ms = Date.parse(utcText.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Streams the stored events as JSON Lines (each line the stored event JSON); exit code. */
export async function exportEventsCommand(flags: EventsExportFlags, output: EventsOutput): Promise<number> {
  const query = rangeQuery(flags, 'export', output);
  if (typeof query === 'number') return query;
  const store = openExisting(flags.dataDir, 'export', output);
  if (store === undefined) return 1;
  const target = flags.out === undefined ? output.stdout : createWriteStream(flags.out);
  // Stream errors (a missing directory, a closed pipe) arrive as events; without a listener they would crash the process.
  let streamError: unknown;
  const recordError = (error: unknown) => {
    streamError ??= error;
  };
  target.on('error', recordError);
  let lines = 0;
  try {
    let chunk = '';
    for await (const json of store.readJson(query)) {
      chunk += `${json}\n`;
      lines++;
      if (chunk.length >= chunkChars) {
        await write(target, chunk);
        if (streamError !== undefined) throw streamError;
        chunk = '';
      }
    }
    if (chunk.length > 0) await write(target, chunk);
    if (target !== output.stdout) {
      target.end();
      await finished(target);
    }
    if (streamError !== undefined) throw streamError;
  } catch (error) {
    if (isBrokenPipe(error)) return 0; // e.g. `events export | head`: the reader has all it wanted
    output.stderr.write(`distillguard: events export: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (target !== output.stdout && !target.writableFinished) target.destroy();
    target.off('error', recordError);
    await store.close();
  }
  if (flags.out !== undefined) output.stderr.write(`exported ${lines} events to ${flags.out}\n`);
  return 0;
}

export async function countEventsCommand(flags: EventsRangeFlags, output: EventsOutput): Promise<number> {
  const query = rangeQuery(flags, 'count', output);
  if (typeof query === 'number') return query;
  const store = openExisting(flags.dataDir, 'count', output);
  if (store === undefined) return 1;
  try {
    output.stdout.write(`${await store.count(query)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The query for --since/--until, or exit code 2 after saying which flag is wrong. */
function rangeQuery(flags: EventsRangeFlags, command: string, output: EventsOutput): EventQuery | number {
  const query: EventQuery = {};
  for (const flag of ['since', 'until'] as const) {
    const text = flags[flag];
    if (text === undefined) continue;
    const date = parseTimestamp(text);
    if (date === undefined) {
      output.stderr.write(
        `distillguard: events ${command}: --${flag} ${JSON.stringify(text)} is not a timestamp; use RFC 3339, e.g. 2025-03-01T00:00:00Z or 2025-03-01\n`,
      );
      return 2;
    }
    query[flag] = date;
  }
  return query;
}

/** Reading must not create an empty database where the user mistyped a directory. */
function openExisting(dataDir: string, command: string, output: EventsOutput): SqliteEventStore | undefined {
  if (existsSync(databasePath(dataDir))) return new SqliteEventStore({ dataDir });
  output.stderr.write(`distillguard: events ${command}: no event database at ${databasePath(dataDir)}\n`);
  return undefined;
}

async function write(target: Writable, chunk: string): Promise<void> {
  if (!target.write(chunk)) await once(target, 'drain');
}

function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';
}

export function registerEvents(program: Command, output: EventsOutput = processEventsOutput): void {
  const events = program
    .command('events')
    .description('Read the recorded traffic events.')
    .addHelpText('after', '\nExample:\n  distillguard events export --since 2025-03-01 --out march.jsonl\n');

  events
    .command('export')
    .description('Write events as JSON Lines (traffic-event schema), in time order, to stdout or a file.')
    .addOption(dataDirOption())
    .option('--since <ts>', 'only events at or after this time (RFC 3339; UTC when no offset)')
    .option('--until <ts>', 'only events before this time')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  distillguard events export --data-dir ./distillguard-data --since 2025-03-01T00:00:00Z > events.jsonl\n')
    .action(async (flags: EventsExportFlags) => {
      process.exitCode = await exportEventsCommand(flags, output);
    });

  events
    .command('count')
    .description('Print how many events are stored (optionally in a time range).')
    .addOption(dataDirOption())
    .option('--since <ts>', 'only events at or after this time')
    .option('--until <ts>', 'only events before this time')
    .addHelpText('after', '\nExample:\n  distillguard events count --since 2025-03-01\n')
    .action(async (flags: EventsRangeFlags) => {
      process.exitCode = await countEventsCommand(flags, output);
    });
}
