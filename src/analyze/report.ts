/**
 * The analysis report (schemas/analysis-report.schema.json) built from an engine snapshot: snake_case
 * fields, RFC 3339 UTC times, nothing the schema does not name, so the JSON output is exactly the contract.
 */
import type { AccountAssessment, Campaign, Engine, Verdict } from '../engine/types.ts';

export interface ReportSignal {
  name: string;
  value: number;
  detail?: string;
}

export interface ReportAccount {
  account_id: string;
  risk: number;
  verdict: Verdict;
  campaign_id: string | null;
  first_flagged_at: string | null;
  events: number;
  signals: ReportSignal[];
}

export interface ReportEvidence {
  kind: string;
  detail: string;
}

export interface ReportCampaign {
  id: string;
  accounts: string[];
  score: number;
  first_seen: string;
  detected_at: string;
  events_before_detection: number;
  techniques: string[];
  targets: string[];
  evidence: ReportEvidence[];
}

export interface ReportInput {
  events: number;
  accounts: number;
  rejected_lines: number;
  from?: string;
  to?: string;
}

export interface AnalysisReport {
  generated_at: string;
  input: ReportInput;
  accounts: ReportAccount[];
  campaigns: ReportCampaign[];
}

export type EngineSnapshot = ReturnType<Engine['snapshot']>;

export interface ReportInputCounts {
  events: number;
  rejectedLines: number;
  /** First and last event time fed to the engine (ms), null when there was none. */
  from: number | null;
  to: number | null;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Scores the schema bounds to 0..1; a NaN (an engine bug) reads as 0 rather than breaking the contract. */
function unitInterval(value: number): number {
  if (!Number.isFinite(value)) return value === Infinity ? 1 : 0;
  return Math.min(1, Math.max(0, value));
}

function reportAccount(account: AccountAssessment): ReportAccount {
  return {
    account_id: account.accountId,
    risk: unitInterval(account.risk),
    verdict: account.verdict,
    campaign_id: account.campaignId,
    first_flagged_at: account.firstFlaggedAt === null ? null : isoTime(account.firstFlaggedAt),
    events: account.events,
    signals: account.signals.map((signal) => (signal.detail === undefined
      ? { name: signal.name, value: signal.value }
      : { name: signal.name, value: signal.value, detail: signal.detail })),
  };
}

function reportCampaign(campaign: Campaign): ReportCampaign {
  return {
    id: campaign.id,
    accounts: [...campaign.accounts],
    score: unitInterval(campaign.score),
    first_seen: isoTime(campaign.firstSeen),
    detected_at: isoTime(campaign.detectedAt),
    events_before_detection: campaign.eventsBeforeDetection,
    techniques: [...campaign.techniques],
    targets: [...campaign.targets],
    evidence: campaign.evidence.map((item) => ({ kind: item.kind, detail: item.detail })),
  };
}

const VERDICT_RANK: Record<Verdict, number> = { campaign: 0, suspicious: 1, benign: 2 };

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The report for a snapshot: accounts by verdict then risk (highest first), campaigns by score. */
export function buildReport(snapshot: EngineSnapshot, input: ReportInputCounts, generatedAt: Date): AnalysisReport {
  const accounts = snapshot.accounts.map(reportAccount).sort((a, b) =>
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.risk - a.risk || byId(a.account_id, b.account_id));
  const campaigns = snapshot.campaigns.map(reportCampaign).sort((a, b) => b.score - a.score || byId(a.id, b.id));
  const counts: ReportInput = { events: input.events, accounts: accounts.length, rejected_lines: input.rejectedLines };
  if (input.from !== null) counts.from = isoTime(input.from);
  if (input.to !== null) counts.to = isoTime(input.to);
  return { generated_at: generatedAt.toISOString(), input: counts, accounts, campaigns };
}
