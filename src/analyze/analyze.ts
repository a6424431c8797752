/**
 * Offline analysis: reads traffic logs (JSONL, plain or gzip), skips invalid lines (reporting each), feeds
 * the engine in (ts, id) order and builds the report.
 *
 * Logs are nearly in time order (a gateway writes an event when its exchange ends), so the order comes
 * from a reorder window (reorder-window.ts) instead of a full sort, in two passes over the input:
 * - plan: read each line's key (line-key.ts: from its leading members, no parse for our own logs) and run
 *   the window over bare keys; lines that arrive too late for it are checked and go to the external sort;
 * - detect: read again and run the same window over the lines (it makes the same decisions, so it knows
 *   the late lines without being told); each line it releases is parsed then, once, and fed, merged with
 *   the sorted late lines, to the signal stage and the engine.
 * The window holds line text, not parsed events: parsed events held for
 * thousands of lines would all survive the young generation, and the collector's copying cost more than
 * the parse. A log in order costs two reads and one parse per line; memory holds the window and the
 * engine. A late line is parsed twice (checked when planned, fed when merged) and written to disk only
 * when late lines outnumber the sort's chunk: a shuffled log costs what a full sort does.
 *
 * The order is a function of the input set, not of its order: (ts, id), and events sharing both are fed
 * by their canonical JSON. Invalid lines are reported as FILE:LINE and never stop a run: late ones while
 * planning, the others as they are read or released, so not strictly in file order.
 */
import { stat } from 'node:fs/promises';
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { Engine, EngineOptions } from '../engine/types.ts';
import type { Signals } from '../signals/types.ts';
import { DetailsCollector, type AnalysisDetails } from './details.ts';
import { ExternalSorter, type SortOptions, type SortRecord } from './external-sort.ts';
import { keyLine, readLine, type KeyedLine, type ReadLine } from './line-key.ts';
import { readLineBatches } from './read-lines.ts';
import { buildReport, type AnalysisReport } from './report.ts';
import { ReorderWindow, type WindowEntry, type WindowOptions } from './reorder-window.ts';

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface AnalyzeProgress {
  phase: 'read' | 'detect';
  bytesRead: number;
  bytesTotal: number;
  /** Lines with a usable key read (read phase) or events fed to the engine (detect phase). */
  events: number;
  /** Lines with a usable key in all (an upper bound of the events), known once reading is done. */
  eventsTotal: number;
}

export interface AnalyzeOptions {
  createEngine: (options: EngineOptions) => Engine;
  seed?: number;
  /**
   * The signal stage (default signalsOfEvent, loaded only when needed: it loads the classifier models);
   * an event it throws on is fed without signals.
   */
  signalsOf?: (event: TrafficEvent) => Signals | undefined;
  /** The reorder window: how much disorder is absorbed in memory. */
  window?: WindowOptions;
  /** The external sort of the lines that arrive too late for the window. */
  sort?: SortOptions;
  /** Gather timelines and template skeletons for the HTML report. */
  collectDetails?: boolean;
  onRejected?: (rejection: Rejection) => void;
  /** Called every few thousand lines and at the end of each phase. */
  onProgress?: (progress: AnalyzeProgress) => void;
  now?: () => Date;
}

export interface AnalysisResult {
  report: AnalysisReport;
  details?: AnalysisDetails;
  /** Lines that arrived too late for the reorder window and went through the external sort. */
  late: number;
  /** Chunks of late lines the sort spilled to disk (0: they fit in memory). */
  spills: number;
}

const PROGRESS_EVERY = 4096;

interface HeldLine extends WindowEntry {
  text: string;
  keyed: KeyedLine;
  /** Index of the file in the input, and 1-based line number, for rejections. */
  file: number;
  line: number;
}

/** Blank lines are skipped without a word; every event line starts with "{". */
function isBlank(buffer: Buffer, start: number, end: number): boolean {
  return end === start || (buffer[start] !== 0x7b && buffer.toString('utf8', start, end).trim().length === 0);
}

/** A sorted late line read again: its key and event as the detect pass would have read them. */
function readSorted(text: string): ReadLine {
  const bytes = Buffer.from(text, 'utf8');
  return readLine(text, keyLine(bytes, 0, bytes.length));
}

/**
 * Signals of each event computed once: the engine may ask for them again through its `signalsOf` option
 * for the very event it was just handed, and gets the same object back.
 */
function onceOnlySignals(signalsOf: (event: TrafficEvent) => Signals | undefined): (event: TrafficEvent) => Signals | undefined {
  let lastEvent: TrafficEvent | undefined;
  let lastSignals: Signals | undefined;
  return (event) => {
    if (event === lastEvent) return lastSignals;
    lastEvent = event;
    try {
      lastSignals = signalsOf(event);
    } catch {
      // An endpoint the protocol layer cannot normalize (e.g. a GET): the engine still counts the event.
      lastSignals = undefined;
    }
    return lastSignals;
  };
}

