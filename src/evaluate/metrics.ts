/**
 * Scores an analysis report against ground-truth labels. Conventions (also in the eval command's help):
 * - Universe: the labelled accounts. A labelled account absent from the report counts as benign (never
 *   flagged); report accounts without a label are only counted (`unlabelled_in_report`).
 * - Positive: a label with a campaign_id; predicted positive: verdict `campaign` (suspicious is not).
 * - ARI over the account partition: true cluster = the label's campaign_id; predicted cluster = the report's
 *   campaign_id when the verdict is `campaign`; every other account (benign, suspicious, or flagged without a
 *   campaign) is a singleton on its side.
 * - A true campaign is detected at the earliest first_flagged_at of any of its accounts; its delay is the
 *   number of its accounts' requests strictly before that (counted in the log), or, without the log, the
 *   events_before_detection of the predicted campaign sharing most of its flagged accounts.
 * - Quantiles are nearest-rank over detected campaigns; undetected campaigns are counted apart.
 */
import type { AnalysisReport, ReportAccount } from '../analyze/report.ts';
import { adjustedRandIndex } from './ari.ts';
import type { CampaignActivity } from './delay.ts';
import type { Label } from './labels.ts';

export interface RoleRow {
  role: string;
  /** True when no account of this role belongs to a campaign. */
  benign: boolean;
  accounts: number;
  campaign_verdicts: number;
  suspicious_verdicts: number;
  /** campaign_verdicts / accounts: the false-positive rate of a benign role, the recall of a campaign role. */
  campaign_rate: number;
}

export interface CampaignMatch {
  id: string;
  /** This campaign's accounts in the predicted campaign. */
  overlap: number;
  /** overlap / size of the predicted campaign. */
  purity: number;
}

export interface CampaignRow {
  campaign_id: string;
  roles: string[];
  accounts: number;
  detected_accounts: number;
  recall: number;
  best_match: CampaignMatch | null;
  detected_at: string | null;
  /** Requests of its accounts (from the log; from the report's per-account counts without it). */
  events: number;
  events_before_detection: number | null;
  hours_to_detection: number | null;
}

export interface DelaySummary {
  source: 'log' | 'report';
  detected: number;
  undetected: number;
  median: number | null;
  p90: number | null;
  worst: number | null;
}

export interface Evaluation {
  accounts: { labelled: number; in_report: number; unlabelled_in_report: number; missing_from_report: number };
  campaign_verdict: { true_positives: number; false_positives: number; false_negatives: number; precision: number | null; recall: number | null; f1: number | null };
  benign: { accounts: number; false_positives: number; false_positive_rate: number | null; suspicious: number; by_role: RoleRow[] };
  adjusted_rand_index: number;
  detection_delay_events: DelaySummary;
  roles: RoleRow[];
  campaigns: CampaignRow[];
}

const HOUR_MS = 3_600_000;

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Nearest-rank quantile (q in 0..1) of ascending values; null for none. */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
}

function flagged(account: ReportAccount | undefined): boolean {
  return account?.verdict === 'campaign';
}

/** Detection time (ms) of each true campaign with at least one flagged account. */
export function detectionTimes(report: AnalysisReport, labels: readonly Label[]): Map<string, number> {
  const byId = new Map(report.accounts.map((account) => [account.account_id, account]));
  const times = new Map<string, number>();
  for (const label of labels) {
    const account = byId.get(label.account_id);
    if (label.campaign_id === null || account?.first_flagged_at == null) continue;
    const ms = Date.parse(account.first_flagged_at);
    times.set(label.campaign_id, Math.min(times.get(label.campaign_id) ?? Infinity, ms));
  }
  return times;
}

function roleRows(labels: readonly Label[], byId: ReadonlyMap<string, ReportAccount>): RoleRow[] {
  const rows = new Map<string, RoleRow>();
  for (const label of labels) {
    const row = rows.get(label.role) ?? { role: label.role, benign: true, accounts: 0, campaign_verdicts: 0, suspicious_verdicts: 0, campaign_rate: 0 };
    const account = byId.get(label.account_id);
    row.accounts++;
    if (label.campaign_id !== null) row.benign = false;
    if (flagged(account)) row.campaign_verdicts++;
    if (account?.verdict === 'suspicious') row.suspicious_verdicts++;
    rows.set(label.role, row);
  }
  for (const row of rows.values()) row.campaign_rate = row.campaign_verdicts / row.accounts;
  return [...rows.values()].sort((a, b) => Number(b.benign) - Number(a.benign) || (a.role < b.role ? -1 : 1));
}

