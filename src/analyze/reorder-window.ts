/**
 * A reorder window: log lines are held in a min-heap by (ts, id) and released in that order once the window
 * is full, so a log that is only locally out of order comes out sorted without a full sort. A line whose key
 * is at or before the last key released arrived too late for the window: `isLate` says so, and the caller
 * sorts those separately (analyze merges them back in).
 *
 * Releases are a function of the keys, their input positions and their sizes only, so a first pass over
 * bare keys and a second pass over parsed events make the same decisions line for line: the first finds
 * the late lines, the second feeds the rest in order. Entries with equal (ts, id) are released together
 * (one run), which makes "late" mean "after its whole run left", never "between two of its run".
 */
import { MinHeap } from '../core/min-heap.ts';

export interface WindowEntry {
  /** ts in milliseconds since the epoch. */
  ms: number;
  id: string;
  /** Input position: orders equal keys inside the heap, so that both passes release them identically. */
  seq: number;
  /** Size of the line, counted against the character budget. */
  chars: number;
}

export interface WindowOptions {
  /** Entries held at most (default 16,384: the simulator's medium log has none later than 1,024 places). */
  events?: number;
  /** Characters of held lines at most (default 64 Mi): bounds memory when lines are long. */
  chars?: number;
}

export const DEFAULT_WINDOW_EVENTS = 16_384;
export const DEFAULT_WINDOW_CHARS = 64 * 1024 * 1024;

function before(a: WindowEntry, b: WindowEntry): boolean {
  if (a.ms !== b.ms) return a.ms < b.ms;
  if (a.id !== b.id) return a.id < b.id;
  return a.seq < b.seq;
}

export class ReorderWindow<T extends WindowEntry> {
  private readonly heap = new MinHeap<T>(before);
  private chars = 0;
  private lastMs = -Infinity;
  private lastId: string | undefined;
  private readonly maxEvents: number;
  private readonly maxChars: number;

  constructor(options: WindowOptions = {}) {
    this.maxEvents = Math.max(1, options.events ?? DEFAULT_WINDOW_EVENTS);
    this.maxChars = Math.max(1, options.chars ?? DEFAULT_WINDOW_CHARS);
  }

  get size(): number {
    return this.heap.size;
  }

  /** Whether a line with this key comes too late: a line with a key at or after it was already released. */
  isLate(ms: number, id: string): boolean {
    return this.lastId !== undefined && (ms < this.lastMs || (ms === this.lastMs && id <= this.lastId));
  }

  /**
   * Holds an entry that is not late; returns the entries released to stay within the limits, in (ts, id)
   * order (whole runs of equal keys, by seq inside a run), or undefined when none were.
   */
  add(entry: T): T[] | undefined {
    this.heap.push(entry);
    this.chars += entry.chars;
    let released: T[] | undefined;
    while (this.heap.size > this.maxEvents || this.chars > this.maxChars) released = this.releaseRun(released ?? []);
    return released;
  }

  /** Releases everything held, in order (the end of the input). */
  drain(): T[] {
    const released: T[] = [];
    while (this.heap.size > 0) this.releaseRun(released);
    return released;
  }

  private releaseRun(into: T[]): T[] {
    const first = this.heap.pop() as T;
    this.chars -= first.chars;
    into.push(first);
    for (let next = this.heap.peek(); next !== undefined && next.ms === first.ms && next.id === first.id; next = this.heap.peek()) {
      this.heap.pop();
      this.chars -= next.chars;
      into.push(next);
    }
    this.lastMs = first.ms;
    this.lastId = first.id;
    return into;
  }
}
