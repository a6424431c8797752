import type { Statement } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { defaultConfig } from '../../config/config.ts';
import { DgError } from '../../core/errors.ts';
import type { TrafficEvent } from '../../core/traffic-event.ts';
import type { EventQuery, EventStore, EventStoreOptions, EventStoreStats } from '../event-store.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { eventsSchema } from './events-table.ts';
import type { EventRow, WriteRequest, WriteResult, WriterOptions } from './writer-messages.ts';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  dataDir: string;
}

/** Rows fetched per query while reading: bounds the memory of an export, whatever its size. */
const readPageSize = 1000;
/** Rows removed per statement while deleting, so retention never holds the write lock for long. */
const deleteChunkSize = 5000;

/**
 * The writer thread commits batches that arrive within this long of each other together, up to
 * `commitRows` rows: a durable write is at most this late, and a commit of many rows costs far
 * less per row than a commit of a few.
 */
const commitDelayMs = 20;
const commitRows = 512;

/**
 * Starts the writer thread: the bundle's event-writer.js beside this chunk, or, running from the
 * sources (tests, tsx), event-writer.ts through tsx's loader, which a worker does not inherit.
 */
function startWriter(options: WriterOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./event-writer.js', import.meta.url), { workerData: options });
  const entry = JSON.stringify(new URL('./event-writer.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

interface PageRow {
  seq: number;
  ts_ms: number;
  body: string;
}

/** A batch posted to the writer thread and not answered yet. */
interface Posted {
  rows: EventRow[];
  /** True when this is the batch's second and last attempt. */
  retry: boolean;
  /** Resolves with whether the batch was written. */
  done: Promise<boolean>;
  settle(written: boolean): void;
}

/**
 * The embedded EventStore: `<dataDir>/distillguard.sqlite`. Appends go to an in-memory queue; a
 * batch at a time (from a setImmediate or an unref'd timer, never inline) is serialised here and
 * handed to a writer thread (./event-writer.ts) that commits it. Reads and retention use this
 * thread's own connection; WAL lets them run beside the writer's commits.
 */
export class SqliteEventStore implements EventStore {
  readonly #db: SqliteDatabase;
  readonly #dataDir: string;
  readonly #page: Statement<[number, number, number, number], PageRow>;
  readonly #count: Statement<[number, number], { n: number }>;
  readonly #deleteChunk: Statement<[number, number]>;

  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxQueue: number;
  readonly #onError: (message: string) => void;

  #queue: TrafficEvent[] = [];
  /** Batches whose first write failed; each gets exactly one more attempt before it is dropped. */
  #retries: EventRow[][] = [];
  #posted = new Map<number, Posted>();
  #seq = 0;
  #worker: Worker | null = null;
  #timer: NodeJS.Timeout | null = null;
  #immediate: NodeJS.Immediate | null = null;
  #closed = false;

  #written = 0;
  #dropped = 0;
  #failedBatches = 0;
  #duplicates = 0;

  constructor(options: SqliteEventStoreOptions) {
    const recording = defaultConfig.recording;
    this.#batchSize = Math.max(1, options.batchSize ?? recording.batchSize);
    this.#flushIntervalMs = Math.max(0, options.flushIntervalMs ?? recording.flushIntervalMs);
    this.#maxQueue = Math.max(0, options.maxQueue ?? recording.maxQueue);
    this.#onError = options.onError ?? ((message) => process.stderr.write(`${message}\n`));

    this.#dataDir = options.dataDir;
    this.#db = openDatabase(options.dataDir);
    this.#db.exec(eventsSchema);
    // Keyset paging on (ts_ms, seq): each page is one short query, so nothing stays open between pages.
    this.#page = this.#db.prepare(
      'SELECT seq, ts_ms, body FROM events WHERE ts_ms < ? AND (ts_ms, seq) > (?, ?) ORDER BY ts_ms, seq LIMIT ?',
    );
    this.#count = this.#db.prepare('SELECT count(*) AS n FROM events WHERE ts_ms >= ? AND ts_ms < ?');
    this.#deleteChunk = this.#db.prepare(
      'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE ts_ms < ? ORDER BY ts_ms LIMIT ?)',
    );
  }

  get stats(): EventStoreStats {
    let queued = this.#queue.length;
    for (const rows of this.#retries) queued += rows.length;
    for (const posted of this.#posted.values()) queued += posted.rows.length;
    return {
      written: this.#written,
      dropped: this.#dropped,
      queued,
      failedBatches: this.#failedBatches,
      duplicates: this.#duplicates,
    };
  }

  append(event: TrafficEvent): void {
    if (this.#closed || this.#queue.length >= this.#maxQueue) {
      this.#dropped++;
      return;
    }
    this.#queue.push(event);
    if (this.#queue.length >= this.#batchSize) this.#scheduleImmediate();
    else this.#armTimer();
  }

  async flush(): Promise<void> {
    this.#cancelScheduled();
    this.#postEverything();
    const outcomes = await Promise.all([...this.#posted.values()].map((posted) => posted.done));
    if (outcomes.includes(false)) {
      throw new DgError('DG_STORE_FAILED', 500, 'event store: a batch could not be written (see the warning logged)');
    }
  }

  async *readJson(query: EventQuery = {}): AsyncIterable<string> {
    const until = query.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
    let remaining = query.limit ?? Number.POSITIVE_INFINITY;
    let afterTs = query.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
    let afterSeq = -1; // seq starts at 1, so (since, -1) makes `since` inclusive
    while (remaining > 0) {
      const rows = this.#page.all(until, afterTs, afterSeq, Math.min(readPageSize, remaining));
      for (const row of rows) yield row.body;
      const last = rows.at(-1);
      if (last === undefined || rows.length < readPageSize) return;
      afterTs = last.ts_ms;
      afterSeq = last.seq;
      remaining -= rows.length;
    }
  }

  async *read(query: EventQuery = {}): AsyncIterable<TrafficEvent> {
    for await (const json of this.readJson(query)) yield JSON.parse(json) as TrafficEvent;
  }

  async count(query: EventQuery = {}): Promise<number> {
    const since = query.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const until = query.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return this.#count.get(since, until)?.n ?? 0;
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    const cutoffMs = cutoff.getTime();
    let deleted = 0;
    for (;;) {
      const { changes } = this.#deleteChunk.run(cutoffMs, deleteChunkSize);
      deleted += changes;
      if (changes < deleteChunkSize) return deleted;
      // Let the gateway's requests (and batch writes) run between chunks of a large purge.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cancelScheduled();
    // Each failing batch gets its retry here too; what still fails is counted in `dropped`.
    while (this.#queue.length > 0 || this.#retries.length > 0 || this.#posted.size > 0) {
      this.#postEverything();
      await Promise.all([...this.#posted.values()].map((posted) => posted.done));
    }
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref();
      worker.postMessage('close');
      await exited;
    }
    this.#db.close();
  }

  /** Posts the retries, then every queued event, asking for an immediate commit. */
  #postEverything(): void {
    const retries = this.#retries;
    this.#retries = [];
    for (const rows of retries) this.#post(rows, true, true);
    while (this.#queue.length > 0) this.#postNextBatch(true);
  }

  /** Serialises the next batch of the queue and posts it (events that cannot be stored are dropped here). */
  #postNextBatch(now: boolean): void {
    const batch = this.#queue.splice(0, this.#batchSize);
    const rows: EventRow[] = [];
    for (const event of batch) {
      const row = this.#row(event);
      if (row !== undefined) rows.push(row);
    }
    if (rows.length > 0) this.#post(rows, false, now);
  }

  #row(event: TrafficEvent): EventRow | undefined {
    let body: string;
    try {
      body = JSON.stringify(event);
    } catch (error) {
      this.#rejectEvent(event, `not serialisable: ${describe(error)}`);
      return undefined;
    }
    const tsMs = Date.parse(event.ts);
    if (Number.isNaN(tsMs)) {
      this.#rejectEvent(event, 'ts is not a date-time');
      return undefined;
    }
    return [event.id, tsMs, event.account_id, event.endpoint, typeof event.status === 'number' ? event.status : null, body];
  }

  #post(rows: EventRow[], retry: boolean, now: boolean): void {
    let settle!: (written: boolean) => void;
    const done = new Promise<boolean>((resolve) => (settle = resolve));
    const seq = ++this.#seq;
    this.#posted.set(seq, { rows, retry, done, settle });
    const worker = this.#writer();
    // Like a socket with a write pending: keep the process alive only while a batch is in flight.
    if (this.#posted.size === 1) worker.ref();
    const request: WriteRequest = { seq, rows, now };
    worker.postMessage(request);
  }

  #writer(): Worker {
    if (this.#worker !== null) return this.#worker;
    const options: WriterOptions = { dataDir: this.#dataDir, commitDelayMs, commitRows };
    const worker = startWriter(options);
    worker.on('message', (result: WriteResult) => this.#settle(result));
    // A writer that died takes its batches with it: they count as failed (and get their retry from a new one).
    worker.on('error', (error) => this.#writerGone(worker, describe(error)));
    worker.on('exit', (code) => this.#writerGone(worker, `writer thread exited (${code})`));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #writerGone(worker: Worker, why: string): void {
    if (this.#worker === worker) this.#worker = null;
    for (const seq of [...this.#posted.keys()]) this.#settle({ seq, ok: false, error: why });
  }

  #settle(result: WriteResult): void {
    const posted = this.#posted.get(result.seq);
    if (posted === undefined) return;
    this.#posted.delete(result.seq);
    if (this.#posted.size === 0) this.#worker?.unref();
    if (result.ok) {
      this.#written += result.inserted;
      this.#duplicates += result.duplicates;
    } else {
      this.#failedBatches++;
      const count = posted.rows.length;
      if (posted.retry) {
        this.#dropped += count;
        this.#onError(`distillguard: event store: writing ${count} events failed (${oneLine(result.error)}); dropped`);
      } else {
        this.#retries.push(posted.rows);
        this.#onError(`distillguard: event store: writing ${count} events failed (${oneLine(result.error)}); kept for one retry`);
        // A full disk is not cured within the same millisecond: the retry waits for the timer.
        if (!this.#closed) this.#armTimer();
      }
    }
    posted.settle(result.ok);
  }

  #rejectEvent(event: TrafficEvent, why: string): void {
    this.#dropped++;
    this.#onError(`distillguard: event store: event ${String(event.id)} dropped, ${why}`);
  }

  #scheduleImmediate(): void {
    if (this.#immediate !== null) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = null;
      this.#afterScheduled();
    });
  }

  #armTimer(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const retries = this.#retries;
      this.#retries = [];
      for (const rows of retries) this.#post(rows, true, false);
      this.#afterScheduled();
    }, this.#flushIntervalMs);
    this.#timer.unref();
  }

  /**
   * One batch per tick keeps the event loop responsive (serialising is the cost left on this
   * thread); whatever is left is picked up by the next tick or the timer.
   */
  #afterScheduled(): void {
    if (this.#closed) return;
    if (this.#queue.length > 0) this.#postNextBatch(false);
    if (this.#queue.length >= this.#batchSize) this.#scheduleImmediate();
    else if (this.#queue.length > 0) this.#armTimer();
  }

  #cancelScheduled(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#immediate !== null) clearImmediate(this.#immediate);
    this.#timer = null;
    this.#immediate = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Warnings are one line each, whatever the error's message held. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
