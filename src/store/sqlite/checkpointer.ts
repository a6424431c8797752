import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.ts';

/**
 * WAL checkpoints on a worker thread of their own.
 *
 * Why: with SQLite's automatic checkpoint, the commit that pushes the WAL past 1,000 pages copies
 * them into the database file and fsyncs it, on the thread that committed: the gateway's. Measured
 * here (batches of 16 streamed events, 8 KB pages), 1.4% of commits then took over 2 ms and their
 * p99 was 9.5 ms, against 0.9 ms with checkpoints elsewhere; at 32 connections one such stall holds
 * every request in flight. The worker holds its own connection and runs PASSIVE checkpoints, which
 * never take the write lock; the writer's commits only append to the WAL (synchronous=NORMAL needs
 * no fsync on commit).
 *
 * Why the writer pauses (`busy`): SQLite starts the WAL over only when a write transaction begins
 * after a checkpoint has copied all of it. A checkpoint racing the writer always trails it by a
 * commit or two, and the WAL would grow for as long as the traffic lasts; so while a checkpoint runs
 * (a few ms every `everyRows` rows) the store holds its batches in memory, bounded by
 * MAX_PAUSE_MS, and `onIdle` tells it to go on.
 *
 * If the worker cannot start or dies, the writer's connection gets its automatic checkpoint back.
 */
export interface Checkpointer {
  /** Rows were committed; every `everyRows` of them the worker is asked for a checkpoint. */
  committed(rows: number): void;
  /** A checkpoint is running: writes should wait for `onIdle` so that it can catch up with the WAL. */
  readonly busy: boolean;
  /** Checkpoints the worker has completed. */
  readonly checkpoints: number;
  /** Stops the worker (its connection closed); the writer's own close then checkpoints what is left. */
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Committed rows between two checkpoints. */
  everyRows?: number;
  /** A checkpoint has ended (or overrun MAX_PAUSE_MS): writes may go on. */
  onIdle?: () => void;
  onError: (message: string) => void;
  /** The worker's code; a test seam for a worker that fails. */
  workerSource?: string;
}

/** SQLite's own default for wal_autocheckpoint, restored when the worker is gone. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** ~1 MB of WAL at the gateway's ~2.5 KB events: a short pause, often enough to keep the WAL small. */
const DEFAULT_EVERY_ROWS = 400;
/** Longest the writer waits for one checkpoint; past it, writes go on and the WAL may grow until the next. */
const MAX_PAUSE_MS = 200;
const CLOSE_TIMEOUT_MS = 5000;

/** CommonJS, run with `eval`: one connection, one PASSIVE checkpoint per request, a reply after each. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 2000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({});
  } catch (error) {
    parentPort.postMessage({ error: error && error.message ? error.message : String(error) });
  }
});
`;

export function startCheckpointer(db: SqliteDatabase, file: string, options: CheckpointerOptions): Checkpointer {
  const everyRows = Math.max(1, options.everyRows ?? DEFAULT_EVERY_ROWS);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let rowsSinceCheckpoint = 0;
  let running = false;
  let pause: NodeJS.Timeout | null = null;
  let checkpoints = 0;
  let stopped = false;

  const idle = (): void => {
    if (pause !== null) clearTimeout(pause);
    pause = null;
    options.onIdle?.();
  };

  db.pragma('wal_autocheckpoint = 0');
  // No execArgv: the worker is plain CommonJS and needs none of the parent's loaders (tsx in development).
  const worker = new Worker(options.workerSource ?? WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver, file } });
  // The worker must never keep the gateway (or a CLI run) alive on its own.
  worker.unref();

  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (why: string): void => {
    if (stopped) return;
    stopped = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    options.onError(`distillguard: event store: the checkpoint worker stopped (${why}); checkpoints run on the writer again`);
    idle();
  };
  worker.on('message', (reply: { error?: string }) => {
    running = false;
    if (reply.error === undefined) checkpoints++;
    else options.onError(`distillguard: event store: WAL checkpoint failed: ${reply.error}`);
    if (pause !== null) idle();
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`exit code ${code}`));

  return {
    committed(rows) {
      if (stopped) return;
      rowsSinceCheckpoint += rows;
      if (rowsSinceCheckpoint < everyRows || running) return;
      rowsSinceCheckpoint = 0;
      running = true;
      worker.postMessage('checkpoint');
      pause = setTimeout(idle, MAX_PAUSE_MS);
      pause.unref();
    },
    get busy() {
      return pause !== null;
    },
    get checkpoints() {
      return checkpoints;
    },
    async close() {
      if (pause !== null) clearTimeout(pause);
      pause = null;
      if (stopped) return;
      stopped = true;
      worker.postMessage('close');
      // A checkpoint under way finishes first (busy_timeout bounds its waits); past that, stop the thread.
      // This timer is also what keeps a shutting-down process alive until the (unref'd) worker has gone.
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
