/**
 * Sorts log lines by (ts, id) in bounded memory: lines gather in a chunk of at most `chunkEvents` lines or
 * `chunkChars` characters; a full chunk is sorted and spilled to a temporary JSONL file; at the end the
 * spills are merged k ways through a heap (in several passes when there are more than `maxFanIn`). Input
 * that fits in one chunk never touches the disk. The temporary directory is removed when the sorted
 * stream ends, fails or is abandoned.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MinHeap } from '../core/min-heap.ts';
import { readLines } from './read-lines.ts';

/** One valid event line with its sort key. */
export interface SortRecord {
  /** ts in milliseconds since the epoch. */
  ms: number;
  id: string;
  /** The event's JSON line as read. */
  text: string;
}

export interface SortOptions {
  chunkEvents?: number;
  chunkChars?: number;
  /** Where the spill directory is made (default: the OS temporary directory). */
  tmpDir?: string;
  /** Most spill files merged at once; more are merged in passes (open file handles stay bounded). */
  maxFanIn?: number;
}

export const DEFAULT_CHUNK_EVENTS = 100_000;
export const DEFAULT_CHUNK_CHARS = 256 * 1024 * 1024;
const DEFAULT_MAX_FAN_IN = 128;
const WRITE_PIECE_CHARS = 4 * 1024 * 1024;

export function compareRecords(a: SortRecord, b: SortRecord): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/*
 * Spill line: `<ms>\t<id as a JSON string>\t<event line>`. The key is stored so that merging never re-parses
 * the event; a JSON string holds no raw tab or line break, so the second tab ends it.
 */
function spillLine(record: SortRecord): string {
  return `${record.ms}\t${JSON.stringify(record.id)}\t${record.text}\n`;
}

function parseSpillLine(line: string): SortRecord {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  return { ms: Number(line.slice(0, first)), id: JSON.parse(line.slice(first + 1, second)) as string, text: line.slice(second + 1) };
}

async function writePiece(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

async function writeSpill(path: string, records: Iterable<SortRecord> | AsyncIterable<SortRecord>): Promise<void> {
  const stream = createWriteStream(path);
  let failure: unknown;
  stream.on('error', (error) => { failure ??= error; });
  let piece = '';
  for await (const record of records) {
    piece += spillLine(record);
    if (piece.length >= WRITE_PIECE_CHARS) {
      await writePiece(stream, piece);
      piece = '';
      if (failure !== undefined) break;
    }
  }
  if (failure === undefined && piece.length > 0) await writePiece(stream, piece);
  await closeStream(stream);
  if (failure !== undefined) throw failure;
}

interface MergeHead {
  record: SortRecord;
  source: AsyncGenerator<SortRecord, void>;
}

async function* spillRecords(path: string): AsyncGenerator<SortRecord, void> {
  for await (const { text } of readLines(path)) yield parseSpillLine(text);
}

/** The records of every (sorted) spill file, merged into one sorted stream. */
async function* mergeSpills(paths: string[]): AsyncGenerator<SortRecord, void> {
  const heap = new MinHeap<MergeHead>((a, b) => compareRecords(a.record, b.record) < 0);
  const sources = paths.map(spillRecords);
  try {
    for (const source of sources) {
      const first = await source.next();
      if (!first.done) heap.push({ record: first.value, source });
    }
    for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
      yield head.record;
      const next = await head.source.next();
      if (!next.done) heap.push({ record: next.value, source: head.source });
    }
  } finally {
    await Promise.all(sources.map((source) => source.return(undefined)));
  }
}

export class ExternalSorter {
  private chunk: SortRecord[] = [];
  private chunkChars = 0;
  private readonly spills: string[] = [];
  private dir: string | undefined;
  /** Spill files ever made: names stay unique while merge passes remove some. */
  private made = 0;
  private readonly maxEvents: number;
  private readonly maxChars: number;
  private readonly maxFanIn: number;

  constructor(private readonly options: SortOptions = {}) {
    this.maxEvents = Math.max(1, options.chunkEvents ?? DEFAULT_CHUNK_EVENTS);
    this.maxChars = Math.max(1, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
    this.maxFanIn = Math.max(2, options.maxFanIn ?? DEFAULT_MAX_FAN_IN);
  }

  /** How many sorted chunks went to disk so far (merge passes not counted). */
  spillCount = 0;

  /** The spill directory, once there is one (tests check that it is gone afterwards). */
  get spillDirectory(): string | undefined {
    return this.dir;
  }

  async add(record: SortRecord): Promise<void> {
    // Spill a full chunk only when more comes: input of exactly one chunk never touches the disk.
    if (this.chunk.length >= this.maxEvents || this.chunkChars >= this.maxChars) await this.spill();
    this.chunk.push(record);
    this.chunkChars += record.text.length;
  }

  private async newSpillPath(): Promise<string> {
    this.dir ??= await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'distillguard-sort-'));
    return join(this.dir, `run-${this.made++}.jsonl`);
  }

  private async spill(): Promise<void> {
    const records = this.chunk.sort(compareRecords);
    this.chunk = [];
    this.chunkChars = 0;
    const path = await this.newSpillPath();
    this.spills.push(path);
    this.spillCount++;
    await writeSpill(path, records);
  }

  /** Every added record in (ts, id) order; call once, after the last add. Removes the spill files. */
  async *sorted(): AsyncGenerator<SortRecord, void> {
    try {
      if (this.spills.length === 0) {
        const records = this.chunk.sort(compareRecords);
        this.chunk = [];
        yield* records;
        return;
      }
      if (this.chunk.length > 0) await this.spill();
      while (this.spills.length > this.maxFanIn) {
        const group = this.spills.splice(0, this.maxFanIn);
        const path = await this.newSpillPath();
        await writeSpill(path, mergeSpills(group));
        this.spills.push(path);
        await Promise.all(group.map((done) => rm(done, { force: true })));
      }
      yield* mergeSpills(this.spills);
    } finally {
      await this.dispose();
    }
  }

  /** Removes the spill directory; safe to call more than once. */
  async dispose(): Promise<void> {
    this.chunk = [];
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
  }
}
