/**
 * Gateway benchmark: what does putting DistillGuard (recording on) in front of a model API cost,
 * next to talking to the API directly and next to the smallest possible Node proxy (the floor)?
 *
 *   npm run bench:gateway -- [--duration 5] [--runs 3] [--warmup 2] [--quick]
 *                            [--output-tokens 32] [--portkey DIR] [--fake-upstream-script FILE]
 *
 * Everything runs on 127.0.0.1 and stops by itself. Figures are medians over runs taken in this
 * one invocation, and the ones that matter are differences and ratios against the baselines
 * measured alongside them (see README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { freePort, killAllChildrenNow, processCpuMicros, startChild, stopAllChildren } from './children.ts';
import type { BenchChild } from './children.ts';
import { median, percentile } from './stats.ts';
import { chatBody, probeOneConnection } from './probe.ts';
import { findWrk, runWrk } from './wrk.ts';
import type { RequestKind, WrkResult } from './wrk.ts';
import { printReport } from './report.ts';
import type {
  BenchReport,
  HeadlineFigure,
  LoadClient,
  RunMeasurement,
  ScenarioSummary,
  TargetName,
  TargetScenarioSummary,
} from './report.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(REPO_ROOT, 'bin', 'distillguard.js');
const FLOOR_SCRIPT = path.join(REPO_ROOT, 'bench', 'gateway', 'floor-proxy.ts');
const DEFAULT_PORTKEY_DIR = path.join(REPO_ROOT, 'node_modules', '@portkey-ai', 'gateway');

/** Time for trailing work (the gateway's batched event writes flush every 50 ms) to land in the
 * CPU window of the run that caused it rather than the next one. */
const CPU_SETTLE_MS = 300;
const RECORDED_TIMEOUT_MS = 30_000;
const STARTUP_TIMEOUT_MS = 20_000;

interface Target {
  name: TargetName;
  baseUrl: string;
  authorization: string;
  extraHeaders: Record<string, string>;
  /** The proxy process whose CPU is charged per request; none for direct. */
  proxy: BenchChild | undefined;
  /** Request kinds that passed the check request; a peer is measured only on those. */
  kinds: Set<RequestKind>;
  /** Resolves once the target has finished the work its requests left behind (the gateway's recording). */
  settled?: () => Promise<void>;
}

interface BenchOptions {
  durationSeconds: number;
  runs: number;
  warmupSeconds: number;
  outputTokens: number;
  portkeyDir: string;
  fakeUpstreamScript: string | undefined;
  quick: boolean;
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      duration: { type: 'string', default: '5' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      'output-tokens': { type: 'string', default: '32' },
      quick: { type: 'boolean', default: false },
      portkey: { type: 'string', default: DEFAULT_PORTKEY_DIR },
      'fake-upstream-script': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run bench:gateway -- [--duration S] [--runs N] [--warmup S] [--output-tokens N] [--quick]\n' +
        '                             [--portkey DIR] [--fake-upstream-script FILE]\n',
    );
    process.exit(0);
  }
  const positive = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${text}"`);
    return value;
  };
  const quick = values.quick;
  return {
    durationSeconds: quick ? 2 : Math.round(positive('duration', values.duration)),
    runs: quick ? 1 : Math.round(positive('runs', values.runs)),
    warmupSeconds: quick ? 1 : Math.round(positive('warmup', values.warmup)),
    outputTokens: Math.round(positive('output-tokens', values['output-tokens'])),
    portkeyDir: path.resolve(values.portkey),
    fakeUpstreamScript: values['fake-upstream-script'],
    quick,
  };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function httpStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await request(url, { headers, headersTimeout: 2000, bodyTimeout: 2000 });
  await response.body.dump();
  return response.statusCode;
}

// ---------------------------------------------------------------------------------------------
// Processes

