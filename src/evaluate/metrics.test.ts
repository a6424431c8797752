import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport, ReportAccount } from '../analyze/report.ts';
import { campaignActivity } from './delay.ts';
import type { Label } from './labels.ts';
import { detectionTimes, evaluate, nearestRank } from './metrics.ts';

const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

const LABELS: Label[] = [
  { account_id: 'b1', campaign_id: null, role: 'human_chat' },
  { account_id: 'b2', campaign_id: null, role: 'human_chat' },
  { account_id: 'b3', campaign_id: null, role: 'human_chat' },
  { account_id: 'b4', campaign_id: null, role: 'batch_job' },
  { account_id: 'b5', campaign_id: null, role: 'batch_job' },
  { account_id: 'c1', campaign_id: 'T1', role: 'reasoning_harvest' },
  { account_id: 'c2', campaign_id: 'T1', role: 'reasoning_harvest' },
  { account_id: 'c3', campaign_id: 'T1', role: 'reasoning_harvest' },
  { account_id: 'c4', campaign_id: 'T2', role: 'rotation_worker' },
  { account_id: 'c5', campaign_id: 'T2', role: 'rotation_worker' },
  { account_id: 'c6', campaign_id: 'T3', role: 'low_and_slow' },
];

function account(id: string, verdict: ReportAccount['verdict'], campaign: string | null = null, flaggedAt: string | null = null): ReportAccount {
  return { account_id: id, risk: verdict === 'campaign' ? 0.9 : 0.1, verdict, campaign_id: campaign, first_flagged_at: flaggedAt, events: 5, signals: [] };
}

const REPORT: AnalysisReport = {
  generated_at: '2026-01-05T00:00:00.000Z',
  input: { events: 100, accounts: 11, rejected_lines: 0 },
  accounts: [
    account('b1', 'benign'), account('b2', 'suspicious'), account('b3', 'campaign', 'P9', '2026-01-01T05:00:00.000Z'),
    account('b4', 'campaign', 'P1', '2026-01-01T04:00:00.000Z'), // b5 never seen
    account('c1', 'campaign', 'P1', '2026-01-01T03:00:00.000Z'), account('c2', 'campaign', 'P1', '2026-01-01T02:00:00.000Z'),
    account('c3', 'benign'), account('c4', 'campaign', 'P2', '2026-01-02T00:00:00.000Z'), account('c5', 'campaign', 'P2', '2026-01-02T01:00:00.000Z'),
    account('c6', 'suspicious'), account('x1', 'benign'),
  ],
  campaigns: [
    { id: 'P1', accounts: ['b4', 'c1', 'c2'], score: 0.9, first_seen: '2026-01-01T00:00:00.000Z', detected_at: '2026-01-01T02:00:00.000Z', events_before_detection: 10, techniques: [], targets: [], evidence: [] },
    { id: 'P2', accounts: ['c4', 'c5'], score: 0.8, first_seen: '2026-01-01T12:00:00.000Z', detected_at: '2026-01-02T00:00:00.000Z', events_before_detection: 4, techniques: [], targets: [], evidence: [] },
  ],
};

test('eval metrics: precision, recall, F1, benign FPR per role and ARI on a hand-made report', () => {
  const result = evaluate(REPORT, LABELS);
  assert.deepEqual(result.accounts, { labelled: 11, in_report: 11, unlabelled_in_report: 1, missing_from_report: 1 });
  const verdict = result.campaign_verdict;
  assert.deepEqual([verdict.true_positives, verdict.false_positives, verdict.false_negatives], [4, 2, 2]);
  close(verdict.precision, 4 / 6);
  close(verdict.recall, 4 / 6);
  close(verdict.f1, 4 / 6);
  close(result.benign.false_positive_rate, 2 / 5);
  assert.equal(result.benign.suspicious, 1);
  assert.deepEqual(result.benign.by_role.map((row) => [row.role, row.accounts, row.campaign_verdicts, row.suspicious_verdicts]),
    [['batch_job', 2, 1, 0], ['human_chat', 3, 1, 1]]);
  close(result.benign.by_role[1]?.campaign_rate ?? null, 1 / 3);
  // Truth pairs: T1 3 + T2 1 = 4; predicted pairs: P1 {b4,c1,c2} 3 + P2 1 = 4; shared pairs 2; 11 accounts = 55 pairs.
  close(result.adjusted_rand_index, (2 - 16 / 55) / (4 - 16 / 55));
  const campaignRoles = result.roles.filter((row) => !row.benign).map((row) => [row.role, row.campaign_rate]);
  assert.deepEqual(campaignRoles, [['low_and_slow', 0], ['reasoning_harvest', 2 / 3], ['rotation_worker', 1]]);
});