function bestMatch(members: readonly Label[], byId: ReadonlyMap<string, ReportAccount>, report: AnalysisReport): CampaignMatch | null {
  const overlaps = new Map<string, number>();
  for (const label of members) {
    const account = byId.get(label.account_id);
    if (flagged(account) && account?.campaign_id != null) overlaps.set(account.campaign_id, (overlaps.get(account.campaign_id) ?? 0) + 1);
  }
  let best: CampaignMatch | null = null;
  for (const [id, overlap] of overlaps) {
    const size = report.campaigns.find((campaign) => campaign.id === id)?.accounts.length
      ?? report.accounts.filter((account) => account.campaign_id === id && flagged(account)).length;
    if (best === null || overlap > best.overlap || (overlap === best.overlap && id < best.id)) best = { id, overlap, purity: size === 0 ? 0 : overlap / size };
  }
  return best;
}

function campaignRows(labels: readonly Label[], byId: ReadonlyMap<string, ReportAccount>, report: AnalysisReport, activity: ReadonlyMap<string, CampaignActivity> | undefined): CampaignRow[] {
  const groups = new Map<string, Label[]>();
  for (const label of labels) {
    if (label.campaign_id === null) continue;
    const group = groups.get(label.campaign_id);
    if (group === undefined) groups.set(label.campaign_id, [label]);
    else group.push(label);
  }
  const detected = detectionTimes(report, labels);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, members]) => {
    const match = bestMatch(members, byId, report);
    const detectedAt = detected.get(id);
    const seen = activity?.get(id);
    const predicted = match === null ? undefined : report.campaigns.find((campaign) => campaign.id === match.id);
    let before: number | null = null;
    let startedAt: number | null = null;
    if (seen !== undefined) {
      before = detectedAt === undefined ? null : seen.eventsBeforeDetection;
      startedAt = seen.firstEventAt;
    } else if (detectedAt !== undefined && predicted !== undefined) {
      before = predicted.events_before_detection;
      startedAt = Date.parse(predicted.first_seen);
    }
    const detectedAccounts = members.filter((label) => flagged(byId.get(label.account_id))).length;
    return {
      campaign_id: id,
      roles: [...new Set(members.map((label) => label.role))].sort(),
      accounts: members.length,
      detected_accounts: detectedAccounts,
      recall: detectedAccounts / members.length,
      best_match: match,
      detected_at: detectedAt === undefined ? null : new Date(detectedAt).toISOString(),
      events: seen?.events ?? members.reduce((sum, label) => sum + (byId.get(label.account_id)?.events ?? 0), 0),
      events_before_detection: before,
      hours_to_detection: detectedAt === undefined || startedAt === null ? null : (detectedAt - startedAt) / HOUR_MS,
    };
  });
}

/** `activity`: per true campaign counts from the log (delay.ts); without it delays come from the report. */
export function evaluate(report: AnalysisReport, labels: readonly Label[], activity?: ReadonlyMap<string, CampaignActivity>): Evaluation {
  const byId = new Map(report.accounts.map((account) => [account.account_id, account]));
  const labelled = new Set(labels.map((label) => label.account_id));
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let benignAccounts = 0;
  let suspicious = 0;
  for (const label of labels) {
    const account = byId.get(label.account_id);
    const positive = label.campaign_id !== null;
    if (positive && flagged(account)) truePositives++;
    else if (positive) falseNegatives++;
    else if (flagged(account)) falsePositives++;
    if (!positive) {
      benignAccounts++;
      if (account?.verdict === 'suspicious') suspicious++;
    }
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = precision === null || recall === null ? (recall === null ? null : 0) : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const truth = labels.map((label) => label.campaign_id === null ? `single:${label.account_id}` : `campaign:${label.campaign_id}`);
  const predicted = labels.map((label) => {
    const account = byId.get(label.account_id);
    return flagged(account) && account?.campaign_id != null ? `campaign:${account.campaign_id}` : `single:${label.account_id}`;
  });
  const roles = roleRows(labels, byId);
  const campaigns = campaignRows(labels, byId, report, activity);
  const delays = campaigns.flatMap((row) => (row.events_before_detection === null ? [] : [row.events_before_detection])).sort((a, b) => a - b);
  return {
    accounts: {
      labelled: labels.length,
      in_report: report.accounts.length,
      unlabelled_in_report: report.accounts.filter((account) => !labelled.has(account.account_id)).length,
      missing_from_report: labels.filter((label) => !byId.has(label.account_id)).length,
    },
    campaign_verdict: { true_positives: truePositives, false_positives: falsePositives, false_negatives: falseNegatives, precision, recall, f1 },
    benign: { accounts: benignAccounts, false_positives: falsePositives, false_positive_rate: ratio(falsePositives, benignAccounts), suspicious, by_role: roles.filter((row) => row.benign) },
    adjusted_rand_index: adjustedRandIndex(truth, predicted),
    detection_delay_events: {
      source: activity === undefined ? 'report' : 'log',
      detected: campaigns.filter((row) => row.detected_at !== null).length,
      undetected: campaigns.filter((row) => row.detected_at === null).length,
      median: nearestRank(delays, 0.5),
      p90: nearestRank(delays, 0.9),
      worst: delays.length === 0 ? null : (delays[delays.length - 1] ?? null),
    },
    roles,
    campaigns,
  };
}
