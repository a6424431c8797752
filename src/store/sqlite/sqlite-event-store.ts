import type { Statement } from 'better-sqlite3';
import { defaultConfig } from '../../config/config.ts';
import { DgError } from '../../core/errors.ts';
import type { TrafficEvent } from '../../core/traffic-event.ts';
import type { EventQuery, EventStore, EventStoreOptions, EventStoreStats } from '../event-store.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { databasePath, openDatabase, type SqliteDatabase } from './database.ts';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  dataDir: string;
}

/** Rows fetched per query while reading: bounds the memory of an export, whatever its size. */
const readPageSize = 1000;
/** Rows removed per statement while deleting, so retention never holds the write lock for long. */
const deleteChunkSize = 5000;

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
 */
export class SqliteEventStore implements EventStore {
  readonly #db: SqliteDatabase;
  readonly #insert: Statement<[string, number, string, string, number | null, string]>;
  readonly #page: Statement<[number, number, number, number], PageRow>;
  readonly #count: Statement<[number, number], { n: number }>;
  readonly #deleteChunk: Statement<[number, number]>;
  readonly #insertBatch: (batch: TrafficEvent[]) => number;

  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxQueue: number;
  readonly #onError: (message: string) => void;
  readonly #file: string;
  /** Started by the first write, so that a store opened only to read (an export) starts no thread. */
  #checkpointer: Checkpointer | null = null;

  #queue: TrafficEvent[] = [];
  /** A batch whose first write failed; it gets exactly one more attempt before it is dropped. */
  #retry: TrafficEvent[] | null = null;
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
    this.#insertBatch = this.#db.transaction((batch: TrafficEvent[]) => this.#insertRows(batch));
  }

  get stats(): EventStoreStats {
    return {
      written: this.#written,
      dropped: this.#dropped,
      queued: this.#queue.length + (this.#retry?.length ?? 0),
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
    while (this.#retry !== null || this.#queue.length > 0) {
      if (!this.#writeNextBatch()) {
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
    while (this.#retry !== null || this.#queue.length > 0) this.#writeNextBatch();
    await this.#checkpointer?.close();
    this.#db.close();
  }

  /** Writes the pending retry, else the next batch from the queue. False when the write failed. */
  #writeNextBatch(): boolean {
    const retry = this.#retry;
    if (retry !== null) {
      this.#retry = null;
      if (this.#tryInsert(retry, 'dropped')) return true;
      this.#dropped += retry.length;
      return false;
    }
    const batch = this.#queue.splice(0, this.#batchSize);
    if (batch.length === 0 || this.#tryInsert(batch, 'kept for one retry')) return true;
    this.#retry = batch;
    return false;
  }

  #tryInsert(batch: TrafficEvent[], onFailure: string): boolean {
    try {
      this.#written += this.#insertBatch(batch);
      this.#checkpointer ??= startCheckpointer(this.#db, this.#file, { onError: this.#onError, onIdle: () => this.#afterScheduledWrite(true) });
      this.#checkpointer.committed(batch.length);
      return true;
    } catch (error) {
      this.#failedBatches++;
      this.#onError(`distillguard: event store: writing ${batch.length} events failed (${describe(error)}); ${onFailure}`);
      return false;
    }
  }

  /** Runs inside the batch's transaction; returns how many rows were inserted. */
  #insertRows(batch: TrafficEvent[]): number {
    let inserted = 0;
    for (const event of batch) {
      let body: string;
      const tsMs = Date.parse(event.ts);
      try {
        body = JSON.stringify(event);
      } catch (error) {
        this.#rejectEvent(event, `not serialisable: ${describe(error)}`);
        continue;
      }
      if (Number.isNaN(tsMs)) {
        this.#rejectEvent(event, 'ts is not a date-time');
        continue;
      }
      const status = typeof event.status === 'number' ? event.status : null;
      if (this.#insert.run(event.id, tsMs, event.account_id, event.endpoint, status, body).changes === 1) inserted++;
      else this.#duplicates++;
    }
    return inserted;
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
   * While a checkpoint runs, batches wait in the queue (see ./checkpointer.ts); its onIdle schedules the next
   * write as a successful one would, and a batch waiting for its retry keeps waiting for the timer.
   */
  #scheduledWrite(): void {
    if (this.#checkpointer?.busy) return;
    this.#afterScheduledWrite(this.#writeNextBatch());
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
