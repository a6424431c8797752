/**
 * When things happen: daily activity curves by kind of user, and arrival processes that follow them.
 * Arrivals use thinning (draw at the peak rate, keep each with probability curve/peak), which keeps
 * every timeline lazy: nothing is generated ahead of the merge.
 */
import type { Rng } from './random.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type ActivityCurve = 'human' | 'office' | 'student' | 'service' | 'flat';

/** Relative activity by local hour, peak 1. */
const HOURLY: Record<Exclude<ActivityCurve, 'flat'>, readonly number[]> = {
  // Morning and evening peaks, a dip at lunch, little at night.
  human: [0.2, 0.12, 0.07, 0.05, 0.04, 0.05, 0.1, 0.25, 0.45, 0.65, 0.8, 0.85, 0.7, 0.75, 0.85, 0.85, 0.8, 0.75, 0.7, 0.8, 0.95, 1, 0.8, 0.45],
  office: [0, 0, 0, 0, 0, 0, 0.02, 0.1, 0.6, 0.95, 1, 0.95, 0.55, 0.8, 0.95, 0.95, 0.8, 0.5, 0.15, 0.05, 0.03, 0.02, 0, 0],
  // Afternoons, evenings and the night before a deadline.
  student: [0.45, 0.3, 0.15, 0.06, 0.03, 0.02, 0.04, 0.1, 0.25, 0.4, 0.5, 0.55, 0.5, 0.6, 0.7, 0.7, 0.75, 0.8, 0.8, 0.9, 1, 1, 0.9, 0.7],
  // Apps serve users everywhere: smooth, never quiet.
  service: [0.45, 0.4, 0.35, 0.33, 0.33, 0.36, 0.45, 0.6, 0.75, 0.85, 0.92, 0.97, 1, 0.98, 0.96, 0.95, 0.93, 0.9, 0.88, 0.86, 0.82, 0.75, 0.65, 0.55],
};

const WEEKEND: Record<ActivityCurve, number> = { human: 0.85, office: 0.04, student: 0.7, service: 0.8, flat: 1 };

/** Activity at `ms` for someone whose local time is UTC + `utcOffsetHours`. */
export function activity(curve: ActivityCurve, ms: number, utcOffsetHours: number): number {
  if (curve === 'flat') return 1;
  const local = ms + utcOffsetHours * HOUR;
  const hour = Math.floor(local / HOUR) % 24;
  const weekday = (Math.floor(local / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const weekendFactor = weekday === 0 || weekday === 6 ? WEEKEND[curve] : 1;
  return (HOURLY[curve][(hour + 24) % 24] ?? 0) * weekendFactor;
}

/**
 * Arrival times in [from, to) of a Poisson process whose rate is `peakPerHour` × curve(t).
 * `weight` may scale the curve further (term breaks, ramps); it must stay within [0, 1].
 */
export function* arrivals(
  rng: Rng,
  from: number,
  to: number,
  peakPerHour: number,
  curve: (ms: number) => number,
): Generator<number, void> {
  if (peakPerHour <= 0) return;
  const meanGap = HOUR / peakPerHour;
  let t = from;
  for (;;) {
    t += rng.exponential(meanGap);
    if (t >= to) return;
    if (rng.next() < curve(t)) yield Math.floor(t);
  }
}

/** Start of the day (UTC midnight) containing `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}
