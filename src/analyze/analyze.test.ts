import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeCommand } from '../cli/analyze.ts';
import type { EngineOptions } from '../engine/types.ts';
import { analyzeLogs } from './analyze.ts';
import { createFakeEngine, fakeSignalsOf, type FakeEngine } from './fake-engine.ts';
import type { AnalysisReport } from './report.ts';
import { reportSchemaErrors } from './report-schema.ts';

function event(id: string, ts: string, account: string, text = 'Solve 12 * 7 step by step'): string {
  return JSON.stringify({ id, ts, account_id: account, endpoint: '/v1/chat/completions', request: { model: 'm', messages: [{ role: 'user', content: text }] } });
}

const LINES = [
  event('e3', '2026-01-02T10:00:00Z', 'acct-bad-1'),
  event('e1', '2026-01-01T09:00:00Z', 'acct-ok'),
  '{"this is": not json',
  '',
  event('e2', '2026-01-01T09:30:00.5Z', 'acct-bad-1'),
  JSON.stringify({ id: 'x', ts: 'yesterday', account_id: 'a', endpoint: '/v1/chat/completions', request: {} }),
  event('e5', '2026-01-03T00:00:00Z', 'acct-bad-2'),
  event('e4', '2026-01-02T10:00:00Z', 'acct-bad-2'),
  '[1,2,3]',
];

function withDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-analyze-test-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

interface Captured {
  stdout: string;
  stderr: string;
  engines: FakeEngine[];
  code: number;
}

async function runCli(logs: string[], flags: Record<string, string>): Promise<Captured> {
  const captured: Captured = { stdout: '', stderr: '', engines: [], code: -1 };
  const io = { stdout: { write: (text: string) => { captured.stdout += text; } }, stderr: { write: (text: string) => { captured.stderr += text; } } };
  const createEngine = (options: EngineOptions) => {
    const engine = createFakeEngine(options);
    captured.engines.push(engine);
    return engine;
  };
  captured.code = await analyzeCommand(logs, { format: 'json', ...flags }, io, { createEngine, signalsOf: fakeSignalsOf });
  return captured;
}

test('analyze: unsorted plain and gzip logs with bad lines → a schema-valid report, events fed in time order', withDir(async (dir) => {
  const plain = join(dir, 'a.jsonl');
  const gz = join(dir, 'b.log'); // gzip told by its magic bytes, not its name
  writeFileSync(plain, `${LINES.slice(0, 5).join('\n')}\n`);
  writeFileSync(gz, gzipSync(`${LINES.slice(5).join('\r\n')}`));
  const run = await runCli([plain, gz], {});
  assert.equal(run.code, 0);
  const report = JSON.parse(run.stdout) as AnalysisReport;
  assert.deepEqual(reportSchemaErrors(report), []);
  assert.deepEqual(run.engines[0]?.fed, ['e1', 'e2', 'e3', 'e4', 'e5']);
  assert.equal(run.engines[0]?.signalsGiven, 5, 'the analyzer hands the engine the signals it computed');
  assert.equal(report.input.events, 5);
  assert.equal(report.input.accounts, 3);
  assert.equal(report.input.rejected_lines, 3);
  assert.equal(report.input.from, '2026-01-01T09:00:00.000Z');
  assert.equal(report.input.to, '2026-01-03T00:00:00.000Z');
  assert.match(run.stderr, /a\.jsonl:3: skipped: invalid JSON/);
  assert.match(run.stderr, /b\.log:1: skipped: not a traffic event: ts/);
  assert.match(run.stderr, /b\.log:4: skipped: not a traffic event: expected a JSON object/);
  const campaign = report.campaigns[0];
  assert.equal(campaign?.id, 'c-bad');
  assert.equal(campaign?.detected_at, '2026-01-02T10:00:00.000Z');
  assert.equal(report.accounts[0]?.verdict, 'campaign');
}));

test('analyze: html and text formats render the same analysis', withDir(async (dir) => {
  const log = join(dir, 'log.jsonl');
  writeFileSync(log, LINES.join('\n'));
  const html = await runCli([log], { format: 'html' });
  assert.equal(html.code, 0);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.match(html.stdout, /c-bad/);
  assert.match(html.stdout, /<svg/);
  assert.doesNotMatch(html.stdout, /<link |src="http|href="http/, 'no external assets');
  const text = await runCli([log], { format: 'text' });
  assert.match(text.stdout, /^5 events, 3 accounts, 3 rejected lines/);
  assert.match(text.stdout, /campaign c-bad/);
}));

