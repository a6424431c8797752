/** The benchmark's results: the JSON written to .bench/ and the tables printed at the end. */
import type { RequestKind, WrkResult } from './wrk.ts';

export type TargetName = 'direct' | 'floor' | 'gateway' | 'portkey';

/** One measured run against one target, with the CPU the processes behind it spent meanwhile. */
export interface RunMeasurement {
  /** 1-based; 0 for a warm-up. Runs of the same number were taken in the same round. */
  run: number;
  /** 'probe' (one connection, every request timed as it happened) or 'wrk'. */
  client: LoadClient;
  requests: number;
  /** Socket errors and responses >= 400. */
  errors: number;
  requestsPerSecond: number;
  latencyUs: { p50: number; p99: number };
  /** Streamed requests measured by the probe only. */
  firstChunkUs: { p50: number; p99: number } | null;
  proxyCpuUsPerRequest: number | null;
  upstreamCpuUsPerRequest: number;
  /** wrk's own figures, kept in the JSON; its percentiles include its coordinated-omission correction. */
  wrk: WrkResult | null;
}

export type LoadClient = 'probe' | 'wrk';

export interface TargetScenarioSummary {
  target: TargetName;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Median over runs of (this target − direct) in the same run; null for direct itself. */
  addedP50Ms: number | null;
  addedP99Ms: number | null;
  /** Lowest and highest of the paired differences behind addedP99Ms. */
  addedP99RangeMs: [number, number] | null;
  /** Time to first streamed chunk (streamed requests on one connection only). */
  firstChunkP50Ms: number | null;
  firstChunkP99Ms: number | null;
  addedFirstChunkP50Ms: number | null;
  addedFirstChunkP99Ms: number | null;
  /** CPU of the proxy process per completed request; null for direct (no proxy). */
  proxyCpuUsPerRequest: number | null;
  /** CPU of the fake upstream per request: should be the same whatever sits in front of it. */
  upstreamCpuUsPerRequest: number;
  /** Median over runs of (this proxy's CPU per request ÷ the floor's); null for direct and floor. */
  cpuVsFloor: number | null;
  /** Lowest and highest of the paired ratios behind cpuVsFloor. */
  cpuVsFloorRange: [number, number] | null;
  throughputVsFloor: number | null;
  requests: number;
  errors: number;
  runs: RunMeasurement[];
}

export interface ScenarioSummary {
  kind: RequestKind;
  connections: number;
  client: LoadClient;
  targets: TargetScenarioSummary[];
}

export interface HeadlineFigure {
  label: string;
  value: number | null;
  /** Lowest and highest over the runs, for the figures that move most from run to run. */
  range?: [number, number] | null;
  /** The same figure for the floor proxy, where it has one: what no Node proxy gets below here. */
  floorValue: number | null;
  unit: 'ms' | '×';
  /** Upper bound the figure should stay under; null for figures shown for information. */
  target: number | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    wrk: string;
    /** 1-minute load average before and after: anything else running on the machine shows here. */
    loadAverageBefore: number;
    loadAverageAfter: number;
  };
  options: {
    durationSeconds: number;
    runs: number;
    warmupSeconds: number;
    outputTokens: number;
    quick: boolean;
  };
  portkeyVersion: string | null;
  targets: TargetName[];
  scenarios: ScenarioSummary[];
  recording: { eventsWritten: number | null; eventsDropped: number | null; requestsSentApprox: number } | null;
  headline: HeadlineFigure[];
  notes: string[];
}

type Cell = string;

function fixed(value: number | null, digits: number): Cell {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

function signed(value: number | null, digits: number): Cell {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

function ratio(value: number | null): Cell {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`;
}

/** First column left-aligned, the others right-aligned, two spaces apart. */
function table(header: Cell[], rows: Cell[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: Cell[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function printReport(report: BenchReport, print: (line: string) => void): void {
  const { options } = report;
  print('');
  print(
    `== Results: median of ${options.runs} run(s) × ${options.durationSeconds} s per target, ` +
      `after ${options.warmupSeconds} s warm-up; added = minus direct in the same round ==`,
  );
  print(
    `load average (1 min) ${report.machine.loadAverageBefore.toFixed(2)} before, ` +
      `${report.machine.loadAverageAfter.toFixed(2)} after, on ${report.machine.cpus} CPUs`,
  );
  for (const scenario of report.scenarios) {
    print('');
    const clientNote =
      scenario.client === 'probe'
        ? 'one connection, requests timed one by one'
        : 'wrk; its percentiles include its coordinated-omission correction';
    print(`${scenario.kind}, ${scenario.connections} connection${scenario.connections === 1 ? '' : 's'} (${clientNote})`);
    const rows = scenario.targets.map((target) => [
      target.target,
      fixed(target.requestsPerSecond, 0),
      fixed(target.p50Ms, 3),
      fixed(target.p99Ms, 3),
      signed(target.addedP50Ms, 3),
      signed(target.addedP99Ms, 3),
      fixed(target.proxyCpuUsPerRequest, 0),
      fixed(target.upstreamCpuUsPerRequest, 0),
      ratio(target.cpuVsFloor),
      ratio(target.throughputVsFloor),
      target.errors === 0 ? '0' : `${target.errors}/${target.requests}`,
    ]);
    for (const line of table(
      ['target', 'req/s', 'p50 ms', 'p99 ms', '+p50 ms', '+p99 ms', 'CPU µs/req', 'upstream µs/req', 'CPU ×floor', 'req/s ×floor', 'errors'],
      rows,
    )) {
      print(`  ${line}`);
    }
  }

  const firstChunkRows = report.scenarios
    .flatMap((scenario) => scenario.targets)
    .filter((target) => target.firstChunkP50Ms !== null);
  if (firstChunkRows.length > 0) {
    print('');
    print('time to first streamed chunk, 1 connection');
    for (const line of table(
      ['target', 'p50 ms', 'p99 ms', '+p50 ms', '+p99 ms'],
      firstChunkRows.map((target) => [
        target.target,
        fixed(target.firstChunkP50Ms, 3),
        fixed(target.firstChunkP99Ms, 3),
        signed(target.addedFirstChunkP50Ms, 3),
        signed(target.addedFirstChunkP99Ms, 3),
      ]),
    )) {
      print(`  ${line}`);
    }
  }

  if (report.recording !== null) {
    const { eventsWritten, eventsDropped, requestsSentApprox } = report.recording;
    print('');
    print(
      `gateway recording: distillguard_events_written_total ${fixed(eventsWritten, 0)}, ` +
        `distillguard_events_dropped_total ${fixed(eventsDropped, 0)} (requests sent to the gateway ≈ ${requestsSentApprox})`,
    );
  }

  for (const note of report.notes) print(`note: ${note}`);

  print('');
  print('== Headline: gateway (recording on) against direct and the floor ==');
  for (const line of table(
    ['figure', 'gateway', 'runs: low-high', 'target', '', 'floor'],
    report.headline.map((figure) => {
      const show = (value: number | null): Cell => (figure.unit === '×' ? ratio(value) : `${signed(value, 3)} ms`);
      const target = figure.target === null ? '' : figure.unit === '×' ? `≤ ${figure.target}×` : `≤ ${figure.target} ms`;
      const verdict =
        figure.target === null || figure.value === null ? '' : figure.value <= figure.target ? 'ok' : 'MISSED';
      const range = figure.range ? `${show(figure.range[0])} - ${show(figure.range[1])}` : '';
      return [figure.label, show(figure.value), range, target, verdict, figure.floorValue === null ? '' : show(figure.floorValue)];
    }),
  )) {
    print(`  ${line}`);
  }
}
