import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import { sampleEvent } from '../store/event-store-contract.ts';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store.ts';
import { countEventsCommand, exportEventsCommand, parseTimestamp, type EventsOutput } from './events.ts';

function capture(): EventsOutput & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    }),
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}

async function withEvents(body: (dataDir: string, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-cli-events-'));
  const dataDir = join(dir, 'data');
  const store = new SqliteEventStore({ dataDir });
  for (let day = 1; day <= 3; day++) store.append(sampleEvent(`e${day}`, `2025-03-0${day}T12:00:00.000Z`));
  await store.close();
  try {
    await body(dataDir, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('parseTimestamp', () => {
  it('reads RFC 3339, bare dates, and offset-less times as UTC', () => {
    assert.equal(parseTimestamp('2025-03-01T10:00:00+02:00')?.toISOString(), '2025-03-01T08:00:00.000Z');
    assert.equal(parseTimestamp('2025-03-01')?.toISOString(), '2025-03-01T00:00:00.000Z');
    assert.equal(parseTimestamp('2025-03-01T10:00')?.toISOString(), '2025-03-01T10:00:00.000Z');
    assert.equal(parseTimestamp('2025-03-01 10:00:00.5Z')?.toISOString(), '2025-03-01T10:00:00.500Z');
    for (const bad of ['yesterday', '1', '2025-13-01', '2025-03-01T25:00:00Z', '']) assert.equal(parseTimestamp(bad), undefined, bad);
  });
});

describe('distillguard events', () => {
  it('export writes each stored event as one JSON line, valid against the schema', () =>
    withEvents(async (dataDir) => {
      const io = capture();
      assert.equal(await exportEventsCommand({ dataDir }, io), 0);
      const lines = io.out().trimEnd().split('\n');
      assert.deepEqual(lines, ['e1', 'e2', 'e3'].map((id, i) => JSON.stringify(sampleEvent(id, `2025-03-0${i + 1}T12:00:00.000Z`))));
      for (const line of lines) assert.deepEqual(validateTrafficEvent(JSON.parse(line)), []);
    }));

  it('export honours --since and --until, and writes to --out', () =>
    withEvents(async (dataDir, dir) => {
      const out = join(dir, 'out.jsonl');
      const io = capture();
      assert.equal(await exportEventsCommand({ dataDir, since: '2025-03-02', until: '2025-03-03T12:00:00Z', out }, io), 0);
      const ids = (await readFile(out, 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
      assert.deepEqual(ids, ['e2']);
      assert.equal(io.out(), '');
      assert.match(io.err(), /exported 1 events to/);
    }));

  it('rejects an unparsable timestamp with exit code 2 and names the flag', () =>
    withEvents(async (dataDir) => {
      const io = capture();
      assert.equal(await exportEventsCommand({ dataDir, since: 'last tuesday' }, io), 2);
      assert.match(io.err(), /--since "last tuesday" is not a timestamp/);
      assert.equal(await countEventsCommand({ dataDir, until: 'x' }, io), 2);
    }));

  it('fails clearly for a missing database or an unwritable --out', () =>
    withEvents(async (dataDir, dir) => {
      const io = capture();
      assert.equal(await exportEventsCommand({ dataDir: join(dir, 'nowhere') }, io), 1);
      assert.match(io.err(), /no event database at/);
      assert.equal(await exportEventsCommand({ dataDir, out: join(dir, 'missing-dir', 'x.jsonl') }, io), 1);
      assert.match(io.err(), /ENOENT/);
    }));

  it('count prints how many events match', () =>
    withEvents(async (dataDir) => {
      const io = capture();
      assert.equal(await countEventsCommand({ dataDir, since: '2025-03-02' }, io), 0);
      assert.equal(io.out(), '2\n');
    }));
});