/** Events sharing (ts, id) in an order that does not depend on the input's: by their canonical JSON. */
function canonicalOrder(events: TrafficEvent[]): TrafficEvent[] {
  if (events.length < 2) return events;
  return events.map((event) => ({ event, json: JSON.stringify(event) }))
    .sort((a, b) => (a.json < b.json ? -1 : a.json > b.json ? 1 : 0))
    .map(({ event }) => event);
}

function keyBefore(a: { ms: number; id: string }, b: { ms: number; id: string }): boolean {
  return a.ms < b.ms || (a.ms === b.ms && a.id < b.id);
}

/** The sorted late lines, taken a (ts, id) group at a time. */
class LateLines {
  private head: SortRecord | undefined;

  private constructor(private readonly source: AsyncGenerator<SortRecord, void>) {}

  static async open(sorter: ExternalSorter): Promise<LateLines> {
    const lines = new LateLines(sorter.sorted());
    await lines.advance();
    return lines;
  }

  private async advance(): Promise<void> {
    const next = await this.source.next();
    this.head = next.done === true ? undefined : next.value;
  }

  /** The key of the next group, or undefined at the end. */
  peek(): SortRecord | undefined {
    return this.head;
  }

  /** The events of the next group (only valid lines were sorted). */
  async takeGroup(into: TrafficEvent[]): Promise<void> {
    const first = this.head;
    if (first === undefined) return;
    while (this.head !== undefined && this.head.ms === first.ms && this.head.id === first.id) {
      const event = readSorted(this.head.text).event;
      if (event !== undefined) into.push(event);
      await this.advance();
    }
  }
}

interface PlanResult {
  /** Lines that came too late for the window. */
  late: number;
  /** Of those, the invalid ones (already reported). */
  rejected: number;
}

export async function analyzeLogs(paths: readonly string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const progress: AnalyzeProgress = { phase: 'read', bytesRead: 0, bytesTotal, events: 0, eventsTotal: 0 };
  const sorter = new ExternalSorter(options.sort);
  try {
    const plan = await planOrder(paths, sizes, sorter, progress, options);
    return await detect(paths, sizes, sorter, plan, progress, options);
  } finally {
    await sorter.dispose();
  }
}

/** The first pass: keys only; late lines are checked (rejections reported) and the valid ones sorted; returns how many came late. */
async function planOrder(paths: readonly string[], sizes: readonly number[], sorter: ExternalSorter, progress: AnalyzeProgress, options: AnalyzeOptions): Promise<PlanResult> {
  const window = new ReorderWindow<WindowEntry>(options.window);
  let seq = 0;
  let late = 0;
  let rejected = 0;
  for await (const { file, line, buffer, start, end, keyed } of keyedLines(paths, sizes, progress)) {
    const key = keyed.key;
    if (key === undefined) continue;
    const entry = { ms: key.ms, id: key.id, seq: seq++, chars: end - start };
    if (seq % PROGRESS_EVERY === 0) {
      progress.events = seq;
      options.onProgress?.({ ...progress });
    }
    if (!window.isLate(key.ms, key.id)) {
      window.add(entry);
      continue;
    }
    late++;
    const text = keyed.text ?? buffer.toString('utf8', start, end);
    const read = readLine(text, keyed);
    if (read.reason === undefined) {
      await sorter.add({ ms: key.ms, id: key.id, text });
    } else {
      rejected++;
      options.onRejected?.({ file: paths[file] as string, line, reason: read.reason });
    }
  }
  progress.events = seq;
  options.onProgress?.({ ...progress });
  return { late, rejected };
}

/** Where a non-blank line of the logs is, with its cheap (ts, id) key. */
interface LineAt {
  file: number;
  line: number;
  buffer: Buffer;
  start: number;
  end: number;
  keyed: KeyedLine;
}

/** Both passes walk the logs the same way: every non-blank line, in file order, keeping `progress.bytesRead` current. */
async function* keyedLines(paths: readonly string[], sizes: readonly number[], progress: AnalyzeProgress): AsyncGenerator<LineAt> {
  let bytesBefore = 0;
  for (const [file, path] of paths.entries()) {
    for await (const { buffer, starts, ends, firstLine } of readLineBatches(path, (bytes) => { progress.bytesRead = bytesBefore + bytes; })) {
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i] as number;
        const end = ends[i] as number;
        if (isBlank(buffer, start, end)) continue;
        yield { file, line: firstLine + i, buffer, start, end, keyed: keyLine(buffer, start, end) };
      }
    }
    bytesBefore += sizes[file] ?? 0;
    progress.bytesRead = bytesBefore;
  }
}

