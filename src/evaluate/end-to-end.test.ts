import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeLogs } from '../analyze/analyze.ts';
import { renderHtml } from '../analyze/html.ts';
import { reportSchemaErrors } from '../analyze/report-schema.ts';
import { createEngine } from '../engine/engine.ts';
import { simulate } from '../sim/index.ts';
import { campaignActivity } from './delay.ts';
import { readLabels } from './labels.ts';
import { detectionTimes, evaluate } from './metrics.ts';

test('end to end: simulate small → analyze (spilling sort) → eval', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-e2e-'));
  try {
    const simulated = await simulate({ outDir: dir, scale: 'small', seed: 7 });
    const log = join(dir, 'traffic.jsonl');
    // A window of 4 events is far too small for the simulator's disorder: late lines go through a spilling sort.
    const result = await analyzeLogs([log], { createEngine, seed: 7, collectDetails: true, window: { events: 4 }, sort: { chunkEvents: 20, tmpDir: dir } });
    assert.ok(result.late > 50 && result.spills >= 2, `late lines are sorted through disk (${result.late} late, ${result.spills} spills)`);
    assert.deepEqual(reportSchemaErrors(result.report), []);
    assert.equal(result.report.input.events, simulated.events);
    assert.equal(result.report.input.rejected_lines, 0);
    assert.match(renderHtml(result.report, result.details), /<\/html>/);

    const labels = await readLabels(join(dir, 'labels.jsonl'));
    assert.equal(labels.length, simulated.accounts.length);
    const campaignOf = new Map(labels.flatMap((label) => (label.campaign_id === null ? [] : [[label.account_id, label.campaign_id] as const])));
    const activity = await campaignActivity([log], campaignOf, detectionTimes(result.report, labels));
    const evaluation = evaluate(result.report, labels, activity);
    assert.equal(evaluation.accounts.missing_from_report, 0);
    assert.equal(evaluation.accounts.unlabelled_in_report, 0);
    assert.equal(evaluation.campaigns.length, new Set(campaignOf.values()).size);
    for (const value of [evaluation.campaign_verdict.recall, evaluation.benign.false_positive_rate]) assert.ok(value !== null && value >= 0 && value <= 1);
    assert.ok(evaluation.adjusted_rand_index <= 1);
    const delays = evaluation.detection_delay_events;
    assert.equal(delays.detected + delays.undetected, evaluation.campaigns.length);
    for (const row of evaluation.campaigns) assert.ok(row.events > 0 && (row.events_before_detection ?? 0) <= row.events);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