test('eval metrics: per true campaign rows and delay from the report (best-matching predicted campaign)', () => {
  const result = evaluate(REPORT, LABELS);
  const [t1, t2, t3] = result.campaigns;
  assert.deepEqual(t1?.best_match, { id: 'P1', overlap: 2, purity: 2 / 3 });
  assert.equal(t1?.detected_at, '2026-01-01T02:00:00.000Z');
  assert.equal(t1?.events_before_detection, 10);
  assert.equal(t1?.hours_to_detection, 2);
  close(t1?.recall ?? null, 2 / 3);
  assert.deepEqual(t2?.best_match, { id: 'P2', overlap: 2, purity: 1 });
  assert.equal(t3?.detected_at, null);
  assert.equal(t3?.events_before_detection, null);
  assert.deepEqual(result.detection_delay_events, { source: 'report', detected: 2, undetected: 1, median: 4, p90: 10, worst: 10 });
});

test('eval metrics: delay counted in the log, strictly before the first flag of any account of the campaign', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-eval-test-'));
  try {
    const log = join(dir, 'traffic.jsonl');
    const line = (account: string, ts: string) => JSON.stringify({ id: `${account}-${ts}`, ts, account_id: account, endpoint: '/v1/chat/completions', request: {} });
    writeFileSync(log, [
      line('c1', '2026-01-01T01:00:00Z'), line('c3', '2026-01-01T01:30:00Z'), line('c2', '2026-01-01T02:00:00Z'), // at detection: not before
      line('c1', '2026-01-01T03:00:00Z'), line('c4', '2026-01-01T10:00:00Z'), 'garbage', line('c6', '2026-01-01T11:00:00Z'),
      line('b1', '2026-01-01T00:00:00Z'),
    ].join('\n'));
    const labels = new Map(LABELS.flatMap((label) => (label.campaign_id === null ? [] : [[label.account_id, label.campaign_id] as const])));
    const detected = detectionTimes(REPORT, LABELS);
    assert.deepEqual([...detected.entries()], [['T1', Date.parse('2026-01-01T02:00:00Z')], ['T2', Date.parse('2026-01-02T00:00:00Z')]]);
    const activity = await campaignActivity([log], labels, detected);
    assert.deepEqual(activity.get('T1'), { events: 4, eventsBeforeDetection: 2, firstEventAt: Date.parse('2026-01-01T01:00:00Z') });
    const result = evaluate(REPORT, LABELS, activity);
    assert.equal(result.campaigns[0]?.events_before_detection, 2);
    assert.equal(result.campaigns[0]?.hours_to_detection, 1);
    assert.equal(result.campaigns[1]?.events_before_detection, 1);
    assert.equal(result.campaigns[2]?.events, 1);
    assert.deepEqual(result.detection_delay_events, { source: 'log', detected: 2, undetected: 1, median: 1, p90: 2, worst: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval metrics: no predictions at all → precision n/a, recall and F1 0, ARI 0 against real campaigns', () => {
  const empty: AnalysisReport = { generated_at: REPORT.generated_at, input: { events: 0, accounts: 0, rejected_lines: 0 }, accounts: [], campaigns: [] };
  const result = evaluate(empty, LABELS);
  assert.equal(result.campaign_verdict.precision, null);
  assert.equal(result.campaign_verdict.recall, 0);
  assert.equal(result.campaign_verdict.f1, 0);
  assert.equal(result.benign.false_positive_rate, 0);
  close(result.adjusted_rand_index, 0);
  assert.equal(result.detection_delay_events.median, null);
});

test('nearest-rank quantiles', () => {
  assert.equal(nearestRank([], 0.5), null);
  assert.equal(nearestRank([7], 0.9), 7);
  assert.equal(nearestRank([1, 2, 3, 4], 0.5), 2);
  assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9);
});