test('analyze: --out writes the file; a bad flag is exit 2; a missing file is exit 1', withDir(async (dir) => {
  const log = join(dir, 'log.jsonl');
  writeFileSync(log, LINES.join('\n'));
  const out = join(dir, 'report.json');
  assert.equal((await runCli([log], { out })).code, 0);
  assert.deepEqual(reportSchemaErrors(JSON.parse(readFileSync(out, 'utf8'))), []);
  assert.equal((await runCli([log], { format: 'pdf' })).code, 2);
  const missing = await runCli([join(dir, 'nope.jsonl')], {});
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.jsonl/);
}));

test('analyze: an empty log and an all-invalid log give a valid empty report and say why', withDir(async (dir) => {
  const empty = join(dir, 'empty.jsonl');
  const invalid = join(dir, 'invalid.jsonl.gz');
  writeFileSync(empty, '');
  writeFileSync(invalid, gzipSync('nope\n{"id": ""}\n'));
  for (const [log, message, rejected] of [[empty, /the log is empty/, 0], [invalid, /all 2 non-empty lines were rejected/, 2]] as const) {
    const run = await runCli([log], {});
    assert.equal(run.code, 0);
    const report = JSON.parse(run.stdout) as AnalysisReport;
    assert.deepEqual(reportSchemaErrors(report), []);
    assert.deepEqual({ ...report.input, accounts: report.accounts, campaigns: report.campaigns },
      { events: 0, accounts: [], rejected_lines: rejected, campaigns: [] });
    assert.match(run.stderr, message);
  }
}));

test('analyze: a tiny window sends most of a shuffled log through a spilling sort, with the same report as in memory', withDir(async (dir) => {
  const log = join(dir, 'log.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 200; i++) {
    const minute = (i * 37) % 200;
    lines.push(event(`e${String(i).padStart(3, '0')}`, new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), i % 5 === 0 ? `bad-${i % 3}` : `ok-${i % 7}`));
  }
  writeFileSync(log, lines.join('\n'));
  const inMemory = await analyzeLogs([log], { createEngine: createFakeEngine, signalsOf: fakeSignalsOf, now: () => new Date(0) });
  assert.equal(inMemory.spills, 0);
  let engine: FakeEngine | undefined;
  const spilled = await analyzeLogs([log], {
    createEngine: (options) => (engine = createFakeEngine(options)),
    signalsOf: fakeSignalsOf,
    window: { events: 3 },
    sort: { chunkEvents: 7, maxFanIn: 4, tmpDir: dir },
    now: () => new Date(0),
  });
  assert.ok(spilled.late > 100, `late ${spilled.late}`);
  assert.ok(spilled.spills > 4);
  assert.deepEqual(spilled.report, inMemory.report);
  assert.equal(engine?.fed.length, 200);
}));

test('html: an attacker-chosen account id, evidence or excerpt never becomes markup', withDir(async (dir) => {
  const log = join(dir, 'log.jsonl');
  const hostile = '<script>alert(1)</script>';
  writeFileSync(log, [
    event('e1', '2026-01-01T00:00:00Z', `bad${hostile}`, `${hostile} "quoted" <img src=x onerror=alert(2)>`),
    event('e2', '2026-01-01T00:01:00Z', `bad${hostile}`, hostile),
    event('e3', '2026-01-01T00:02:00Z', `"><svg onload=alert(3)>`),
  ].join('\n'));
  const run = await runCli([log], { format: 'html' });
  assert.equal(run.code, 0);
  assert.equal(run.stdout.split('<script').length - 1, 1, 'only the report\'s own script element');
  assert.ok(!run.stdout.includes(hostile));
  assert.ok(!run.stdout.includes('<svg onload'));
  assert.ok(!run.stdout.includes('<img'));
  assert.ok(run.stdout.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
}));

test('analyze: --window-events sets the reorder window (same report), and must be a positive integer', withDir(async (dir) => {
  const log = join(dir, 'log.jsonl');
  writeFileSync(log, LINES.join('\n'));
  const byDefault = await runCli([log], {});
  const tiny = await runCli([log], { windowEvents: '1', tmpDir: dir });
  assert.equal(tiny.code, 0);
  assert.deepEqual(tiny.engines[0]?.fed, ['e1', 'e2', 'e3', 'e4', 'e5']);
  const withoutTime = (text: string) => ({ ...(JSON.parse(text) as AnalysisReport), generated_at: '' });
  assert.deepEqual(withoutTime(tiny.stdout), withoutTime(byDefault.stdout));
  const bad = await runCli([log], { windowEvents: '0' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--window-events must be a positive integer/);
}));
