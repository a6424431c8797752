import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { EventStore, EventStoreOptions } from './event-store.ts';
import { startRetention } from './retention.ts';

/** Fresh, empty storage for one test; every open() reaches the same storage. */
export interface EventStoreHarness {
  open(options?: EventStoreOptions): Promise<EventStore>;
  /** Removes the storage (stores opened on it are closed by the tests). */
  cleanup(): Promise<void>;
}

/**
 * The behaviour every EventStore must have (invariant 6). Each implementation's test file calls this
 * with a factory that creates empty storage, e.g. a temp directory or a throw-away database schema.
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStoreHarness>): void {
  /** Options that keep the background writer out of the way unless a test wants it. */
  const manual: EventStoreOptions = { batchSize: 10_000, flushIntervalMs: 60_000, maxQueue: 100_000 };

  async function withStore(
    options: EventStoreOptions,
    body: (store: EventStore, harness: EventStoreHarness) => Promise<void>,
  ): Promise<void> {
    const harness = await factory();
    const store = await harness.open(options);
    try {
      await body(store, harness);
    } finally {
      await store.close();
      await harness.cleanup();
    }
  }

  async function collect(events: AsyncIterable<TrafficEvent>): Promise<string[]> {
    const ids: string[] = [];
    for await (const event of events) ids.push(event.id);
    return ids;
  }

  describe(`EventStore contract: ${name}`, () => {
    it('writes appended events on flush and reads them back unchanged', async () => {
      await withStore(manual, async (store) => {
        const event = sampleEvent('e1', '2025-03-01T10:00:00.000Z');
        store.append(event);
        assert.equal(store.stats.queued, 1);
        assert.equal(store.stats.written, 0, 'append must not write inline');
        await store.flush();
        assert.deepEqual(store.stats, { written: 1, dropped: 0, queued: 0, failedBatches: 0, duplicates: 0 });
        const read: TrafficEvent[] = [];
        for await (const e of store.read()) read.push(e);
        assert.deepEqual(read, [event]);
        const json: string[] = [];
        for await (const line of store.readJson()) json.push(line);
        assert.deepEqual(json, [JSON.stringify(event)]);
      });
    });

    it('reads in ts order, then insertion order', async () => {
      await withStore(manual, async (store) => {
        store.append(sampleEvent('late', '2025-03-01T12:00:00Z'));
        store.append(sampleEvent('early-a', '2025-03-01T09:00:00Z'));
        store.append(sampleEvent('mid', '2025-03-01T10:30:00+01:00')); // 09:30Z
        store.append(sampleEvent('early-b', '2025-03-01T09:00:00.000Z'));
        await store.flush();
        assert.deepEqual(await collect(store.read()), ['early-a', 'early-b', 'mid', 'late']);
      });
    });

    it('filters by since (inclusive) and until (exclusive), and honours limit', async () => {
      await withStore(manual, async (store) => {
        for (let hour = 0; hour < 6; hour++) store.append(sampleEvent(`h${hour}`, hourTs(hour)));
        await store.flush();
        const since = new Date(hourTs(2));
        const until = new Date(hourTs(5));
        assert.deepEqual(await collect(store.read({ since })), ['h2', 'h3', 'h4', 'h5']);
        assert.deepEqual(await collect(store.read({ since, until })), ['h2', 'h3', 'h4']);
        assert.deepEqual(await collect(store.read({ since, limit: 2 })), ['h2', 'h3']);
        assert.deepEqual(await collect(store.read({ limit: 0 })), []);
        assert.equal(await store.count({ since, until }), 3);
        assert.equal(await store.count(), 6);
      });
    });

    it('streams more events than one page in order', async () => {
      await withStore(manual, async (store) => {
        const total = 2_500;
        for (let i = 0; i < total; i++) store.append(sampleEvent(`p${i}`, secondTs(Math.floor(i / 3))));
        await store.flush();
        const ids = await collect(store.read());
        assert.equal(ids.length, total);
        assert.deepEqual(ids.slice(0, 4), ['p0', 'p1', 'p2', 'p3']);
        assert.equal(ids.at(-1), `p${total - 1}`);
        assert.deepEqual(await collect(store.read({ limit: 1_001 })), ids.slice(0, 1_001));
      });
    });

    it('deletes events before a cutoff and reports how many', async () => {
      await withStore(manual, async (store) => {
        for (let hour = 0; hour < 5; hour++) store.append(sampleEvent(`h${hour}`, hourTs(hour)));
        await store.flush();
        assert.equal(await store.deleteBefore(new Date(hourTs(3))), 3);
        assert.deepEqual(await collect(store.read()), ['h3', 'h4']);
        assert.equal(await store.deleteBefore(new Date(hourTs(3))), 0);
      });
    });

    it('retention purges events older than the period at start; 0 disables it', async () => {
      await withStore(manual, async (store) => {
        const now = Date.parse('2025-03-31T00:00:00Z');
        store.append(sampleEvent('old', '2025-03-01T00:00:00Z'));
        store.append(sampleEvent('recent', '2025-03-30T00:00:00Z'));
        await store.flush();
        const disabled = startRetention(store, 0, () => now);
        assert.equal(await disabled.initial, 0);
        disabled.stop();
        const retention = startRetention(store, 7, () => now);
        assert.equal(await retention.initial, 1);
        retention.stop();
        assert.deepEqual(await collect(store.read()), ['recent']);
      });
    });

    it('drops the newest events beyond maxQueue and counts them', async () => {
      await withStore({ ...manual, maxQueue: 5 }, async (store) => {
        for (let i = 0; i < 8; i++) store.append(sampleEvent(`q${i}`, secondTs(i)));
        assert.equal(store.stats.queued, 5);
        assert.equal(store.stats.dropped, 3);
        await store.flush();
        assert.deepEqual(await collect(store.read()), ['q0', 'q1', 'q2', 'q3', 'q4']);
        store.append(sampleEvent('q8', secondTs(8)));
        assert.equal(store.stats.queued, 1, 'a drained queue accepts events again');
      });
    });

    it('writes a full batch soon after it fills, never inline', async () => {
      await withStore({ ...manual, batchSize: 3 }, async (store) => {
        for (let i = 0; i < 3; i++) store.append(sampleEvent(`b${i}`, secondTs(i)));
        assert.equal(store.stats.written, 0);
        await waitFor(() => store.stats.written === 3);
        assert.equal(store.stats.queued, 0);
      });
    });

    it('writes a partial batch after flushIntervalMs', async () => {
      await withStore({ ...manual, flushIntervalMs: 5 }, async (store) => {
        store.append(sampleEvent('t0', secondTs(0)));
        await waitFor(() => store.stats.written === 1);
      });
    });

    it('skips an event whose id is already stored', async () => {
      await withStore(manual, async (store) => {
        store.append(sampleEvent('same', secondTs(0)));
        store.append(sampleEvent('same', secondTs(1)));
        await store.flush();
        assert.equal(store.stats.written, 1);
        assert.equal(store.stats.duplicates, 1);
        assert.equal(await store.count(), 1);
      });
    });

    it('close flushes what is queued, and the events survive a reopen', async () => {
      const harness = await factory();
      try {
        const first = await harness.open(manual);
        first.append(sampleEvent('r0', secondTs(0)));
        first.append(sampleEvent('r1', secondTs(1)));
        await first.close();
        assert.equal(first.stats.written, 2);
        first.append(sampleEvent('after-close', secondTs(2)));
        assert.equal(first.stats.dropped, 1, 'appending to a closed store drops and counts');

        const second = await harness.open(manual);
        try {
          assert.deepEqual(await collect(second.read()), ['r0', 'r1']);
          second.append(sampleEvent('r2', secondTs(2)));
          await second.flush();
          assert.deepEqual(await collect(second.read()), ['r0', 'r1', 'r2']);
        } finally {
          await second.close();
        }
      } finally {
        await harness.cleanup();
      }
    });
  });
}

export function sampleEvent(id: string, ts: string): TrafficEvent {
  return {
    id,
    ts,
    account_id: 'acct_1',
    api_key_id: 'key_0123456789ab',
    endpoint: '/v1/chat/completions',
    model: 'gpt-4o-mini',
    request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello, world' }] },
    response: { id: 'chatcmpl-1', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' } }] },
    status: 200,
    latency_ms: 12.5,
    usage: { input_tokens: 3, output_tokens: 2 },
    decision: { action: 'allow' },
  };
}

function hourTs(hour: number): string {
  return new Date(Date.UTC(2025, 2, 1, hour)).toISOString();
}

function secondTs(second: number): string {
  return new Date(Date.UTC(2025, 2, 1, 0, 0, second)).toISOString();
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