async function startUpstream(options: BenchOptions): Promise<{ child: BenchChild; url: string }> {
  const port = await freePort();
  const flags = [
    '--port',
    String(port),
    '--latency-ms',
    '0',
    '--tokens-per-second',
    '0',
    '--output-tokens',
    String(options.outputTokens),
  ];
  const args =
    options.fakeUpstreamScript !== undefined
      ? ['--import', 'tsx', path.resolve(options.fakeUpstreamScript), ...flags]
      : [CLI, 'fake-upstream', ...flags];
  const child = startChild('fake-upstream', process.execPath, args, { cwd: REPO_ROOT });
  const line = await child.waitForLine(/https?:\/\/\S+/, STARTUP_TIMEOUT_MS);
  const printed = /https?:\/\/[^\s/]+/.exec(line)?.[0];
  return { child, url: printed ?? `http://127.0.0.1:${port}` };
}

async function startFloor(upstreamUrl: string): Promise<{ child: BenchChild; url: string }> {
  const port = await freePort();
  const child = startChild(
    'floor',
    process.execPath,
    ['--import', 'tsx', FLOOR_SCRIPT, '--port', String(port), '--upstream', upstreamUrl],
    { cwd: REPO_ROOT },
  );
  await child.waitForLine(/^listening/, STARTUP_TIMEOUT_MS);
  return { child, url: `http://127.0.0.1:${port}` };
}

interface GatewayProcess {
  child: BenchChild;
  url: string;
  adminUrl: string;
  adminToken: string;
  clientSecret: string;
  dataDir: string;
}

/** Whether this checkout has a built `distillguard serve` (the bench can still run without it). */
function gatewayAvailable(): { available: true } | { available: false; why: string } {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) {
    return { available: false, why: 'dist/cli.js is missing (run through `npm run bench:gateway`, which builds first)' };
  }
  const help = spawnSync(process.execPath, [CLI, 'serve', '--help'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 15_000 });
  if (help.status !== 0) {
    const said = `${help.stderr}${help.stdout}`.trim().split('\n').slice(0, 3).join(' / ');
    return { available: false, why: `\`distillguard serve --help\` failed: ${said}` };
  }
  return { available: true };
}

/** Temporary directories removed however the benchmark ends (the 'exit' handler is synchronous). */
const temporaryDirs: string[] = [];

function removeTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

async function startGateway(upstreamUrl: string): Promise<GatewayProcess> {
  const [port, adminPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'distillguard-bench-'));
  temporaryDirs.push(dataDir);
  const clientSecret = `dg-bench-${randomBytes(12).toString('hex')}`;
  const adminToken = randomBytes(16).toString('hex');
  const child = startChild(
    'gateway',
    process.execPath,
    [
      CLI,
      'serve',
      '--port',
      String(port),
      '--admin-port',
      String(adminPort),
      '--upstream',
      upstreamUrl,
      '--data-dir',
      dataDir,
      '--key',
      `bench:${clientSecret}`,
      '--admin-token',
      adminToken,
    ],
    { cwd: REPO_ROOT },
  );
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  await child.waitUntil(async () => (await httpStatus(`${adminUrl}/readyz`)) === 200, STARTUP_TIMEOUT_MS, 'GET /readyz → 200');
  return { child, url: `http://127.0.0.1:${port}`, adminUrl, adminToken, clientSecret, dataDir };
}

