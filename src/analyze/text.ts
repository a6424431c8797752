/** The terminal summary of a report: counts, each campaign with its strongest evidence, the riskiest accounts. */
import type { AnalysisReport } from './report.ts';

const EVIDENCE_LINES = 4;
const TOP_ACCOUNTS = 15;

/** Control characters (an attacker's ANSI escapes in an account id) are shown as \u codes, never emitted. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function renderText(report: AnalysisReport): string {
  const lines: string[] = [];
  const input = report.input;
  const verdicts = { campaign: 0, suspicious: 0, benign: 0 };
  for (const account of report.accounts) verdicts[account.verdict]++;
  lines.push(`${input.events} events, ${input.accounts} accounts, ${input.rejected_lines} rejected lines`
    + (input.from === undefined ? '' : `, ${input.from} to ${input.to ?? input.from}`));
  lines.push(`verdicts: ${verdicts.campaign} campaign, ${verdicts.suspicious} suspicious, ${verdicts.benign} benign; ${report.campaigns.length} campaigns`);
  for (const campaign of report.campaigns) {
    lines.push('');
    lines.push(`campaign ${printable(campaign.id)}  score ${campaign.score.toFixed(2)}  ${campaign.accounts.length} accounts`);
    lines.push(`  detected ${campaign.detected_at} after ${campaign.events_before_detection} events (first seen ${campaign.first_seen})`);
    if (campaign.techniques.length > 0) lines.push(`  techniques: ${campaign.techniques.map(printable).join(', ')}`);
    if (campaign.targets.length > 0) lines.push(`  targets: ${campaign.targets.map(printable).join(', ')}`);
    for (const item of campaign.evidence.slice(0, EVIDENCE_LINES)) lines.push(`  - ${printable(item.kind)}: ${printable(item.detail).slice(0, 160)}`);
    if (campaign.evidence.length > EVIDENCE_LINES) lines.push(`  - ... ${campaign.evidence.length - EVIDENCE_LINES} more`);
    const members = campaign.accounts.slice(0, 8).map(printable).join(' ');
    lines.push(`  accounts: ${members}${campaign.accounts.length > 8 ? ` ... (+${campaign.accounts.length - 8})` : ''}`);
  }
  const risky = report.accounts.filter((account) => account.verdict !== 'benign').slice(0, TOP_ACCOUNTS);
  if (risky.length > 0) {
    lines.push('', 'flagged accounts (highest risk first):');
    for (const account of risky) {
      lines.push(`  ${account.risk.toFixed(3)}  ${account.verdict.padEnd(10)} ${printable(account.account_id)}`
        + `${account.campaign_id === null ? '' : `  ${printable(account.campaign_id)}`}  ${account.events} events`);
    }
  }
  return `${lines.join('\n')}\n`;
}
