import type { TrafficEvent } from '../core/traffic-event.ts';

/**
 * Where recorded traffic events live. Two implementations sit behind it (invariant 6): SQLite for one
 * process, PostgreSQL at scale; `eventStoreContract` in ./event-store-contract.ts is the suite both pass.
 *
 * Every read and delete is asynchronous even though SQLite could answer synchronously: a networked
 * store cannot, and callers written against the Promise form work with both.
 */
export interface EventStore {
  /**
   * Queues an event; never throws and never blocks on I/O (the gateway's hot path calls it).
   * The store owns the event from here on: the caller must not mutate it afterwards, because it is
   * serialised later, off the request's path.
   */
  append(event: TrafficEvent): void;
  /**
   * Resolves when everything appended so far is durable (committed). Rejects with a DgError
   * `DG_STORE_FAILED` when a batch could not be written; that batch is kept for one retry.
   */
  flush(): Promise<void>;
  /**
   * Stored events in `ts` order, then insertion order; `since` inclusive, `until` exclusive. Pages
   * through the store, so an export of millions of rows runs in bounded memory. Events still queued
   * are not seen: call flush() first when that matters.
   */
  read(query?: EventQuery): AsyncIterable<TrafficEvent>;
  /** As read(), but each event's JSON text exactly as stored (exports need no re-serialisation). */
  readJson(query?: EventQuery): AsyncIterable<string>;
  /** How many stored events match (limit is ignored). */
  count(query?: EventQuery): Promise<number>;
  /** Deletes stored events whose `ts` is before the cutoff; returns how many. */
  deleteBefore(cutoff: Date): Promise<number>;
  /** A snapshot of the write counters. */
  readonly stats: EventStoreStats;
  /** Flushes (a failed batch gets its one retry), then releases the store. Never rejects for write failures: those were reported and counted. */
  close(): Promise<void>;
}

export interface EventQuery {
  since?: Date;
  until?: Date;
  limit?: number;
}

export interface EventStoreStats {
  /** Events committed to storage. */
  written: number;
  /** Events lost: queue full, unserialisable, or their batch failed twice. */
  dropped: number;
  /** Events waiting in memory (including a batch waiting for its retry). */
  queued: number;
  /** Write attempts that failed (each is reported once through onError). */
  failedBatches: number;
  /** Events skipped because an event with the same id was already stored. */
  duplicates: number;
}

/** Tuning shared by every implementation; the defaults come from RecordingConfig. */
export interface EventStoreOptions {
  /** A batch is written as soon as this many events are queued... */
  batchSize?: number;
  /** ...or this long after the first of them was queued. */
  flushIntervalMs?: number;
  /** Beyond this many queued events, new ones are dropped and counted. */
  maxQueue?: number;
  /** Receives one line per write problem; the store itself never throws from its timers. */
  onError?: (message: string) => void;
}
