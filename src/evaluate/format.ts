/** The evaluation as aligned text tables for a terminal. */
import { printable } from '../analyze/text.ts';
import type { Evaluation } from './metrics.ts';

function figure(value: number | null, digits = 3): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(2)}%`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

export function renderEvaluation(evaluation: Evaluation): string {
  const { accounts, campaign_verdict: verdict, benign, detection_delay_events: delay } = evaluation;
  const lines: string[] = [];
  lines.push(`accounts: ${accounts.labelled} labelled, ${accounts.in_report} in the report`
    + ` (${accounts.unlabelled_in_report} unlabelled, ${accounts.missing_from_report} labelled but never seen: counted benign)`);
  lines.push('');
  lines.push(`verdict campaign: precision ${figure(verdict.precision)}  recall ${figure(verdict.recall)}  F1 ${figure(verdict.f1)}`
    + `  (TP ${verdict.true_positives}, FP ${verdict.false_positives}, FN ${verdict.false_negatives})`);
  lines.push(`benign false-positive rate: ${percent(benign.false_positive_rate)} (${benign.false_positives} of ${benign.accounts}; ${benign.suspicious} more marked suspicious)`);
  lines.push(`campaign purity (adjusted Rand index over the account partition): ${figure(evaluation.adjusted_rand_index)}`);
  lines.push(`detection delay, campaign requests before detection (from the ${delay.source}): median ${delay.median ?? 'n/a'}, p90 ${delay.p90 ?? 'n/a'}, worst ${delay.worst ?? 'n/a'}`
    + `; ${delay.detected} campaigns detected, ${delay.undetected} not`);
  lines.push('', 'per role:');
  lines.push(...table(['role', 'kind', 'accounts', 'campaign', 'suspicious', 'rate'], evaluation.roles.map((row) => [
    printable(row.role), row.benign ? 'benign (FPR)' : 'campaign (recall)', String(row.accounts), String(row.campaign_verdicts),
    String(row.suspicious_verdicts), percent(row.campaign_rate),
  ])));
  if (evaluation.campaigns.length > 0) {
    lines.push('', 'per true campaign:');
    lines.push(...table(['campaign', 'roles', 'accounts', 'recall', 'best match (overlap, purity)', 'events', 'before detection', 'hours'], evaluation.campaigns.map((row) => [
      printable(row.campaign_id), printable(row.roles.join(',')), String(row.accounts), percent(row.recall),
      row.best_match === null ? '-' : `${printable(row.best_match.id)} (${row.best_match.overlap}, ${percent(row.best_match.purity)})`,
      String(row.events), row.detected_at === null ? 'undetected' : String(row.events_before_detection ?? 'n/a'), figure(row.hours_to_detection, 1),
    ])));
  }
  return `${lines.join('\n')}\n`;
}
