/**
 * Bench logs from the simulator: one pass over a simulation writes the first N events (in the
 * simulator's write order, roughly time order) of each requested size to its own file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createSimulation, promptPools, scenarioFor, type Scale } from '../../src/sim/index.ts';

export interface BenchLog {
  size: number;
  /** Events actually written (fewer than `size` when the simulation ran out). */
  events: number;
  path: string;
  bytes: number;
}

/** The smallest preset expected to hold `events` (README of src/sim: medium ~1.04M, large ~10M). */
export function scaleFor(events: number): Scale {
  return events <= 1_000_000 ? 'medium' : 'large';
}

interface Target {
  log: BenchLog;
  stream: WriteStream;
  piece: string;
}

const PIECE_CHARS = 4 * 1024 * 1024;

async function flush(target: Target): Promise<void> {
  if (target.piece.length === 0) return;
  const piece = target.piece;
  target.piece = '';
  target.log.bytes += Buffer.byteLength(piece);
  if (!target.stream.write(piece)) await once(target.stream, 'drain');
}

export async function generateLogs(dir: string, sizes: readonly number[], seed: number, onProgress?: (events: number) => void): Promise<BenchLog[]> {
  const largest = Math.max(...sizes);
  const simulation = createSimulation(scenarioFor(scaleFor(largest), seed), promptPools(undefined));
  const targets: Target[] = sizes.map((size) => ({
    log: { size, events: 0, path: join(dir, `traffic-${size}.jsonl`), bytes: 0 },
    stream: createWriteStream(join(dir, `traffic-${size}.jsonl`)),
    piece: '',
  }));
  let written = 0;
  for (const event of simulation.events) {
    const line = `${JSON.stringify(event)}\n`;
    for (const target of targets) {
      if (target.log.events >= target.log.size) continue;
      target.log.events++;
      target.piece += line;
      if (target.piece.length >= PIECE_CHARS) await flush(target);
    }
    if (++written % 100_000 === 0) onProgress?.(written);
    if (written >= largest) break;
  }
  for (const target of targets) {
    await flush(target);
    target.stream.end();
    await once(target.stream, 'close');
  }
  return targets.map((target) => target.log);
}
