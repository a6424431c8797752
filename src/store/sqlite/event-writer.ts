/**
 * The event store's writer thread. The gateway's thread only serialises events and posts them here,
 * so a commit never stalls a request, and commits can be large: batches that arrive within
 * `commitDelayMs` of each other share one transaction, which costs far less per row than many
 * small ones (fewer WAL frames and syscalls per row).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openDatabase } from './database.ts';
import { eventsSchema, insertEventSql } from './events-table.ts';
import type { EventRow, WriteRequest, WriteResult, WriterOptions } from './writer-messages.ts';

if (parentPort === null) throw new Error('event-writer.ts runs as a worker thread of the event store');
const port: MessagePort = parentPort;
const options = workerData as WriterOptions;

const db = openDatabase(options.dataDir);
db.exec(eventsSchema);
const insert = db.prepare<EventRow>(insertEventSql);
const commit = db.transaction((requests: WriteRequest[]) => requests.map((request) => insertRows(request)));

let waiting: WriteRequest[] = [];
let waitingRows = 0;
let timer: NodeJS.Timeout | null = null;

function insertRows(request: WriteRequest): WriteResult {
  let inserted = 0;
  for (const row of request.rows) inserted += insert.run(...row).changes;
  return { seq: request.seq, ok: true, inserted, duplicates: request.rows.length - inserted };
}

function commitWaiting(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const requests = waiting;
  waiting = [];
  waitingRows = 0;
  if (requests.length === 0) return;
  let results: WriteResult[];
  try {
    results = commit(requests);
  } catch (error) {
    // The transaction rolled back: none of its batches were written.
    const message = error instanceof Error ? error.message : String(error);
    results = requests.map((request) => ({ seq: request.seq, ok: false, error: message }));
  }
  for (const result of results) port.postMessage(result);
}

port.on('message', (request: WriteRequest | 'close') => {
  if (request === 'close') {
    commitWaiting();
    db.close();
    port.close();
    return;
  }
  waiting.push(request);
  waitingRows += request.rows.length;
  if (request.now || waitingRows >= options.commitRows) commitWaiting();
  else timer ??= setTimeout(commitWaiting, options.commitDelayMs);
});
