/**
 * A small Prometheus registry: counters and histograms with a fixed label set each. Written here
 * rather than taken from prom-client because the gateway updates it on every request and needs it
 * to cost a few hash-map look-ups, nothing more.
 */

type Labels = Record<string, string>;

interface Series {
  labels: string;
  value: number;
}

export class Counter {
  private readonly series = new Map<string, Series>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const s = this.series.get(key);
    if (s) s.value += by;
    else this.series.set(key, { labels: key, value: by });
  }

  /** The value for exactly these labels (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.value ?? 0;
  }

  render(): string {
    let out = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n`;
    for (const s of this.series.values()) out += `${this.name}${s.labels} ${s.value}\n`;
    return out;
  }
}

/** A value owned elsewhere (queue depth, the store's own counts), read when /metrics is scraped. */
export class Observed {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly type: 'gauge' | 'counter',
    private readonly read: () => number,
  ) {}
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} ${this.type}\n${this.name} ${this.read()}\n`;
  }
}

interface HistogramSeries {
  labels: Labels;
  counts: Float64Array;
  sum: number;
  count: number;
}

export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(readonly name: string, readonly help: string, private readonly buckets: readonly number[]) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: new Float64Array(this.buckets.length), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    const buckets = this.buckets;
    for (let i = 0; i < buckets.length; i++) {
      if (value <= buckets[i]!) {
        s.counts[i]! += 1;
        break;
      }
    }
    s.sum += value;
    s.count += 1;
  }

  render(): string {
    let out = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} histogram\n`;
    for (const s of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i < this.buckets.length; i++) {
        cumulative += s.counts[i]!;
        out += `${this.name}_bucket${labelKey({ ...s.labels, le: String(this.buckets[i]) })} ${cumulative}\n`;
      }
      out += `${this.name}_bucket${labelKey({ ...s.labels, le: '+Inf' })} ${s.count}\n`;
      out += `${this.name}_sum${labelKey(s.labels)} ${s.sum}\n`;
      out += `${this.name}_count${labelKey(s.labels)} ${s.count}\n`;
    }
    return out;
  }
}

/** Renders `{a="x",b="y"}`; label values are escaped as the exposition format requires. */
function labelKey(labels: Labels): string {
  let out = '';
  for (const name in labels) {
    const raw = labels[name]!;
    // Escaping is rare (label values are endpoint kinds and status codes), so test before replacing.
    const value = /[\\"\n]/.test(raw) ? raw.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`)) : raw;
    out += `${out ? ',' : ''}${name}="${value}"`;
  }
  return out ? `{${out}}` : '';
}

/** Seconds: from 100 µs (gateway overhead) to 5 minutes (long generations). */
export const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/** The gateway's metrics, one instance per gateway. */
export function createGatewayMetrics(store: () => { written: number; dropped: number; queued: number }, readInFlight: () => number) {
  const requests = new Counter('distillguard_requests_total', 'Requests received, by endpoint, status and outcome.');
  const duration = new Histogram('distillguard_request_duration_seconds', 'Time from request arrival to the last response byte.', LATENCY_BUCKETS);
  const overhead = new Histogram(
    'distillguard_gateway_overhead_seconds',
    'Time the gateway spent before handing the request to the upstream (body read, parse, auth, decision).',
    LATENCY_BUCKETS,
  );
  const upstreamErrors = new Counter('distillguard_upstream_errors_total', 'Upstream failures: unreachable, timeout, broken response, or a 5xx/429 status.');
  const eventsWritten = new Observed('distillguard_events_written_total', 'Traffic events durably written to the event store.', 'counter', () => store().written);
  const eventsDropped = new Observed('distillguard_events_dropped_total', 'Traffic events dropped because the store could not keep up.', 'counter', () => store().dropped);
  const queue = new Observed('distillguard_events_queued', 'Traffic events waiting to be written.', 'gauge', () => store().queued);
  const inFlight = new Observed('distillguard_requests_in_flight', 'Requests being served now.', 'gauge', readInFlight);
  const all = [requests, duration, overhead, upstreamErrors, eventsWritten, eventsDropped, queue, inFlight];
  return {
    requests,
    duration,
    overhead,
    upstreamErrors,
    render: () => all.map((m) => m.render()).join(''),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
