/** The report's small inline SVG pictures: a per-day sparkline and a campaign's link graph. */
import type { ReportCampaign } from './report.ts';
import { escapeHtml } from './html-escape.ts';

/** A polyline of per-day counts, scaled to its own maximum; one title per point names day and count. */
export function sparkline(counts: readonly number[], firstDay: number | null, width = 320, height = 48): string {
  if (counts.length === 0 || firstDay === null) return '<svg class="spark" width="0" height="0" aria-hidden="true"></svg>';
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? (width - 4) / (counts.length - 1) : 0;
  const point = (count: number, day: number) => {
    const x = 2 + day * step;
    const y = height - 2 - (count / max) * (height - 4);
    return [x.toFixed(1), y.toFixed(1)] as const;
  };
  const points = counts.map((count, day) => point(count, day).join(',')).join(' ');
  const dots = counts.map((count, day) => {
    const [x, y] = point(count, day);
    const date = new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);
    return `<circle cx="${x}" cy="${y}" r="2"><title>${date}: ${count} events</title></circle>`;
  }).join('');
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="events per day, max ${max}">`
    + `<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${points}"/>${dots}</svg>`;
}

/** Accounts drawn at most; the rest are named in a caption. */
const GRAPH_ACCOUNTS = 36;
const PALETTE = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#117a65', '#a04000', '#2e4053'];

interface Hub {
  label: string;
  detail: string;
  members: number[];
}

/**
 * A bipartite picture of what ties the campaign together: its accounts on an outer circle, each piece of
 * evidence a hub inside, joined to the accounts its detail names (or to all of them when it names none,
 * i.e. it speaks for the whole campaign).
 */
export function campaignGraph(campaign: ReportCampaign, size = 360): string {
  const accounts = campaign.accounts.slice(0, GRAPH_ACCOUNTS);
  const hubs: Hub[] = campaign.evidence.slice(0, PALETTE.length).map((item) => {
    const named = accounts.flatMap((account, index) => (item.detail.includes(account) ? [index] : []));
    return { label: item.kind, detail: item.detail, members: named.length > 0 ? named : accounts.map((_, index) => index) };
  });
  const center = size / 2;
  const outer = center - 28;
  const inner = hubs.length > 1 ? outer * 0.38 : 0;
  const at = (index: number, count: number, radius: number, turn = 0) => {
    const angle = (2 * Math.PI * index) / Math.max(1, count) + turn - Math.PI / 2;
    return { x: center + radius * Math.cos(angle), y: center + radius * Math.sin(angle) };
  };
  const accountAt = accounts.map((_, index) => at(index, accounts.length, outer));
  const hubAt = hubs.map((_, index) => at(index, hubs.length, inner, Math.PI / Math.max(2, hubs.length)));
  const edges = hubs.flatMap((hub, h) => hub.members.map((member) => {
    const from = hubAt[h];
    const to = accountAt[member];
    if (from === undefined || to === undefined) return '';
    return `<line x1="${from.x.toFixed(1)}" y1="${from.y.toFixed(1)}" x2="${to.x.toFixed(1)}" y2="${to.y.toFixed(1)}" stroke="${PALETTE[h % PALETTE.length]}" stroke-opacity="0.45"/>`;
  })).join('');
  const accountNodes = accounts.map((account, index) => {
    const { x, y } = accountAt[index] as { x: number; y: number };
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" class="acct"><title>${escapeHtml(account)}</title></circle>`;
  }).join('');
  const hubNodes = hubs.map((hub, index) => {
    const { x, y } = hubAt[index] as { x: number; y: number };
    return `<rect x="${(x - 7).toFixed(1)}" y="${(y - 7).toFixed(1)}" width="14" height="14" fill="${PALETTE[index % PALETTE.length]}">`
      + `<title>${escapeHtml(`${hub.label}: ${hub.detail}`)}</title></rect>`;
  }).join('');
  const legend = hubs.map((hub, index) => `<span class="key" style="background:${PALETTE[index % PALETTE.length]}"></span>${escapeHtml(hub.label)}`).join(' ');
  const more = campaign.accounts.length > accounts.length ? ` (${accounts.length} of ${campaign.accounts.length} accounts drawn)` : '';
  return `<figure class="graph"><svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="accounts and shared evidence">`
    + `${edges}${accountNodes}${hubNodes}</svg><figcaption>${legend}${escapeHtml(more)}</figcaption></figure>`;
}
