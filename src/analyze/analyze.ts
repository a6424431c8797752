/**
 * Offline analysis: reads traffic logs (JSONL, plain or gzip), skips invalid lines (reporting each), sorts
 * the rest by (ts, id) in bounded memory, feeds the engine in time order and builds the report.
 */
import { stat } from 'node:fs/promises';
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { Engine, EngineOptions } from '../engine/types.ts';
import type { Signals } from '../signals/types.ts';
import { DetailsCollector, type AnalysisDetails } from './details.ts';
import { eventShapeProblem, parseDateTime } from './event-shape.ts';
import { ExternalSorter, type SortOptions } from './external-sort.ts';
import { readLines } from './read-lines.ts';
import { buildReport, type AnalysisReport } from './report.ts';

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface AnalyzeProgress {
  phase: 'read' | 'detect';
  bytesRead: number;
  bytesTotal: number;
  /** Valid events read (read phase) or fed to the engine (detect phase). */
  events: number;
  /** Valid events in all, known once reading is done. */
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
  /** Chunks the sort spilled to disk (0: the input fit in memory). */
  spills: number;
}

const PROGRESS_EVERY = 4096;

function rejectionOf(text: string): string | { ms: number; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const problem = eventShapeProblem(parsed);
  if (problem !== undefined) return `not a traffic event: ${problem}`;
  const event = parsed as TrafficEvent;
  return { ms: parseDateTime(event.ts) as number, id: event.id };
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

export async function analyzeLogs(paths: readonly string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const progress: AnalyzeProgress = { phase: 'read', bytesRead: 0, bytesTotal, events: 0, eventsTotal: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const sorter = new ExternalSorter(options.sort);
  let rejectedLines = 0;
  try {
    let bytesBefore = 0;
    let linesSinceProgress = 0;
    for (const [index, path] of paths.entries()) {
      for await (const { text, line } of readLines(path, (bytes) => { progress.bytesRead = bytesBefore + bytes; })) {
        if (text.trim().length === 0) continue;
        const outcome = rejectionOf(text);
        if (typeof outcome === 'string') {
          rejectedLines++;
          options.onRejected?.({ file: path, line, reason: outcome });
          continue;
        }
        await sorter.add({ ms: outcome.ms, id: outcome.id, text });
        progress.events++;
        if (++linesSinceProgress >= PROGRESS_EVERY) {
          linesSinceProgress = 0;
          report();
        }
      }
      bytesBefore += sizes[index] ?? 0;
      progress.bytesRead = bytesBefore;
    }
    report();
    return await detect(sorter, progress, rejectedLines, options);
  } finally {
    await sorter.dispose();
  }
}

async function detect(sorter: ExternalSorter, progress: AnalyzeProgress, rejectedLines: number, options: AnalyzeOptions): Promise<AnalysisResult> {
  const signalsOf = onceOnlySignals(options.signalsOf ?? (await import('../signals/index.ts')).signalsOfEvent);
  const engineOptions: EngineOptions = { signalsOf };
  if (options.seed !== undefined) engineOptions.seed = options.seed;
  const engine = options.createEngine(engineOptions);
  const collector = options.collectDetails === true ? new DetailsCollector() : undefined;
  Object.assign(progress, { phase: 'detect', eventsTotal: progress.events, events: 0 });
  let from: number | null = null;
  let to: number | null = null;
  for await (const record of sorter.sorted()) {
    const event = JSON.parse(record.text) as TrafficEvent;
    const signals = signalsOf(event);
    engine.ingest(event, signals);
    collector?.add(event.account_id, record.ms, signals);
    from ??= record.ms;
    to = record.ms;
    if (++progress.events % PROGRESS_EVERY === 0) options.onProgress?.({ ...progress });
  }
  options.onProgress?.({ ...progress });
  const spills = sorter.spillCount;
  const report = buildReport(engine.snapshot(), { events: progress.events, rejectedLines, from, to }, (options.now ?? (() => new Date()))());
  return collector === undefined ? { report, spills } : { report, details: collector.details, spills };
}
