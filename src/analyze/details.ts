/**
 * What the HTML report shows beyond the JSON contract: events per account per UTC day (for timelines) and
 * the template skeletons each account sent (for template families). Collected while the engine is fed;
 * bounded per account (a few skeletons, one counter per active day) so it scales with accounts, not events.
 */
import type { Signals } from '../signals/types.ts';

const DAY_MS = 86_400_000;
/** Distinct skeletons remembered per account; later new ones are not counted (the first are the telling ones). */
const SKELETONS_PER_ACCOUNT = 4;
/** Characters kept of a skeleton: masked already by the signal stage, cut again because it is shown. */
export const SKELETON_EXCERPT_CHARS = 160;

export interface AnalysisDetails {
  /** Start (ms) of the UTC day of the first event; day i of every series starts i days later. */
  firstDay: number | null;
  /** Events per day, all accounts. */
  dailyEvents: number[];
  accountDays: Map<string, number[]>;
  accountTemplates: Map<string, Map<string, number>>;
}

export class DetailsCollector {
  readonly details: AnalysisDetails = { firstDay: null, dailyEvents: [], accountDays: new Map(), accountTemplates: new Map() };

  add(accountId: string, ms: number, signals: Signals | undefined): void {
    const details = this.details;
    details.firstDay ??= Math.floor(ms / DAY_MS) * DAY_MS;
    const day = Math.max(0, Math.floor((ms - details.firstDay) / DAY_MS));
    details.dailyEvents[day] = (details.dailyEvents[day] ?? 0) + 1;
    let days = details.accountDays.get(accountId);
    if (days === undefined) details.accountDays.set(accountId, days = []);
    days[day] = (days[day] ?? 0) + 1;
    const skeleton = signals?.template.skeleton.slice(0, SKELETON_EXCERPT_CHARS).trim();
    if (skeleton === undefined || skeleton.length === 0) return;
    let templates = details.accountTemplates.get(accountId);
    if (templates === undefined) details.accountTemplates.set(accountId, templates = new Map());
    const seen = templates.get(skeleton);
    if (seen !== undefined) templates.set(skeleton, seen + 1);
    else if (templates.size < SKELETONS_PER_ACCOUNT) templates.set(skeleton, 1);
  }
}

/** A dense copy of a sparse per-day series, `length` days long. */
export function denseDays(series: readonly (number | undefined)[], length: number): number[] {
  return Array.from({ length }, (_, day) => series[day] ?? 0);
}
