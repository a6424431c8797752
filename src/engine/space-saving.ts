/**
 * A space-saving sketch (Metwally et al. 2005) over numeric items: at most `capacity` counters; an
 * unseen item replaces the smallest counter and inherits its count as error. Every item whose true
 * frequency exceeds total/capacity is kept, and `count - error` never overstates the truth.
 */
export interface SpaceSaving {
  capacity: number;
  items: number[];
  counts: number[];
  errors: number[];
  total: number;
}

export function createSpaceSaving(capacity: number): SpaceSaving {
  return { capacity, items: [], counts: [], errors: [], total: 0 };
}

/** Counts one occurrence of `item`; returns its guaranteed count (count - error) after the update. */
export function offer(sketch: SpaceSaving, item: number): number {
  sketch.total++;
  const { items, counts, errors } = sketch;
  const at = items.indexOf(item);
  if (at >= 0) {
    counts[at] = (counts[at] ?? 0) + 1;
    return (counts[at] ?? 0) - (errors[at] ?? 0);
  }
  if (items.length < sketch.capacity) {
    items.push(item);
    counts.push(1);
    errors.push(0);
    return 1;
  }
  // Replace the smallest counter; ties go to the earliest slot, which keeps the sketch deterministic.
  let min = 0;
  for (let i = 1; i < counts.length; i++) if ((counts[i] ?? 0) < (counts[min] ?? 0)) min = i;
  const floor = counts[min] ?? 0;
  items[min] = item;
  counts[min] = floor + 1;
  errors[min] = floor;
  return 1;
}

/** The estimated count of `item` (an upper bound), 0 when not tracked. */
export function estimate(sketch: SpaceSaving, item: number): number {
  const at = sketch.items.indexOf(item);
  return at >= 0 ? (sketch.counts[at] ?? 0) : 0;
}

/** The guaranteed count of `item` (count - error, a lower bound), 0 when not tracked. */
export function guaranteed(sketch: SpaceSaving, item: number): number {
  const at = sketch.items.indexOf(item);
  return at >= 0 ? (sketch.counts[at] ?? 0) - (sketch.errors[at] ?? 0) : 0;
}

/** Tracked items with their estimated counts, largest first (ties by item, for determinism). */
export function top(sketch: SpaceSaving, k: number): Array<{ item: number; count: number }> {
  const rows = sketch.items.map((item, i) => ({ item, count: sketch.counts[i] ?? 0 }));
  rows.sort((a, b) => b.count - a.count || a.item - b.item);
  return rows.slice(0, k);
}
