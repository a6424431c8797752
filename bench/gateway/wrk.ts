/** Runs wrk against one target and reads back the JSON line printed by wrk/common.lua's done(). */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './children.ts';

const SCRIPTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wrk');

export type RequestKind = 'plain' | 'stream';

export interface WrkResult {
  requests: number;
  durationUs: number;
  bytes: number;
  latencyUs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
}

export function findWrk(): string | undefined {
  const searchPath = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir.length > 0);
  for (const dir of [...searchPath, '/usr/bin', '/usr/local/bin']) {
    const candidate = path.join(dir, 'wrk');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`wrk result: "${key}" is not a number`);
  }
  return value;
}

function parseWrkResult(line: string): WrkResult {
  const parsed: unknown = JSON.parse(line.slice(line.indexOf('{')));
  if (!isRecord(parsed) || !isRecord(parsed.latencyUs) || !isRecord(parsed.errors)) {
    throw new Error(`wrk result: unexpected shape: ${line}`);
  }
  const latency = parsed.latencyUs;
  const errors = parsed.errors;
  return {
    requests: numberField(parsed, 'requests'),
    durationUs: numberField(parsed, 'durationUs'),
    bytes: numberField(parsed, 'bytes'),
    latencyUs: {
      p50: numberField(latency, 'p50'),
      p90: numberField(latency, 'p90'),
      p99: numberField(latency, 'p99'),
      max: numberField(latency, 'max'),
      mean: numberField(latency, 'mean'),
    },
    errors: {
      connect: numberField(errors, 'connect'),
      read: numberField(errors, 'read'),
      write: numberField(errors, 'write'),
      status: numberField(errors, 'status'),
      timeout: numberField(errors, 'timeout'),
    },
  };
}

export async function runWrk(options: {
  wrkPath: string;
  cwd: string;
  baseUrl: string;
  kind: RequestKind;
  connections: number;
  durationSeconds: number;
  authorization: string;
  extraHeaders: Record<string, string>;
}): Promise<WrkResult> {
  const script = path.join(SCRIPTS_DIR, options.kind === 'plain' ? 'chat-plain.lua' : 'chat-stream.lua');
  const headerArgs = Object.entries(options.extraHeaders).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  // One wrk thread: the machine has two cores shared by wrk, the upstream and the proxy, and one
  // event loop drives 32 keep-alive connections at these rates without becoming the bottleneck.
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    ...headerArgs,
    options.baseUrl,
  ];
  const wrk = startChild('wrk', options.wrkPath, args, {
    cwd: options.cwd,
    env: { ...process.env, BENCH_AUTHORIZATION: options.authorization },
  });
  const line = await wrk.waitForLine(/^WRK_JSON /, (options.durationSeconds + 30) * 1000);
  await wrk.stop();
  return parseWrkResult(line);
}
