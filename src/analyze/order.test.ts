import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../core/seeded-random.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { createEngine } from '../engine/engine.ts';
import { scenario } from '../engine/test-traffic.ts';
import { analyzeLogs, type AnalysisResult, type AnalyzeOptions } from './analyze.ts';
import { createFakeEngine, type FakeEngine } from './fake-engine.ts';
import type { AnalysisReport } from './report.ts';

/*
 * The report must not depend on the order of the input lines: sorted, shuffled, nearly sorted with a few
 * lines far too late for any window, split over files and gzip, with invalid lines between them.
 */

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const INVALID = ['{"id": "x", "ts": "yesterday", "account_id": "a", "endpoint": "/v1/chat/completions", "request": {}}', 'not json', '[1,2]', '{"id":"dup","ts":"2026-03-02T00:00:00Z","account_id":"a","endpoint":"/v1/chat/completions","request":{},"id":"other"}'];

/** The scenario's events plus ties: equal ts with other ids, and equal (ts, id) with different content. */
function eventLines(): string[] {
  const events: TrafficEvent[] = scenario(5).events;
  const ties: TrafficEvent[] = [];
  for (const [i, event] of events.entries()) {
    if (i % 50 === 0) ties.push({ ...event, id: `${event.id}-tie` });
    if (i % 97 === 0) ties.push({ ...event, account_id: `${event.account_id}-twin` });
  }
  // Members in another order than the gateway's: the key then comes from a parse, not the leading members.
  const reordered = events.slice(0, 40).map((event) => { const { id, ts, ...rest } = event; return JSON.stringify({ ...rest, ts, id }); });
  return [...reordered, ...[...events.slice(40), ...ties].map((event) => JSON.stringify(event))];
}

function byKey(lines: string[]): string[] {
  const keyOf = (line: string) => { const { ts, id } = JSON.parse(line) as TrafficEvent; return `${new Date(ts).toISOString()} ${id}`; };
  return [...lines].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

function withInvalid(lines: string[], seed: number): string[] {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (const line of lines) {
    if (random() < 0.01) out.push(INVALID[Math.floor(random() * INVALID.length)] as string, '');
    out.push(line);
  }
  return out;
}

/** Nearly sorted: a few lines moved far later than any window, a few swapped with a neighbour. */
function nearlySorted(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 10; i + 1 < out.length; i += 37) [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
  const moved = out.splice(100, 3);
  out.push(...moved);
  return out;
}

/** The report less the count of rejected lines (each run has its own invalid lines). */
function withoutRejections(report: AnalysisReport): AnalysisReport {
  return { ...report, input: { ...report.input, rejected_lines: 0 } };
}

async function analyzeFiles(dir: string, name: string, parts: string[][], options: Partial<AnalyzeOptions>): Promise<{ result: AnalysisResult; rejected: string[] }> {
  const files = parts.map((lines, i) => {
    const file = join(dir, `${name}-${i}.jsonl`);
    writeFileSync(file, i % 2 === 1 ? gzipSync(lines.join('\n')) : `${lines.join('\r\n')}\n`);
    return file;
  });
  const rejected: string[] = [];
  const result = await analyzeLogs(files, {
    createEngine: (engineOptions) => createEngine({ ...engineOptions, recomputeEvery: 50 }),
    seed: 3,
    now: () => new Date(0),
    onRejected: ({ file, line, reason }) => rejected.push(`${file.slice(dir.length + 1)}:${line}: ${reason}`),
    ...options,
  });
  return { result, rejected };
}

test('analyze order: sorted, shuffled and nearly sorted logs, split over plain and gzip files, give the same report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-order-test-'));
  try {
    const lines = eventLines();
    const sorted = byKey(lines);
    const reference = await analyzeFiles(dir, 'sorted', [withInvalid(sorted, 1)], {});
    assert.equal(reference.result.late, 0);
    assert.equal(reference.result.report.input.events, lines.length);
    assert.ok(reference.result.report.campaigns.length > 0, 'the scenario has a campaign to find');
    assert.ok(reference.rejected.length >= 5);
    assert.ok(reference.rejected.some((line) => /given twice/.test(line)), 'a repeated id is rejected, not placed by a key it does not have');

    const keys = sorted.map((line) => { const { ts, id } = JSON.parse(line) as TrafficEvent; return `${ts} ${id}`; });
    const twins = keys.filter((key, i) => i > 0 && key === keys[i - 1]).length;
    assert.ok(twins > 10);
    const mixed = shuffled(lines, 2);
    const third = Math.floor(mixed.length / 3);
    const runs: Array<[string, string[][], Partial<AnalyzeOptions>]> = [
      ['shuffled, default window', [withInvalid(mixed, 3)], {}],
      ['shuffled over plain and gzip, tiny window and sort chunks', [mixed.slice(0, third), mixed.slice(third, 2 * third), mixed.slice(2 * third)].map((part, i) => withInvalid(part, 4 + i)),
        { window: { events: 4 }, sort: { chunkEvents: 64, maxFanIn: 3, tmpDir: dir } }],
      ['nearly sorted, small window', [withInvalid(nearlySorted(sorted), 8)], { window: { events: 16 }, sort: { chunkEvents: 2, tmpDir: dir } }],
      ['sorted, a character budget of one line', [sorted], { window: { chars: 1 } }],
    ];
    for (const [name, parts, options] of runs) {
      const run = await analyzeFiles(dir, name.replace(/\W+/g, '-'), parts, options);
      const invalid = parts.flat().filter((line) => INVALID.includes(line)).length;
      assert.equal(run.result.report.input.rejected_lines, invalid, name);
      assert.equal(run.rejected.length, invalid, name);
      assert.deepEqual(withoutRejections(run.result.report), withoutRejections(reference.result.report), name);
      // The default window holds this whole log and the small ones send lines through the sort; a window of one
      // line has released an event before its twin with the same (ts, id) arrives, so the twins come late.
      if (options.window?.events !== undefined) assert.ok(run.result.late > 0, `${name}: some lines came late`);
      else assert.equal(run.result.late, options.window?.chars === 1 ? twins : 0, name);
      assert.ok(run.rejected.every((line) => /^[\w-]+\.jsonl:\d+: /.test(line)));
    }
    assert.deepEqual(readdirSync(dir).filter((file) => file.startsWith('distillguard-sort-')), [], 'spills removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze order: invalid lines are reported with their file and line, in file order, also when they come late', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-order-test-'));
  try {
    const event = (id: string, minute: number) => JSON.stringify({ id, ts: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), account_id: 'a', endpoint: '/v1/chat/completions', request: { messages: [] } });
    const lines = [event('e1', 5), event('e2', 6), event('e3', 7), event('e4', 8), JSON.stringify({ id: 'late-bad', ts: '2026-01-01T00:00:00Z', account_id: 'a', endpoint: 3, request: {} }), 'nope', event('e0', 1)];
    let engine: FakeEngine | undefined;
    const { result, rejected } = await analyzeFiles(dir, 'log', [lines], { createEngine: (options) => (engine = createFakeEngine(options)), window: { events: 2 } });
    assert.deepEqual(rejected, ['log-0.jsonl:5: not a traffic event: endpoint: required, a string', 'log-0.jsonl:6: invalid JSON: Unexpected token \'o\', "nope" is not valid JSON']);
    assert.equal(result.late, 2, 'e0 and the invalid line with a key');
    assert.deepEqual(engine?.fed, ['e0', 'e1', 'e2', 'e3', 'e4']);
    assert.equal(result.report.input.rejected_lines, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
