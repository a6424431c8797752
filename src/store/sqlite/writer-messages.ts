/** What the event store and its writer thread (./event-writer.ts) say to each other. */

/** One event as stored: id, ts (ms), account_id, endpoint, status, and the event's JSON text. */
export type EventRow = [id: string, tsMs: number, accountId: string, endpoint: string, status: number | null, body: string];

export interface WriterOptions {
  dataDir: string;
  /** A commit waits up to this long for more batches to join it... */
  commitDelayMs: number;
  /** ...unless this many rows are already waiting. */
  commitRows: number;
}

/** A batch to write; `now` asks for it to be committed without waiting for others. */
export interface WriteRequest {
  seq: number;
  rows: EventRow[];
  now: boolean;
}

export type WriteResult =
  | { seq: number; ok: true; inserted: number; duplicates: number }
  | { seq: number; ok: false; error: string };
