import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig, type RecordingConfig } from '../config/config.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { endpointOf } from '../protocol/index.ts';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store.ts';
import { newExchange, type Exchange } from './exchange.ts';
import { createRecorder, type RecorderOptions } from './recorder.ts';

function endedExchange(n: number): Exchange {
  const ex = newExchange('POST', '/v1/chat/completions', Date.parse('2026-01-01T00:00:00Z') + n, n);
  ex.endpoint = endpointOf('POST', '/v1/chat/completions');
  ex.identity = { accountId: `acct_${n}` };
  ex.body = Buffer.from(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `question ${n}` }] }));
  ex.json = JSON.parse(ex.body.toString()) as Record<string, unknown>;
  ex.status = 200;
  ex.responseChunks = [Buffer.from('{"choices":[{"message":{"role":"assistant","content":"ok"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}')];
  ex.responseBytes = ex.responseChunks[0]!.length;
  ex.endedAt = n + 1;
  return ex;
}

/** An exchange whose event cannot be built: reading its client info throws. */
function brokenExchange(n: number): Exchange {
  const ex = endedExchange(n);
  ex.client = new Proxy({}, { ownKeys: () => { throw new Error('client info unreadable'); } });
  return ex;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function withRecorder(
  recording: Partial<RecordingConfig>,
  options: Partial<RecorderOptions>,
  body: (r: ReturnType<typeof createRecorder>, store: SqliteEventStore, errors: string[]) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-recorder-'));
  const store = new SqliteEventStore({ dataDir: dir, flushIntervalMs: 60_000 });
  const errors: string[] = [];
  const recorder = createRecorder({ store, recording: { ...defaultConfig.recording, ...recording }, onError: (m) => errors.push(m), ...options });
  try {
    await body(recorder, store, errors);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function storedIds(store: SqliteEventStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const event of store.read()) ids.push((event as TrafficEvent).id);
  return ids;
}

describe('recorder', () => {
  it('waits for a batch: nothing is built before batchSize exchanges have ended, then all are', async () => {
    await withRecorder({ batchSize: 4, flushIntervalMs: 60_000 }, { sliceMs: 10 }, async (recorder, store) => {
      const exchanges = [0, 1, 2, 3].map(endedExchange);
      for (const ex of exchanges.slice(0, 3)) recorder.record(ex);
      await turn();
      assert.equal(recorder.pending, 3);
      recorder.record(exchanges[3]!);
      await turn();
      assert.equal(recorder.pending, 0);
      await store.flush();
      assert.deepEqual(await storedIds(store), exchanges.map((ex) => ex.id));
    });
  });

  it('builds a short batch once flushIntervalMs has passed', async () => {
    await withRecorder({ batchSize: 16, flushIntervalMs: 5 }, {}, async (recorder, store) => {
      const ex = endedExchange(0);
      recorder.record(ex);
      assert.equal(recorder.pending, 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(recorder.pending, 0);
      await store.flush();
      assert.deepEqual(await storedIds(store), [ex.id]);
    });
  });

  it('builds a long run in slices, one turn of the event loop each, in the order the exchanges ended', async () => {
    await withRecorder({ batchSize: 1 }, { sliceMs: 0 }, async (recorder, store) => {
      const exchanges = Array.from({ length: 5 }, (_, n) => endedExchange(n));
      for (const ex of exchanges) recorder.record(ex);
      await turn();
      // sliceMs 0: each slice still builds one exchange, so the run takes one turn per exchange.
      assert.equal(recorder.pending, 4);
      for (let i = 0; i < 4; i++) await turn();
      assert.equal(recorder.pending, 0);
      await store.flush();
      assert.deepEqual(await storedIds(store), exchanges.map((ex) => ex.id));
    });
  });

  it('flush() builds what is waiting and makes it durable', async () => {
    await withRecorder({ batchSize: 100, flushIntervalMs: 60_000 }, {}, async (recorder, store) => {
      const exchanges = Array.from({ length: 7 }, (_, n) => endedExchange(n));
      for (const ex of exchanges) recorder.record(ex);
      await recorder.flush();
      assert.equal(recorder.pending, 0);
      assert.equal(store.stats.queued, 0);
      assert.deepEqual(await storedIds(store), exchanges.map((ex) => ex.id));
    });
  });

  it('counts an exchange whose event cannot be built, reports it, and records the others', async () => {
    await withRecorder({ batchSize: 100 }, {}, async (recorder, store, errors) => {
      const good = [endedExchange(0), endedExchange(2)];
      const broken = brokenExchange(1);
      recorder.record(good[0]!);
      recorder.record(broken);
      recorder.record(good[1]!);
      await recorder.flush();
      assert.equal(recorder.dropped, 1);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!, new RegExp(`could not record event ${broken.id}: client info unreadable`));
      assert.deepEqual(await storedIds(store), good.map((ex) => ex.id));
    });
  });

  it('drops and counts exchanges beyond maxQueue waiting ones', async () => {
    await withRecorder({ batchSize: 100, maxQueue: 3 }, {}, async (recorder, store) => {
      const exchanges = Array.from({ length: 5 }, (_, n) => endedExchange(n));
      for (const ex of exchanges) recorder.record(ex);
      assert.equal(recorder.pending, 3);
      assert.equal(recorder.dropped, 2);
      await recorder.flush();
      assert.deepEqual(await storedIds(store), exchanges.slice(0, 3).map((ex) => ex.id));
    });
  });

  it('keeps pace with a steady stream faster than its time slices: the queue stays bounded, every exchange in order', async () => {
    await withRecorder({ batchSize: 2 }, { sliceMs: 0 }, async (recorder, store) => {
      const exchanges = Array.from({ length: 3000 }, (_, n) => endedExchange(n));
      // Three end per turn while a 0 ms slice builds one: without catching up the queue would grow by two a
      // turn. Once more than 4 batches (8) wait, each slice also builds what ended since the one before.
      let mostPending = 0;
      for (let i = 0; i < exchanges.length; i += 3) {
        for (const ex of exchanges.slice(i, i + 3)) recorder.record(ex);
        mostPending = Math.max(mostPending, recorder.pending);
        await turn();
      }
      assert.ok(mostPending <= 8 + 3 + 1, `at most ${mostPending} waited`);
      await recorder.flush();
      assert.deepEqual(await storedIds(store), exchanges.map((ex) => ex.id));
    });
  });
});
