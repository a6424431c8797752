import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { defaultConfig } from '../../config/config.ts';
import { DgError } from '../../core/errors.ts';
import type { TrafficEvent } from '../../core/traffic-event.ts';
import type { EventQuery, EventStore, EventStoreOptions, EventStoreStats } from '../event-store.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { databasePath, openDatabase, type SqliteDatabase } from './database.ts';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  dataDir: string;
  /** Longest run of inserts per turn of the event loop; 0 writes one row per turn (tests). */
  writeSliceMs?: number;
}

/** A batch being written: its transaction is open and its rows before `next` are inserted. */
interface OpenBatch {
  events: TrafficEvent[];
  next: number;
  inserted: number;
  /** The batch's second attempt: if it fails too, it is dropped. */
  isRetry: boolean;
}

type WriteOutcome = 'done' | 'more' | 'failed';

/** Rows fetched per query while reading: bounds the memory of an export, whatever its size. */
const readPageSize = 1000;
/** Rows removed per statement while deleting, so retention never holds the write lock for long. */
const deleteChunkSize = 5000;
/** Longest run of inserts in one turn of the event loop (the recorder's slices are as long). */
const defaultWriteSliceMs = 0.1;

const schema = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  ts_ms INTEGER,
  account_id TEXT,
  endpoint TEXT,
  status INTEGER,
  body TEXT
);
CREATE INDEX IF NOT EXISTS events_ts_ms ON events (ts_ms);
`;

interface PageRow {
  seq: number;
  ts_ms: number;
  body: string;
}

/**
 * The embedded EventStore: `<dataDir>/distillguard.sqlite`. Appends go to an in-memory queue and are
 * written in batches, one transaction each, from a setImmediate or an unref'd timer — never inline.
 *
 * A batch is written in slices of at most `writeSliceMs`, one per turn of the event loop, inside its
 * one transaction: a whole batch of 16 streamed events took ~0.6 ms at once at 1 connection (~37 µs an
 * event in a profile), which landed on the next request. Four alternating 10 s runs of the bench's
 * 1-connection probe, streamed: p90 1.19-1.23 -> 1.05-1.08 ms in the comparable pairs, p99 3.3-3.8 ->
 * 3.3 ms (a scratch harness on a noisy afternoon, so read the direction, not the values). Readers see a
 * batch only once it is committed, whole.
 */
export class SqliteEventStore implements EventStore {
  readonly #db: SqliteDatabase;
  readonly #insert: Statement<[string, number, string, string, number | null, string]>;
  readonly #page: Statement<[number, number, number, number], PageRow>;
  readonly #count: Statement<[number, number], { n: number }>;
  readonly #deleteChunk: Statement<[number, number]>;
  readonly #begin: Statement<[]>;
  readonly #commit: Statement<[]>;
  readonly #rollback: Statement<[]>;

  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxQueue: number;
  readonly #onError: (message: string) => void;
  readonly #writeSliceMs: number;
  readonly #file: string;
  /** Started by the first write, so that a store opened only to read (an export) starts no thread. */
  #checkpointer: Checkpointer | null = null;

  #queue: TrafficEvent[] = [];
  /** A batch whose first write failed; it gets exactly one more attempt before it is dropped. */
  #retry: TrafficEvent[] | null = null;
  #open: OpenBatch | null = null;
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
    this.#writeSliceMs = Math.max(0, options.writeSliceMs ?? defaultWriteSliceMs);

    this.#file = databasePath(options.dataDir);
    this.#db = openDatabase(options.dataDir);
    this.#db.exec(schema);
    // Duplicate ids are skipped rather than failing the whole batch they arrived in.
    this.#insert = this.#db.prepare(
      'INSERT INTO events (id, ts_ms, account_id, endpoint, status, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    );
    // Keyset paging on (ts_ms, seq): each page is one short query, so nothing stays open between pages.
    this.#page = this.#db.prepare(
      'SELECT seq, ts_ms, body FROM events WHERE ts_ms < ? AND (ts_ms, seq) > (?, ?) ORDER BY ts_ms, seq LIMIT ?',
    );
    this.#count = this.#db.prepare('SELECT count(*) AS n FROM events WHERE ts_ms >= ? AND ts_ms < ?');
    this.#deleteChunk = this.#db.prepare(
      'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE ts_ms < ? ORDER BY ts_ms LIMIT ?)',
    );
    // IMMEDIATE: the write lock is taken when the batch starts, not half-way through it.
    this.#begin = this.#db.prepare('BEGIN IMMEDIATE');
    this.#commit = this.#db.prepare('COMMIT');
    this.#rollback = this.#db.prepare('ROLLBACK');
  }

  get stats(): EventStoreStats {
    return {
      written: this.#written,
      dropped: this.#dropped,
      queued: this.#queue.length + (this.#retry?.length ?? 0) + (this.#open?.events.length ?? 0),
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
    while (this.#pending) {
      if (this.#writeSome(Number.POSITIVE_INFINITY) === 'failed') {
        throw new DgError('DG_STORE_FAILED', 500, 'event store: a batch could not be written (see the warning logged)');
      }
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
      // A batch left open by a scheduled slice is finished first: the purge is not part of its transaction.
      if (this.#open !== null) this.#writeSome(Number.POSITIVE_INFINITY);
      const { changes } = this.#deleteChunk.run(cutoffMs, deleteChunkSize);
      deleted += changes;
      // A purge writes pages to the WAL as inserts do; they count towards the next checkpoint.
      this.#checkpointer?.committed(changes);
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
    while (this.#pending) this.#writeSome(Number.POSITIVE_INFINITY);
    await this.#checkpointer?.close();
    this.#db.close();
  }

  /** Events waiting to be written: an open batch, a retry or the queue. */
  get #pending(): boolean {
    return this.#open !== null || this.#retry !== null || this.#queue.length > 0;
  }

  /**
   * Inserts rows of the open batch until `deadline` (performance.now() time), first opening one (the
   * retry, else the next batch of the queue) when none is open, and commits it once all its rows are
   * in. 'more': the batch is still open; 'failed': it was rolled back and kept for its retry, or dropped.
   */
  #writeSome(deadline: number): WriteOutcome {
    let open = this.#open;
    if (open === null) {
      const retry = this.#retry;
      this.#retry = null;
      const events = retry ?? this.#queue.splice(0, this.#batchSize);
      if (events.length === 0) return 'done';
      open = { events, next: 0, inserted: 0, isRetry: retry !== null };
      try {
        this.#begin.run();
      } catch (error) {
        return this.#failed(open, error);
      }
      this.#open = open;
    }
    try {
      do this.#insertNext(open);
      while (open.next < open.events.length && performance.now() < deadline);
      if (open.next < open.events.length) return 'more';
      this.#commit.run();
    } catch (error) {
      this.#open = null;
      if (this.#db.inTransaction) this.#rollback.run();
      return this.#failed(open, error);
    }
    this.#open = null;
    this.#written += open.inserted;
    this.#checkpointer ??= startCheckpointer(this.#db, this.#file, { onError: this.#onError, onIdle: () => this.#resume() });
    this.#checkpointer.committed(open.events.length);
    return 'done';
  }

  #failed(batch: OpenBatch, error: unknown): 'failed' {
    this.#failedBatches++;
    const fate = batch.isRetry ? 'dropped' : 'kept for one retry';
    this.#onError(`distillguard: event store: writing ${batch.events.length} events failed (${describe(error)}); ${fate}`);
    if (batch.isRetry) this.#dropped += batch.events.length;
    else this.#retry = batch.events;
    return 'failed';
  }

  /** Inserts the open batch's next event, or rejects it when it cannot be stored. */
  #insertNext(batch: OpenBatch): void {
    const event = batch.events[batch.next++]!;
    let body: string;
    try {
      body = JSON.stringify(event);
    } catch (error) {
      this.#rejectEvent(event, `not serialisable: ${describe(error)}`);
      return;
    }
    const tsMs = Date.parse(event.ts);
    if (Number.isNaN(tsMs)) {
      this.#rejectEvent(event, 'ts is not a date-time');
      return;
    }
    const status = typeof event.status === 'number' ? event.status : null;
    if (this.#insert.run(event.id, tsMs, event.account_id, event.endpoint, status, body).changes === 1) batch.inserted++;
    else this.#duplicates++;
  }

  #rejectEvent(event: TrafficEvent, why: string): void {
    this.#dropped++;
    this.#onError(`distillguard: event store: event ${String(event.id)} dropped, ${why}`);
  }

  #scheduleImmediate(): void {
    if (this.#immediate !== null) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = null;
      this.#scheduledWrite();
    });
  }

  #armTimer(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#scheduledWrite();
    }, this.#flushIntervalMs);
    this.#timer.unref();
  }

  /**
   * One slice of writing per turn. While a checkpoint runs, no new batch starts (see ./checkpointer.ts);
   * #resume picks the queue up afterwards.
   */
  #scheduledWrite(): void {
    if (this.#open === null && this.#checkpointer?.busy) return;
    const outcome = this.#writeSome(performance.now() + this.#writeSliceMs);
    if (outcome === 'more') this.#scheduleImmediate();
    else this.#afterScheduledWrite(outcome === 'done');
  }

  #resume(): void {
    if (this.#closed) return;
    if (this.#open !== null || this.#retry !== null || this.#queue.length >= this.#batchSize) this.#scheduleImmediate();
    else if (this.#queue.length > 0) this.#armTimer();
  }

  /**
   * One batch per tick keeps the event loop responsive; whatever is left is picked up here. After a
   * failure the retry waits for the timer: a full disk is not cured within the same millisecond.
   */
  #afterScheduledWrite(succeeded: boolean): void {
    if (this.#closed) return;
    if (succeeded && this.#queue.length >= this.#batchSize) this.#scheduleImmediate();
    else if (this.#queue.length > 0 || this.#retry !== null) this.#armTimer();
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
