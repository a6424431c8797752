/**
 * The self-contained HTML report: one file, no external assets (inline CSS, a few lines of inline JS for
 * sorting, inline SVG). Every string from the log or the engine is escaped (escapeHtml); the script embeds
 * no data, it only reorders rows already in the page.
 */
import { denseDays, type AnalysisDetails } from './details.ts';
import { escapeHtml } from './html-escape.ts';
import type { AnalysisReport, ReportAccount, ReportCampaign } from './report.ts';
import { campaignGraph, sparkline } from './svg.ts';

/** Accounts listed in the table: every flagged one, then the riskiest benign ones up to this many rows. */
const TABLE_ROWS = 5000;
const FAMILIES_PER_CAMPAIGN = 6;

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1c2833;background:#fbfcfc}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:16px;margin:0 0 6px}
.summary span{display:inline-block;margin-right:18px}
.card{border:1px solid #d5d8dc;border-radius:6px;padding:14px;margin:14px 0;background:#fff}
.row{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
.graph{margin:0}.graph figcaption{font-size:12px;max-width:360px}
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}
.acct{fill:#5d6d7e}.spark{color:#2471a3}
code,pre{font:12px/1.4 ui-monospace,monospace;background:#f4f6f6;padding:1px 4px;border-radius:3px}
pre{white-space:pre-wrap;word-break:break-all;padding:6px;margin:4px 0}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e8e8;padding:4px 8px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f2f4f4;position:sticky;top:0}th:after{content:" \\2195";color:#aab7b8}
.campaign{color:#c0392b;font-weight:600}.suspicious{color:#b9770e}.benign{color:#7f8c8d}
.muted{color:#7f8c8d;font-size:12px}`;

/** Sorts the accounts table by the clicked column: numbers by value (data-v), text alphabetically. */
const SCRIPT = `
document.querySelectorAll('table.sortable th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var down = th.dataset.dir !== 'down';
    th.dataset.dir = down ? 'down' : 'up';
    var key = function (row) { var cell = row.cells[col]; return cell.dataset.v !== undefined ? Number(cell.dataset.v) : cell.textContent; };
    Array.from(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return down ? -order : order;
    }).forEach(function (row) { body.appendChild(row); });
  });
});`;

function campaignDays(campaign: ReportCampaign, details: AnalysisDetails): number[] {
  const total = Array.from({ length: details.dailyEvents.length }, () => 0);
  for (const account of campaign.accounts) {
    const days = details.accountDays.get(account);
    if (days === undefined) continue;
    days.forEach((count, day) => { total[day] = (total[day] ?? 0) + count; });
  }
  return total;
}

interface TemplateFamily {
  skeleton: string;
  requests: number;
  accounts: number;
}

/** Skeletons the campaign's accounts share, most widely shared first. */
function templateFamilies(campaign: ReportCampaign, details: AnalysisDetails): TemplateFamily[] {
  const families = new Map<string, TemplateFamily>();
  for (const account of campaign.accounts) {
    for (const [skeleton, requests] of details.accountTemplates.get(account) ?? []) {
      const family = families.get(skeleton) ?? { skeleton, requests: 0, accounts: 0 };
      family.requests += requests;
      family.accounts++;
      families.set(skeleton, family);
    }
  }
  return [...families.values()]
    .sort((a, b) => b.accounts - a.accounts || b.requests - a.requests)
    .slice(0, FAMILIES_PER_CAMPAIGN);
}

function familiesHtml(campaign: ReportCampaign, details: AnalysisDetails | undefined): string {
  const fromEvidence = campaign.evidence.filter((item) => item.kind.includes('template'));
  const families = details === undefined ? [] : templateFamilies(campaign, details);
  if (families.length === 0 && fromEvidence.length === 0) return '';
  const rows = families.map((family) => `<li><span class="muted">${family.accounts} account${family.accounts === 1 ? '' : 's'}, ${family.requests} requests</span>`
    + `<pre>${escapeHtml(family.skeleton)}</pre></li>`).join('');
  const evidence = fromEvidence.map((item) => `<li><span class="muted">${escapeHtml(item.kind)}</span><pre>${escapeHtml(item.detail)}</pre></li>`).join('');
  return `<h4>Template families <span class="muted">(masked skeletons: numbers, names, quoted spans and code replaced)</span></h4><ul>${rows}${evidence}</ul>`;
}

function campaignHtml(campaign: ReportCampaign, details: AnalysisDetails | undefined): string {
  const list = (items: string[]) => (items.length === 0 ? '-' : items.map(escapeHtml).join(', '));
  const timeline = details === undefined ? '' : `<div>Events per day<br>${sparkline(campaignDays(campaign, details), details.firstDay)}</div>`;
  const evidence = campaign.evidence.map((item) => `<li><code>${escapeHtml(item.kind)}</code> ${escapeHtml(item.detail)}</li>`).join('');
  const members = campaign.accounts.slice(0, 200).map((account) => `<code>${escapeHtml(account)}</code>`).join(' ');
  const more = campaign.accounts.length > 200 ? ` <span class="muted">and ${campaign.accounts.length - 200} more</span>` : '';
  return `<section class="card" id="campaign-${escapeHtml(campaign.id)}"><h3>${escapeHtml(campaign.id)} <span class="muted">score ${campaign.score.toFixed(2)}</span></h3>`
    + `<div class="row">${campaignGraph(campaign)}<div><p>${campaign.accounts.length} accounts · first seen ${escapeHtml(campaign.first_seen)}<br>`
    + `detected ${escapeHtml(campaign.detected_at)} after ${campaign.events_before_detection} events<br>`
    + `techniques: ${list(campaign.techniques)}<br>targets: ${list(campaign.targets)}</p>${timeline}</div></div>`
    + `<h4>Evidence</h4><ul>${evidence || '<li class="muted">none given</li>'}</ul>${familiesHtml(campaign, details)}`
    + `<details><summary>Accounts</summary><p>${members}${more}</p></details></section>`;
}

function accountRow(account: ReportAccount): string {
  const signals = [...account.signals].sort((a, b) => b.value - a.value).slice(0, 4)
    .map((signal) => `${escapeHtml(signal.name)}=${signal.value.toFixed(2)}`).join(' ');
  const flagged = account.first_flagged_at ?? '';
  return `<tr><td><code>${escapeHtml(account.account_id)}</code></td><td class="${escapeHtml(account.verdict)}">${escapeHtml(account.verdict)}</td>`
    + `<td data-v="${account.risk}">${account.risk.toFixed(3)}</td><td>${escapeHtml(account.campaign_id ?? '')}</td>`
    + `<td data-v="${account.events}">${account.events}</td><td>${escapeHtml(flagged)}</td><td>${signals}</td></tr>`;
}

function accountsHtml(report: AnalysisReport): string {
  const flagged = report.accounts.filter((account) => account.verdict !== 'benign');
  const benign = report.accounts.filter((account) => account.verdict === 'benign').sort((a, b) => b.risk - a.risk);
  const shown = [...flagged, ...benign.slice(0, Math.max(0, TABLE_ROWS - flagged.length))];
  const hidden = report.accounts.length - shown.length;
  const note = hidden > 0 ? `<p class="muted">${hidden} lower-risk benign accounts not listed (see the JSON report).</p>` : '';
  return `<h2>Accounts</h2>${note}<table class="sortable"><thead><tr><th>account</th><th>verdict</th><th>risk</th><th>campaign</th>`
    + `<th>events</th><th>first flagged</th><th>top signals</th></tr></thead><tbody>${shown.map(accountRow).join('')}</tbody></table>`;
}

export function renderHtml(report: AnalysisReport, details?: AnalysisDetails): string {
  const verdicts = { campaign: 0, suspicious: 0, benign: 0 };
  for (const account of report.accounts) verdicts[account.verdict]++;
  const input = report.input;
  const span = input.from === undefined ? 'no events' : `${escapeHtml(input.from)} to ${escapeHtml(input.to ?? input.from)}`;
  const timeline = details === undefined || details.firstDay === null ? ''
    : `<p>Events per day<br>${sparkline(denseDays(details.dailyEvents, details.dailyEvents.length), details.firstDay, 640, 64)}</p>`;
  const campaigns = report.campaigns.length === 0 ? '<p class="muted">No campaign found.</p>'
    : report.campaigns.map((campaign) => campaignHtml(campaign, details)).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>DistillGuard analysis</title><style>${STYLE}</style></head><body><h1>DistillGuard analysis</h1>`
    + `<p class="summary"><span>${input.events} events</span><span>${input.accounts} accounts</span>`
    + `<span>${input.rejected_lines} rejected lines</span><span>${span}</span></p>`
    + `<p class="summary"><span class="campaign">${verdicts.campaign} campaign</span><span class="suspicious">${verdicts.suspicious} suspicious</span>`
    + `<span class="benign">${verdicts.benign} benign</span><span>${report.campaigns.length} campaigns</span></p>${timeline}`
    + `<h2>Campaigns</h2>${campaigns}${accountsHtml(report)}`
    + `<p class="muted">Generated ${escapeHtml(report.generated_at)}.</p><script>${SCRIPT}</script></body></html>\n`;
}
