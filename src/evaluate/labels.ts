/** Ground truth (schemas/simulation-labels.schema.json): one JSON line per account. */
import { readLines } from '../analyze/read-lines.ts';

export interface Label {
  account_id: string;
  campaign_id: string | null;
  /** What the account is (human_chat, campaign_worker, ...); "unknown" when the line gave none. */
  role: string;
}

export interface LabelProblem {
  line: number;
  reason: string;
}

function labelOf(text: string): Label | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'invalid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const { account_id: account, campaign_id: campaign, role } = value as Record<string, unknown>;
  if (typeof account !== 'string') return 'account_id: required, a string';
  if (campaign !== null && typeof campaign !== 'string') return 'campaign_id: required, a string or null';
  if (role !== undefined && typeof role !== 'string') return 'role: expected a string';
  return { account_id: account, campaign_id: campaign, role: role ?? 'unknown' };
}

/** The labels of a file (plain or gzip); bad lines are passed to `onProblem` and skipped. A repeated account keeps its last line. */
export async function readLabels(path: string, onProblem?: (problem: LabelProblem) => void): Promise<Label[]> {
  const labels = new Map<string, Label>();
  for await (const { text, line } of readLines(path)) {
    if (text.trim().length === 0) continue;
    const label = labelOf(text);
    if (typeof label === 'string') onProblem?.({ line, reason: label });
    else labels.set(label.account_id, label);
  }
  return [...labels.values()];
}