/** The second pass: the window's releases parsed once, merged with the late lines, fed in order. */
async function detect(
  paths: readonly string[], sizes: readonly number[], sorter: ExternalSorter, plan: PlanResult, progress: AnalyzeProgress, options: AnalyzeOptions,
): Promise<AnalysisResult> {
  const signalsOf = onceOnlySignals(options.signalsOf ?? (await import('../signals/index.ts')).signalsOfEvent);
  const engineOptions: EngineOptions = { signalsOf };
  if (options.seed !== undefined) engineOptions.seed = options.seed;
  const engine = options.createEngine(engineOptions);
  const collector = options.collectDetails === true ? new DetailsCollector() : undefined;
  Object.assign(progress, { phase: 'detect', bytesRead: 0, eventsTotal: progress.events, events: 0 });
  const lateLines = plan.late > plan.rejected ? await LateLines.open(sorter) : undefined;
  let from: number | null = null;
  let to: number | null = null;
  let rejectedLines = plan.rejected;

  function feed(event: TrafficEvent, ms: number): void {
    const signals = signalsOf(event);
    engine.ingest(event, signals);
    collector?.add(event.account_id, ms, signals);
    from ??= ms;
    to = ms;
    if (++progress.events % PROGRESS_EVERY === 0) options.onProgress?.({ ...progress });
  }

  function reject(file: number, line: number, reason: string): void {
    rejectedLines++;
    options.onRejected?.({ file: paths[file] ?? '', line, reason });
  }

  function eventOf(held: HeldLine): TrafficEvent | undefined {
    const read = readLine(held.text, held.keyed);
    if (read.reason !== undefined) reject(held.file, held.line, read.reason);
    return read.event;
  }

  /** The valid events of released[start..end), one (ts, id) run. */
  function runEvents(released: HeldLine[], start: number, end: number, into: TrafficEvent[]): TrafficEvent[] {
    for (let i = start; i < end; i++) {
      const event = eventOf(released[i] as HeldLine);
      if (event !== undefined) into.push(event);
    }
    return into;
  }

  function runEnd(released: HeldLine[], start: number): number {
    const first = released[start] as HeldLine;
    let end = start + 1;
    while (end < released.length && (released[end] as HeldLine).ms === first.ms && (released[end] as HeldLine).id === first.id) end++;
    return end;
  }

  /** Released lines, in order, when no line came late (the common case: no await per event). */
  function feedReleased(released: HeldLine[]): void {
    for (let i = 0; i < released.length;) {
      const first = released[i] as HeldLine;
      const end = runEnd(released, i);
      if (end === i + 1) {
        const event = eventOf(first);
        if (event !== undefined) feed(event, first.ms);
      } else {
        for (const event of canonicalOrder(runEvents(released, i, end, []))) feed(event, first.ms);
      }
      i = end;
    }
  }

  /** Released lines merged with the late lines: each group of equal (ts, id) gathered from both, then fed. */
  async function feedMerged(released: HeldLine[], lines: LateLines): Promise<void> {
    for (let i = 0; i < released.length;) {
      const first = released[i] as HeldLine;
      for (let head = lines.peek(); head !== undefined && keyBefore(head, first); head = lines.peek()) await feedLateGroup(lines);
      const end = runEnd(released, i);
      const group = runEvents(released, i, end, []);
      const head = lines.peek();
      if (head !== undefined && head.ms === first.ms && head.id === first.id) await lines.takeGroup(group);
      for (const event of canonicalOrder(group)) feed(event, first.ms);
      i = end;
    }
  }

  async function feedLateGroup(lines: LateLines): Promise<void> {
    const ms = lines.peek()?.ms ?? 0;
    const group: TrafficEvent[] = [];
    await lines.takeGroup(group);
    for (const event of canonicalOrder(group)) feed(event, ms);
  }

  const window = new ReorderWindow<HeldLine>(options.window);
  let seq = 0;
  for await (const { file, line, buffer, start, end, keyed } of keyedLines(paths, sizes, progress)) {
    const key = keyed.key;
    if (key === undefined) {
      // No usable id and ts: never an event; why is told now.
      const reason = readLine(keyed.text ?? buffer.toString('utf8', start, end), keyed).reason;
      if (reason !== undefined) reject(file, line, reason);
      continue;
    }
    const thisSeq = seq++;
    // A late line was checked when planned and is fed from the sorted late lines.
    if (window.isLate(key.ms, key.id)) continue;
    const text = keyed.text ?? buffer.toString('utf8', start, end);
    const held: HeldLine = { ms: key.ms, id: key.id, seq: thisSeq, chars: end - start, text, keyed, file, line };
    const released = window.add(held);
    if (released === undefined) continue;
    if (lateLines === undefined) feedReleased(released);
    else await feedMerged(released, lateLines);
  }
  const rest = window.drain();
  if (lateLines === undefined) {
    feedReleased(rest);
  } else {
    await feedMerged(rest, lateLines);
    while (lateLines.peek() !== undefined) await feedLateGroup(lateLines);
  }
  options.onProgress?.({ ...progress });
  const spills = sorter.spillCount;
  const report = buildReport(engine.snapshot(), { events: progress.events, rejectedLines, from, to }, (options.now ?? (() => new Date()))());
  const result: AnalysisResult = { report, late: plan.late, spills };
  if (collector !== undefined) result.details = collector.details;
  return result;
}
