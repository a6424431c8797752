import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DgError } from '../../core/errors.ts';
import { eventStoreContract, sampleEvent } from '../event-store-contract.ts';
import { databasePath } from './database.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

eventStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dg-events-'));
  return {
    open: async (options) => new SqliteEventStore({ ...options, dataDir: join(dir, 'data') }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

async function withDir(body: (dataDir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-events-'));
  try {
    await body(join(dir, 'nested', 'data'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Makes every insert fail from another connection, as a full disk would, until the returned undo runs. */
function breakInserts(dataDir: string): () => void {
  const other = new Database(databasePath(dataDir));
  other.exec(`CREATE TRIGGER fail_insert BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  return () => {
    other.exec('DROP TRIGGER fail_insert');
    other.close();
  };
}

describe('SqliteEventStore', () => {
  it('creates <dataDir>/distillguard.sqlite in WAL mode, 8 KB pages, with the events table', async () => {
    await withDir(async (dataDir) => {
      const store = new SqliteEventStore({ dataDir });
      store.append(sampleEvent('e1', '2025-03-01T00:00:00Z'));
      await store.close();
      assert.ok(existsSync(join(dataDir, 'distillguard.sqlite')));
      const db = new Database(databasePath(dataDir), { readonly: true });
      try {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(db.pragma('page_size', { simple: true }), 8192);
        const row = db.prepare('SELECT id, ts_ms, account_id, endpoint, status FROM events').get();
        assert.deepEqual(row, {
          id: 'e1',
          ts_ms: Date.parse('2025-03-01T00:00:00Z'),
          account_id: 'acct_1',
          endpoint: '/v1/chat/completions',
          status: 200,
        });
      } finally {
        db.close();
      }
    });
  });

  it('survives a failed batch: counts it, warns once, and writes it on the retry', async () => {
    await withDir(async (dataDir) => {
      const warnings: string[] = [];
      const store = new SqliteEventStore({ dataDir, flushIntervalMs: 60_000, onError: (m) => warnings.push(m) });
      const repair = breakInserts(dataDir);
      store.append(sampleEvent('f1', '2025-03-01T00:00:00Z'));
      store.append(sampleEvent('f2', '2025-03-01T00:00:01Z'));
      await assert.rejects(store.flush(), (error: unknown) => error instanceof DgError && error.code === 'DG_STORE_FAILED');
      assert.equal(store.stats.failedBatches, 1);
      assert.equal(store.stats.queued, 2, 'the failed batch is kept');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /writing 2 events failed \(database or disk is full\); kept for one retry/);
      assert.doesNotMatch(warnings[0] ?? '', /\n/);
      repair();
      await store.flush();
      assert.deepEqual(store.stats, { written: 2, dropped: 0, queued: 0, failedBatches: 1, duplicates: 0 });
      await store.close();
    });
  });

  it('drops a batch whose retry fails too, and keeps working afterwards', async () => {
    await withDir(async (dataDir) => {
      const warnings: string[] = [];
      const store = new SqliteEventStore({ dataDir, flushIntervalMs: 60_000, onError: (m) => warnings.push(m) });
      const repair = breakInserts(dataDir);
      store.append(sampleEvent('f1', '2025-03-01T00:00:00Z'));
      await assert.rejects(store.flush());
      await assert.rejects(store.flush());
      assert.equal(store.stats.dropped, 1);
      assert.equal(store.stats.failedBatches, 2);
      assert.match(warnings[1] ?? '', /; dropped$/);
      repair();
      store.append(sampleEvent('f2', '2025-03-01T00:00:01Z'));
      await store.close();
      assert.equal(store.stats.written, 1);
    });
  });

  it('retries a failed background batch from its timer without throwing', async () => {
    await withDir(async (dataDir) => {
      const warnings: string[] = [];
      const store = new SqliteEventStore({ dataDir, batchSize: 2, flushIntervalMs: 20, onError: (m) => warnings.push(m) });
      const repair = breakInserts(dataDir);
      store.append(sampleEvent('f1', '2025-03-01T00:00:00Z'));
      store.append(sampleEvent('f2', '2025-03-01T00:00:01Z'));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(store.stats.failedBatches, 1);
      repair();
      const deadline = Date.now() + 2_000;
      while (store.stats.written < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(store.stats.written, 2);
      await store.close();
    });
  });

  it('drops (and reports) an event whose ts is not a date-time instead of failing its batch', async () => {
    await withDir(async (dataDir) => {
      const warnings: string[] = [];
      const store = new SqliteEventStore({ dataDir, onError: (m) => warnings.push(m) });
      store.append(sampleEvent('bad', 'yesterday'));
      store.append(sampleEvent('good', '2025-03-01T00:00:00Z'));
      await store.flush();
      assert.equal(store.stats.written, 1);
      assert.equal(store.stats.dropped, 1);
      assert.match(warnings[0] ?? '', /event bad dropped, ts is not a date-time/);
      await store.close();
    });
  });

  it('keeps its WAL short under a steady stream of writes: checkpoints run on a worker, and writes wait for them', async () => {
    await withDir(async (dataDir) => {
      const warnings: string[] = [];
      const store = new SqliteEventStore({ dataDir, batchSize: 16, flushIntervalMs: 1, onError: (m) => warnings.push(m) });
      const filler = 'y'.repeat(2000);
      try {
        // ~10 MB of events, a batch per turn of the event loop as the gateway appends them.
        for (let n = 0; n < 4000; n++) {
          store.append({ ...sampleEvent(`e${n}`, '2025-03-01T00:00:00Z'), request: { prompt: filler } });
          if (n % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
        }
        const deadline = Date.now() + 10_000;
        while (store.stats.written < 4000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
        assert.equal(store.stats.written, 4000);
        const walBytes = statSync(`${databasePath(dataDir)}-wal`).size;
        assert.ok(walBytes < 4 * 1024 * 1024, `WAL of ${walBytes} bytes`);
      } finally {
        await store.close();
      }
      assert.deepEqual(warnings, []);
    });
  });
});
