import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startCheckpointer } from './checkpointer.ts';
import { databasePath, openDatabase, type SqliteDatabase } from './database.ts';

async function withDatabase(body: (db: SqliteDatabase, file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-checkpointer-'));
  const db = openDatabase(dir);
  db.exec('CREATE TABLE rows (n INTEGER PRIMARY KEY, body TEXT)');
  try {
    await body(db, databasePath(dir));
  } finally {
    if (db.open) db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const until = async (done: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('checkpointer', () => {
  it('turns off the writer’s automatic checkpoint and keeps the WAL short from its own thread', async () => {
    await withDatabase(async (db, file) => {
      const errors: string[] = [];
      const checkpointer = startCheckpointer(db, file, { everyRows: 64, onError: (m) => errors.push(m) });
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0);
      const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
      const batch = db.transaction((rows: string[]) => {
        for (const row of rows) insert.run(row);
      });
      const body = 'x'.repeat(2000);
      // 6 MB in all, a batch per turn of the event loop as the store writes them. Without checkpoints
      // (the writer's own are off) the WAL would hold all of it.
      try {
        batch([body]);
        checkpointer.committed(64);
        await until(() => checkpointer.checkpoints === 1, 'the worker to start');
        for (let n = 0; n < 3000; n += 16) {
          // As the store does: no write while a checkpoint runs.
          await until(() => !checkpointer.busy, 'the checkpoint');
          batch(Array.from({ length: 16 }, () => body));
          checkpointer.committed(16);
          await new Promise((resolve) => setImmediate(resolve));
        }
        assert.ok(checkpointer.checkpoints >= 10, `${checkpointer.checkpoints} checkpoints`);
        const walBytes = statSync(`${file}-wal`).size;
        // ~64 rows of 2 KB between checkpoints, and each one lets the next commit start the WAL over.
        assert.ok(walBytes < 512 * 1024, `WAL of ${walBytes} bytes`);
      } finally {
        await checkpointer.close();
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(db.prepare('SELECT count(*) AS n FROM rows').get(), { n: 3009 });
    });
  });

  it('gives the writer its automatic checkpoint back when the worker fails', async () => {
    await withDatabase(async (db, file) => {
      const errors: string[] = [];
      const checkpointer = startCheckpointer(db, file, { onError: (m) => errors.push(m), workerSource: "throw new Error('no driver here')" });
      await until(() => errors.length > 0, 'the failure to be reported');
      assert.match(errors[0]!, /checkpoint worker stopped \(no driver here\); checkpoints run on the writer again/);
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 1000);
      checkpointer.committed(10_000); // a no-op now, and no throw
      await checkpointer.close();
    });
  });
});
