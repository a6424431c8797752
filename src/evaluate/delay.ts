/**
 * Detection delay from the log itself: for each true campaign, how many of its accounts' requests came
 * before it was first detected (the earliest first_flagged_at of any of its accounts), and when its first
 * request came. One streaming pass; memory holds one entry per labelled campaign account.
 */
import { parseDateTime } from '../analyze/event-shape.ts';
import { readLines } from '../analyze/read-lines.ts';

export interface CampaignActivity {
  /** Requests of the campaign's accounts in the log. */
  events: number;
  /** Of those, requests strictly before detection (all of them when never detected). */
  eventsBeforeDetection: number;
  /** Time of its first request (ms), null when it sent none. */
  firstEventAt: number | null;
}

/**
 * `campaignOf` maps account → true campaign; `detectedAt` maps true campaign → detection time (ms), absent
 * when undetected. Lines that are not events are skipped silently (analysis reports them).
 */
export async function campaignActivity(logs: readonly string[], campaignOf: ReadonlyMap<string, string>, detectedAt: ReadonlyMap<string, number>): Promise<Map<string, CampaignActivity>> {
  const activity = new Map<string, CampaignActivity>();
  for (const campaign of new Set(campaignOf.values())) activity.set(campaign, { events: 0, eventsBeforeDetection: 0, firstEventAt: null });
  for (const log of logs) {
    for await (const { text } of readLines(log)) {
      let event: unknown;
      try {
        event = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof event !== 'object' || event === null) continue;
      const { account_id: account, ts } = event as Record<string, unknown>;
      if (typeof account !== 'string' || typeof ts !== 'string') continue;
      const campaign = campaignOf.get(account);
      if (campaign === undefined) continue;
      const ms = parseDateTime(ts);
      const entry = activity.get(campaign);
      if (ms === undefined || entry === undefined) continue;
      entry.events++;
      if (ms < (detectedAt.get(campaign) ?? Infinity)) entry.eventsBeforeDetection++;
      entry.firstEventAt = entry.firstEventAt === null ? ms : Math.min(entry.firstEventAt, ms);
    }
  }
  return activity;
}