async function startPortkey(portkeyDir: string): Promise<{ child: BenchChild; url: string; version: string }> {
  const entry = path.join(portkeyDir, 'build', 'start-server.js');
  const port = await freePort();
  const child = startChild('portkey', process.execPath, [entry, `--port=${port}`, '--headless'], {
    cwd: portkeyDir,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const url = `http://127.0.0.1:${port}`;
  // Any HTTP answer means it is listening; its banner is an animation, not a ready signal.
  await child.waitUntil(async () => (await httpStatus(`${url}/`)) > 0, STARTUP_TIMEOUT_MS, 'answers HTTP');
  return { child, url, version: readPackageVersion(portkeyDir) };
}

function readPackageVersion(packageDir: string): string {
  const result = spawnSync(process.execPath, ['-p', `require(${JSON.stringify(path.join(packageDir, 'package.json'))}).version`], {
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/** A request of each kind must succeed before a target is measured on that kind. */
async function checkTarget(target: Target, kind: RequestKind): Promise<string | undefined> {
  const stream = kind === 'stream';
  const body = chatBody(kind);
  const response = await request(`${target.baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: target.authorization, ...target.extraHeaders },
    body,
    headersTimeout: 5000,
    bodyTimeout: 5000,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) {
    return `${stream ? 'streamed' : 'plain'} request answered ${response.statusCode}: ${text.slice(0, 300)}`;
  }
  if (stream && !text.includes('data:')) return `streamed request did not answer with server-sent events: ${text.slice(0, 300)}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Scenario {
  kind: RequestKind;
  connections: number;
  client: LoadClient;
}

// One connection is driven by the probe (see probe.ts for why not wrk), 32 by wrk.
const SCENARIOS: Scenario[] = [
  { kind: 'plain', connections: 1, client: 'probe' },
  { kind: 'stream', connections: 1, client: 'probe' },
  { kind: 'plain', connections: 32, client: 'wrk' },
  { kind: 'stream', connections: 32, client: 'wrk' },
];

function scenarioLabel(scenario: Scenario): string {
  return `${scenario.kind}, ${scenario.connections} connection${scenario.connections === 1 ? '' : 's'}, ${scenario.client}`;
}

/** Rotates the order targets are measured in, so that no target always runs first or last. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function errorCount(result: WrkResult): number {
  const e = result.errors;
  return e.connect + e.read + e.write + e.status + e.timeout;
}

type LoadResult = Omit<RunMeasurement, 'run' | 'proxyCpuUsPerRequest' | 'upstreamCpuUsPerRequest'>;

async function applyLoad(wrkPath: string, target: Target, scenario: Scenario, durationSeconds: number): Promise<LoadResult> {
  if (scenario.client === 'probe') {
    const probe = await probeOneConnection({
      baseUrl: target.baseUrl,
      kind: scenario.kind,
      authorization: target.authorization,
      extraHeaders: target.extraHeaders,
      durationSeconds,
    });
    const requests = probe.completeUs.length + probe.failedRequests;
    return {
      client: 'probe',
      requests,
      errors: probe.failedRequests,
      requestsPerSecond: requests / (probe.elapsedUs / 1_000_000),
      latencyUs: { p50: percentile(probe.completeUs, 50), p99: percentile(probe.completeUs, 99) },
      firstChunkUs:
        scenario.kind === 'stream'
          ? { p50: percentile(probe.firstChunkUs, 50), p99: percentile(probe.firstChunkUs, 99) }
          : null,
      wrk: null,
    };
  }
  const wrk = await runWrk({
    wrkPath,
    cwd: REPO_ROOT,
    baseUrl: target.baseUrl,
    kind: scenario.kind,
    connections: scenario.connections,
    durationSeconds,
    authorization: target.authorization,
    extraHeaders: target.extraHeaders,
  });
  return {
    client: 'wrk',
    requests: wrk.requests,
    errors: errorCount(wrk),
    requestsPerSecond: wrk.requests / (wrk.durationUs / 1_000_000),
    latencyUs: { p50: wrk.latencyUs.p50, p99: wrk.latencyUs.p99 },
    firstChunkUs: null,
    wrk,
  };
}

async function measureOnce(
  wrkPath: string,
  target: Target,
  upstream: BenchChild,
  scenario: Scenario,
  durationSeconds: number,
  run: number,
): Promise<RunMeasurement> {
  await target.settled?.();
  const proxyCpuBefore = target.proxy !== undefined ? processCpuMicros(target.proxy.pid) : 0;
  const upstreamCpuBefore = processCpuMicros(upstream.pid);
  const load = await applyLoad(wrkPath, target, scenario, durationSeconds);
  await new Promise((resolve) => setTimeout(resolve, CPU_SETTLE_MS));
  await target.settled?.();
  const requests = Math.max(1, load.requests);
  return {
    run,
    ...load,
    proxyCpuUsPerRequest:
      target.proxy !== undefined ? (processCpuMicros(target.proxy.pid) - proxyCpuBefore) / requests : null,
    upstreamCpuUsPerRequest: (processCpuMicros(upstream.pid) - upstreamCpuBefore) / requests,
  };
}

function formatRunLine(target: TargetName, m: RunMeasurement): string {
  const firstChunk = m.firstChunkUs !== null ? `  first chunk p50 ${(m.firstChunkUs.p50 / 1000).toFixed(3)} ms` : '';
  const cpu = m.proxyCpuUsPerRequest !== null ? `, proxy CPU ${m.proxyCpuUsPerRequest.toFixed(0)} µs/req` : '';
  const errors = m.errors > 0 ? `, ${m.errors} errors` : '';
  return (
    `    ${target.padEnd(8)} ${m.requestsPerSecond.toFixed(0).padStart(7)} req/s  ` +
    `p50 ${(m.latencyUs.p50 / 1000).toFixed(3)} ms  p99 ${(m.latencyUs.p99 / 1000).toFixed(3)} ms${firstChunk}${cpu}${errors}`
  );
}

/** This target's figure against the baseline's in the same round: one value per round both ran. */
function pairedValues(
  runs: readonly RunMeasurement[],
  baseline: readonly RunMeasurement[] | undefined,
  combine: (mine: RunMeasurement, base: RunMeasurement) => number | null,
): number[] {
  if (baseline === undefined) return [];
  const values: number[] = [];
  for (const mine of runs) {
    const base = baseline.find((candidate) => candidate.run === mine.run);
    if (base === undefined) continue;
    const value = combine(mine, base);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  return values;
}

/** Per-run paired difference or ratio against a baseline measured in the same round, then the median. */
function pairedMedian(...args: Parameters<typeof pairedValues>): number | null {
  const values = pairedValues(...args);
  return values.length > 0 ? median(values) : null;
}

/** Lowest and highest of the paired values: how far one run of the same figure moves. */
function pairedRange(...args: Parameters<typeof pairedValues>): [number, number] | null {
  const values = pairedValues(...args);
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : null;
}

function nullableMs(micros: number | null): number | null {
  return micros === null ? null : micros / 1000;
}

function msRange(micros: [number, number] | null): [number, number] | null {
  return micros === null ? null : [micros[0] / 1000, micros[1] / 1000];
}

function cpuRatio(mine: RunMeasurement, base: RunMeasurement): number | null {
  return mine.proxyCpuUsPerRequest !== null && base.proxyCpuUsPerRequest !== null && base.proxyCpuUsPerRequest > 0
    ? mine.proxyCpuUsPerRequest / base.proxyCpuUsPerRequest
    : null;
}

function summarizeScenario(scenario: Scenario, byTarget: Map<TargetName, RunMeasurement[]>): ScenarioSummary {
  const direct = byTarget.get('direct');
  const floor = byTarget.get('floor');
  const targets: TargetScenarioSummary[] = [];
  for (const [name, runs] of byTarget) {
    const isDirect = name === 'direct';
    const isBaseline = isDirect || name === 'floor';
    const proxyCpu = runs.map((m) => m.proxyCpuUsPerRequest).filter((value): value is number => value !== null);
    const firstChunks = runs.map((m) => m.firstChunkUs).filter((value) => value !== null);
    const addedFirstChunk = (pick: (timing: { p50: number; p99: number }) => number): number | null =>
      isDirect || firstChunks.length === 0
        ? null
        : nullableMs(
            pairedMedian(runs, direct, (m, b) =>
              m.firstChunkUs !== null && b.firstChunkUs !== null ? pick(m.firstChunkUs) - pick(b.firstChunkUs) : null,
            ),
          );
    targets.push({
      target: name,
      requestsPerSecond: median(runs.map((m) => m.requestsPerSecond)),
      p50Ms: median(runs.map((m) => m.latencyUs.p50)) / 1000,
      p99Ms: median(runs.map((m) => m.latencyUs.p99)) / 1000,
      addedP50Ms: isDirect ? null : nullableMs(pairedMedian(runs, direct, (m, b) => m.latencyUs.p50 - b.latencyUs.p50)),
      addedP99Ms: isDirect ? null : nullableMs(pairedMedian(runs, direct, (m, b) => m.latencyUs.p99 - b.latencyUs.p99)),
      addedP99RangeMs: isDirect ? null : msRange(pairedRange(runs, direct, (m, b) => m.latencyUs.p99 - b.latencyUs.p99)),
      firstChunkP50Ms: firstChunks.length > 0 ? median(firstChunks.map((t) => t.p50)) / 1000 : null,
      firstChunkP99Ms: firstChunks.length > 0 ? median(firstChunks.map((t) => t.p99)) / 1000 : null,
      addedFirstChunkP50Ms: addedFirstChunk((t) => t.p50),
      addedFirstChunkP99Ms: addedFirstChunk((t) => t.p99),
      proxyCpuUsPerRequest: proxyCpu.length > 0 ? median(proxyCpu) : null,
      upstreamCpuUsPerRequest: median(runs.map((m) => m.upstreamCpuUsPerRequest)),
      cpuVsFloor: isBaseline ? null : pairedMedian(runs, floor, cpuRatio),
      cpuVsFloorRange: isBaseline ? null : pairedRange(runs, floor, cpuRatio),
      throughputVsFloor: isBaseline
        ? null
        : pairedMedian(runs, floor, (m, b) => (b.requestsPerSecond > 0 ? m.requestsPerSecond / b.requestsPerSecond : null)),
      requests: runs.reduce((sum, m) => sum + m.requests, 0),
      errors: runs.reduce((sum, m) => sum + m.errors, 0),
      runs,
    });
  }
  return { kind: scenario.kind, connections: scenario.connections, client: scenario.client, targets };
}

async function measureScenarios(
  wrkPath: string,
  allTargets: readonly Target[],
  upstream: BenchChild,
  options: BenchOptions,
): Promise<{ summaries: ScenarioSummary[]; requestsSent: Map<TargetName, number> }> {
  const summaries: ScenarioSummary[] = [];
  const requestsSent = new Map<TargetName, number>();
  const countSent = (name: TargetName, requests: number): void => {
    requestsSent.set(name, (requestsSent.get(name) ?? 0) + requests);
  };
  for (const scenario of SCENARIOS) {
    const scenarioTargets = allTargets.filter((target) => target.kinds.has(scenario.kind));
    log(`\n[${scenarioLabel(scenario)}] warm-up ${options.warmupSeconds} s per target`);
    for (const target of scenarioTargets) {
      const warm = await measureOnce(wrkPath, target, upstream, scenario, options.warmupSeconds, 0);
      countSent(target.name, warm.requests);
    }
    const byTarget = new Map<TargetName, RunMeasurement[]>(scenarioTargets.map((target) => [target.name, []]));
    for (let run = 1; run <= options.runs; run++) {
      log(`  run ${run}/${options.runs} (${options.durationSeconds} s each)`);
      for (const target of rotated(scenarioTargets, run - 1)) {
        const measurement = await measureOnce(wrkPath, target, upstream, scenario, options.durationSeconds, run);
        byTarget.get(target.name)?.push(measurement);
        countSent(target.name, measurement.requests);
        log(formatRunLine(target.name, measurement));
      }
    }
    summaries.push(summarizeScenario(scenario, byTarget));
  }
  return { summaries, requestsSent };
}

/** Sum of every sample of a Prometheus metric (with or without labels) in a text exposition. */
function metricTotal(exposition: string, name: string): number | null {
  let total: number | null = null;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    const value = Number(rest.slice(rest.lastIndexOf('}') + 1).trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * Waits (at most RECORDED_TIMEOUT_MS) until the gateway has no exchange or event waiting to be
 * recorded, so that each run's CPU window holds the whole cost of its requests: a gateway that
 * deferred its recording would otherwise look cheaper, and faster, than it is.
 */
async function untilRecorded(gateway: GatewayProcess): Promise<void> {
  const deadline = Date.now() + RECORDED_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await request(`${gateway.adminUrl}/metrics`, { headers: { authorization: `Bearer ${gateway.adminToken}` } });
    const queued = metricTotal(await response.body.text(), 'distillguard_events_queued');
    if (response.statusCode !== 200 || queued === null || queued === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readRecordingCounters(gateway: GatewayProcess): Promise<{ written: number | null; dropped: number | null }> {
  const read = async (): Promise<{ written: number | null; dropped: number | null }> => {
    const response = await request(`${gateway.adminUrl}/metrics`, {
      headers: { authorization: `Bearer ${gateway.adminToken}` },
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET /metrics answered ${response.statusCode}: ${text.slice(0, 200)}`);
    return {
      written: metricTotal(text, 'distillguard_events_written_total'),
      dropped: metricTotal(text, 'distillguard_events_dropped_total'),
    };
  };
  // Events are written in batches after the responses: wait until the counters stop moving.
  let previous = await read();
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = await read();
    if (current.written === previous.written && current.dropped === previous.dropped) return current;
    previous = current;
  }
  return previous;
}

// ---------------------------------------------------------------------------------------------
// Headline

function headlineFigures(summaries: readonly ScenarioSummary[]): HeadlineFigure[] {
  const figures: HeadlineFigure[] = [];
  const find = (kind: RequestKind, connections: number, target: TargetName): TargetScenarioSummary | undefined =>
    summaries
      .find((summary) => summary.kind === kind && summary.connections === connections)
      ?.targets.find((entry) => entry.target === target);
  for (const kind of ['plain', 'stream'] as const) {
    const gateway = find(kind, 1, 'gateway');
    const floor = find(kind, 1, 'floor');
    figures.push({
      label: `added p50 latency, ${kind}, 1 connection`,
      value: gateway?.addedP50Ms ?? null,
      floorValue: floor?.addedP50Ms ?? null,
      unit: 'ms',
      target: 0.35,
    });
    figures.push({
      label: `added p99 latency, ${kind}, 1 connection`,
      value: gateway?.addedP99Ms ?? null,
      range: gateway?.addedP99RangeMs ?? null,
      floorValue: floor?.addedP99Ms ?? null,
      unit: 'ms',
      target: 1,
    });
  }
  for (const summary of summaries) {
    figures.push({
      label: `CPU per request vs floor, ${summary.kind}, ${summary.connections} conn`,
      value: find(summary.kind, summary.connections, 'gateway')?.cpuVsFloor ?? null,
      range: find(summary.kind, summary.connections, 'gateway')?.cpuVsFloorRange ?? null,
      floorValue: null,
      unit: '×',
      target: 1.5,
    });
  }
  for (const summary of summaries.filter((s) => s.connections > 1)) {
    figures.push({
      label: `throughput vs floor, ${summary.kind}, ${summary.connections} conn`,
      value: find(summary.kind, summary.connections, 'gateway')?.throughputVsFloor ?? null,
      floorValue: null,
      unit: '×',
      target: null,
    });
  }
  const gatewayStreaming = find('stream', 1, 'gateway');
  const floorStreaming = find('stream', 1, 'floor');
  figures.push({
    label: 'added time to first chunk, p50',
    value: gatewayStreaming?.addedFirstChunkP50Ms ?? null,
    floorValue: floorStreaming?.addedFirstChunkP50Ms ?? null,
    unit: 'ms',
    target: 0.5,
  });
  figures.push({
    label: 'added time to first chunk, p99',
    value: gatewayStreaming?.addedFirstChunkP99Ms ?? null,
    floorValue: floorStreaming?.addedFirstChunkP99Ms ?? null,
    unit: 'ms',
    target: null,
  });
  return figures;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const wrkPath = findWrk();
  if (wrkPath === undefined) {
    log('wrk is not installed. On Debian/Ubuntu: apt-get install wrk');
    process.exitCode = 1;
    return;
  }
  const wrkVersion = (spawnSync(wrkPath, ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '').trim();
  const notes: string[] = [];
  const startedAt = new Date();
  const loadAverageBefore = os.loadavg()[0] ?? 0;
  let gateway: GatewayProcess | undefined;

  try {
    log(`DistillGuard gateway benchmark — ${options.quick ? 'quick smoke run' : 'full run'}: ` +
      `${options.runs} run(s) × ${options.durationSeconds} s per target and scenario, ${options.warmupSeconds} s warm-up`);
    log(`${os.cpus().length} CPUs, node ${process.version}, ${wrkVersion}`);

    const upstream = await startUpstream(options);
    log(`fake upstream   ${upstream.url} (pid ${upstream.child.pid})`);
    const floor = await startFloor(upstream.url);
    log(`floor proxy     ${floor.url} (pid ${floor.child.pid})`);

    // The upstream ignores credentials; a realistic header keeps request sizes comparable.
    const upstreamAuthorization = 'Bearer sk-bench-upstream-0000000000000000';
    const targets: Target[] = [
      { name: 'direct', baseUrl: upstream.url, authorization: upstreamAuthorization, extraHeaders: {}, proxy: undefined, kinds: new Set() },
      { name: 'floor', baseUrl: floor.url, authorization: upstreamAuthorization, extraHeaders: {}, proxy: floor.child, kinds: new Set() },
    ];

    const availability = gatewayAvailable();
    if (availability.available) {
      const started = await startGateway(upstream.url);
      gateway = started;
      log(`gateway         ${started.url} admin ${started.adminUrl} (pid ${started.child.pid}, data ${started.dataDir})`);
      targets.push({
        name: 'gateway',
        baseUrl: started.url,
        authorization: `Bearer ${started.clientSecret}`,
        extraHeaders: {},
        proxy: started.child,
        kinds: new Set(),
        settled: () => untilRecorded(started),
      });
    } else {
      notes.push(`gateway not measured: ${availability.why}`);
      log(`gateway         NOT MEASURED: ${availability.why}`);
    }

    let portkeyVersion: string | undefined;
    if (existsSync(path.join(options.portkeyDir, 'build', 'start-server.js'))) {
      try {
        const portkey = await startPortkey(options.portkeyDir);
        portkeyVersion = portkey.version;
        log(`portkey         ${portkey.url} (pid ${portkey.child.pid}, @portkey-ai/gateway ${portkey.version})`);
        targets.push({
          name: 'portkey',
          baseUrl: portkey.url,
          authorization: upstreamAuthorization,
          // Routes to an OpenAI-compatible base URL; 127.0.0.1 is in Portkey's default trusted hosts.
          extraHeaders: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstream.url}/v1` },
          proxy: portkey.child,
          kinds: new Set(),
        });
      } catch (error) {
        notes.push(`portkey skipped: it did not start (${firstLine(error)})`);
      }
    } else {
      notes.push(
        'portkey skipped: @portkey-ai/gateway is not installed (npm install --no-save @portkey-ai/gateway@1.15.2, or --portkey DIR)',
      );
    }

    for (const target of targets) {
      for (const kind of ['plain', 'stream'] as const) {
        const problem = await checkTarget(target, kind);
        if (problem === undefined) {
          target.kinds.add(kind);
          continue;
        }
        // A peer that cannot serve one kind is still compared on the other; our own processes must serve both.
        if (target.name !== 'portkey') throw new Error(`${target.name} failed its check request: ${problem}`);
        notes.push(`portkey not measured on ${kind} requests: ${problem}`);
        log(`portkey         not measured on ${kind} requests: ${problem}`);
      }
    }

    const { summaries, requestsSent } = await measureScenarios(wrkPath, targets, upstream.child, options);

    let recording: BenchReport['recording'] = null;
    if (gateway !== undefined) {
      const counters = await readRecordingCounters(gateway);
      recording = {
        eventsWritten: counters.written,
        eventsDropped: counters.dropped,
        // +2 for the check requests.
        requestsSentApprox: (requestsSent.get('gateway') ?? 0) + 2,
      };
    }

    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        wrk: wrkVersion,
        loadAverageBefore,
        loadAverageAfter: os.loadavg()[0] ?? 0,
      },
      options: {
        durationSeconds: options.durationSeconds,
        runs: options.runs,
        warmupSeconds: options.warmupSeconds,
        outputTokens: options.outputTokens,
        quick: options.quick,
      },
      portkeyVersion: portkeyVersion ?? null,
      targets: targets.map((target) => target.name),
      scenarios: summaries,
      recording,
      headline: headlineFigures(summaries),
      notes,
    };

    const outputDir = path.join(REPO_ROOT, '.bench');
    mkdirSync(outputDir, { recursive: true });
    const outputFile = path.join(outputDir, `gateway-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report, log);
    log(`\nraw results: ${path.relative(process.cwd(), outputFile)}`);
  } finally {
    await stopAllChildren();
    removeTemporaryDirs();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

// Children are stopped by PID on every way out: normal end and errors (main's finally), Ctrl-C
// and termination (below), and as a last resort a synchronous kill when the process exits.
process.once('exit', () => {
  killAllChildrenNow();
  removeTemporaryDirs();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the benchmark's processes\n`);
    void stopAllChildren().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
