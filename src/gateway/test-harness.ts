/**
 * Test harness for the gateway's acceptance tests: a fake upstream and a gateway, both on port 0,
 * with a temporary data directory, one API key for account `acme` and an admin token.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Config } from '../config/config.ts';
import { loadConfig, type DeepPartial } from '../config/load.ts';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { startFakeUpstream, type FakeUpstream, type FakeUpstreamOptions } from '../fake-upstream/fake-upstream.ts';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store.ts';
import { startGateway, type RunningGateway } from './gateway.ts';

export const ACCOUNT = 'acme';
/** The one configured key; configured keys get positional ids (`<account>#config-<n>`). */
export const SECRET = 'sk-acme-7f3c91d2e8b04a6f';
export const API_KEY_ID = `${ACCOUNT}#config-1`;
export const ADMIN_TOKEN = 'admin-token-5b8e2f7a91c3';

export interface HarnessOptions {
  /** Options of the fake upstream (pacing, latency, answer length). */
  upstream?: FakeUpstreamOptions;
  /** Send the gateway's upstream traffic here instead of to a fake upstream (none is started then). */
  upstreamUrl?: string;
  /** Configuration on top of the harness's own (port 0, temp data dir, key, admin token). */
  config?: DeepPartial<Config>;
}

export interface Harness {
  /** The gateway's base URL (http://127.0.0.1:port). */
  url: string;
  adminUrl: string;
  /** The fake upstream, unless `upstreamUrl` was given. */
  upstream: FakeUpstream | undefined;
  gateway: RunningGateway;
  config: Config;
  /** Closes the gateway alone (graceful shutdown); events() keeps working, from the data directory. */
  closeGateway(): Promise<void>;
  /** Flushes the event store and returns every recorded event, in order. */
  events(): Promise<TrafficEvent[]>;
  /** Polls events() until at least `count` are recorded (for exchanges that end after the client does). */
  waitForEvents(count: number, timeoutMs?: number): Promise<TrafficEvent[]>;
  /** Closes the gateway (if not done already), the fake upstream, and removes the data directory. */
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'distillguard-gw-test-'));
  let upstream: FakeUpstream | undefined;
  let gateway: RunningGateway | undefined;
  try {
    upstream = options.upstreamUrl === undefined ? await startFakeUpstream(options.upstream) : undefined;
    const upstreamUrl = options.upstreamUrl ?? upstream!.url;
    const extra = options.config ?? {};
    const config = loadConfig({
      env: {},
      overrides: {
        ...extra,
        listen: { host: '127.0.0.1', port: 0, ...extra.listen },
        admin: { host: '127.0.0.1', port: 0, token: ADMIN_TOKEN, ...extra.admin },
        upstreams: {
          openai: { url: upstreamUrl },
          anthropic: { url: upstreamUrl },
          ...extra.upstreams,
        },
        auth: extra.auth ?? { mode: 'keys', keys: [{ account: ACCOUNT, secret: SECRET }] },
        dataDir,
        recording: { retentionDays: 0, flushIntervalMs: 5, ...extra.recording },
      },
    });
    gateway = await startGateway(config);
    const gw = gateway;
    const up = upstream;

    let gatewayClosed: Promise<void> | undefined;
    const closeGateway = (): Promise<void> => (gatewayClosed ??= gw.close());

    const events = async (): Promise<TrafficEvent[]> => {
      const all: TrafficEvent[] = [];
      if (gatewayClosed) {
        // The gateway's store is closed with it: read what it wrote from the data directory.
        await gatewayClosed;
        const store = new SqliteEventStore({ dataDir });
        try {
          for await (const event of store.read()) all.push(event);
        } finally {
          await store.close();
        }
        return all;
      }
      await gw.flush();
      for await (const event of gw.store.read()) all.push(event);
      return all;
    };

    let closed: Promise<void> | undefined;
    return {
      url: gw.url,
      adminUrl: gw.adminUrl,
      upstream: up,
      gateway: gw,
      config,
      closeGateway,
      events,
      async waitForEvents(count, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const all = await events();
          if (all.length >= count || Date.now() > deadline) return all;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
      close() {
        closed ??= (async () => {
          await closeGateway();
          await up?.close();
          await rm(dataDir, { recursive: true, force: true });
        })();
        return closed;
      },
    };
  } catch (err) {
    await gateway?.close();
    await upstream?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A harness for the describe() block this is called in: started before its tests, closed after them.
 * Its members are read through to that harness, so use them only inside the tests.
 */
export function harnessForSuite(options: HarnessOptions = {}): Harness {
  let started: Harness | undefined;
  before(async () => {
    started = await startHarness(options);
  });
  after(() => started?.close());
  const current = (): Harness => {
    if (started === undefined) throw new Error('the suite harness is only there while the tests of its describe() run');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get adminUrl() {
      return current().adminUrl;
    },
    get upstream() {
      return current().upstream;
    },
    get gateway() {
      return current().gateway;
    },
    get config() {
      return current().config;
    },
    closeGateway: () => current().closeGateway(),
    events: () => current().events(),
    waitForEvents: (count, timeoutMs) => current().waitForEvents(count, timeoutMs),
    close: () => current().close(),
  };
}

/** Events whose id is not among `before`'s: what one call added. */
function newEventsSince(before: readonly TrafficEvent[], after: readonly TrafficEvent[]): TrafficEvent[] {
  const seen = new Set(before.map((event) => event.id));
  return after.filter((event) => !seen.has(event.id));
}

/**
 * Runs `action` and returns the one event it added (waiting for exchanges that end after the
 * client), checked to validate against the schema and to carry no credential.
 */
export async function oneNewEvent<T>(h: Harness, action: () => Promise<T>): Promise<{ result: T; event: TrafficEvent }> {
  const before = await h.events();
  const result = await action();
  const added = newEventsSince(before, await h.waitForEvents(before.length + 1));
  assert.equal(added.length, 1, `exactly one new event (got ${added.length})`);
  const event = added[0]!;
  assert.deepEqual(validateTrafficEvent(event), [], 'the event validates against the schema');
  const json = JSON.stringify(event);
  assert.ok(!json.includes(SECRET) && !json.includes(ADMIN_TOKEN), 'no credential in the event');
  return { result, event };
}

/** Reads a nested value of an untyped JSON document (undefined when the path does not exist). */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
