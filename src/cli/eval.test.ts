import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeEngine, fakeSignalsOf } from '../analyze/fake-engine.ts';
import type { Evaluation } from '../evaluate/metrics.ts';
import { analyzeCommand } from './analyze.ts';
import { evalCommand, type EvalFlags } from './eval.ts';

const deps = { createEngine: createFakeEngine, signalsOf: fakeSignalsOf };

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (text: string) => { out.stdout += text; } }, stderr: { write: (text: string) => { out.stderr += text; } } } };
}

test('eval command: analyses the log (or reads a report) and prints text or JSON metrics', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-eval-cli-'));
  try {
    const log = join(dir, 'traffic.jsonl');
    const labels = join(dir, 'labels.jsonl');
    const event = (n: number, account: string) => JSON.stringify({ id: `e${n}`, ts: new Date(Date.UTC(2026, 0, 1, n)).toISOString(), account_id: account, endpoint: '/v1/chat/completions', request: { messages: [{ role: 'user', content: `q ${n}` }] } });
    writeFileSync(log, [event(3, 'bad-1'), event(1, 'bad-1'), event(2, 'ok-1'), event(4, 'bad-2'), event(5, 'bad-2'), event(6, 'ok-2')].join('\n'));
    writeFileSync(labels, [
      { account_id: 'bad-1', campaign_id: 'T', role: 'rotation_worker' }, { account_id: 'bad-2', campaign_id: 'T', role: 'rotation_worker' },
      { account_id: 'ok-1', campaign_id: null, role: 'human_chat' }, { account_id: 'ok-2', campaign_id: null, role: 'batch_job' },
    ].map((label) => JSON.stringify(label)).join('\n') + '\n{"bad": true}\n');
    const flags: EvalFlags = { log, labels, format: 'json' };
    const json = capture();
    assert.equal(await evalCommand(flags, json.io, deps), 0);
    const evaluation = JSON.parse(json.out.stdout) as Evaluation;
    assert.equal(evaluation.campaign_verdict.f1, 1);
    assert.equal(evaluation.adjusted_rand_index, 1);
    // T detected at bad-1's second request (hour 3); before it: bad-1 at hour 1 only.
    assert.deepEqual(evaluation.detection_delay_events, { source: 'log', detected: 1, undetected: 0, median: 1, p90: 1, worst: 1 });
    assert.match(json.out.stderr, /labels\.jsonl:5: skipped label/);

    const reportFile = join(dir, 'report.json');
    assert.equal(await analyzeCommand([log], { format: 'json', out: reportFile }, capture().io, deps), 0);
    const text = capture();
    assert.equal(await evalCommand({ labels, report: reportFile, format: 'text' }, text.io, deps), 0);
    assert.match(text.out.stdout, /precision 1\.000 {2}recall 1\.000 {2}F1 1\.000/);
    assert.match(text.out.stdout, /from the report\): median 1/); // the fake engine's events_before_detection
    assert.match(text.out.stdout, /human_chat/);

    const usage = capture();
    assert.equal(await evalCommand({ labels, format: 'text' }, usage.io, deps), 2);
    assert.match(usage.out.stderr, /--log/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
