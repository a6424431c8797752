import { createServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config/config.ts';
import type { EventStore } from '../store/event-store.ts';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store.ts';
import { startRetention } from '../store/retention.ts';
import { SqliteKeyStore } from '../store/sqlite/key-store.ts';
import { createAdminHandler } from './admin.ts';
import { createAuthenticator, type KeySource } from './auth.ts';
import { trustedProxyList } from './client-info.ts';
import { newExchange } from './exchange.ts';
import { createGatewayMetrics } from './metrics.ts';
import { createProxyHandler } from './proxy.ts';
import { createRecorder } from './recorder.ts';
import { UNAUTHENTICATED } from './to-traffic-event.ts';
import { createUpstreams } from './upstream.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RunningGateway {
  /** Base URL clients use (http://host:port). */
  url: string;
  /** Base URL of the admin port. */
  adminUrl: string;
  store: EventStore;
  /** Turns every exchange that has ended into an event and writes it: what `store` holds is then complete. */
  flush(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish (up to limits.drainTimeoutMs), flushes events. */
  close(): Promise<void>;
}

const silent: Logger = { info() {}, warn() {} };

/**
 * Starts the gateway and its admin port. Every request, whatever becomes of it, ends as exactly one
 * traffic event in the store.
 */
export async function startGateway(config: Config, options: { log?: Logger; store?: EventStore } = {}): Promise<RunningGateway> {
  const log = options.log ?? silent;
  const store = options.store ?? openEventStore(config, log);
  const retention = startRetention(store, config.recording.retentionDays, Date.now, { onError: (m) => log.warn(m) });
  const keyStore = config.auth.mode === 'keys' ? new SqliteKeyStore({ dataDir: config.dataDir }) : undefined;
  const keySource: KeySource | undefined = keyStore && { activeKeys: () => keyStore.active(), version: () => keyStore.version() };
  const trustedProxies = trustedProxyList(config.client.trustedProxies);
  const auth = createAuthenticator(config.auth, keySource, { requireTrustedPeer: config.client.trustedProxies.length > 0 });
  const upstreams = createUpstreams(config);

  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const recorder = createRecorder({ store, recording: config.recording, onError: (m) => log.warn(m) });
  const metrics = createGatewayMetrics(() => {
    const stats = store.stats;
    return { written: stats.written, dropped: stats.dropped + recorder.dropped, queued: stats.queued + recorder.pending };
  }, () => inFlight);

  const handle = createProxyHandler({
    config,
    auth,
    upstreams,
    metrics,
    trustedProxies,
    onExchangeEnd(ex) {
      recorder.record(ex);
      inFlight--;
      if (draining && inFlight === 0) drained?.();
    },
    isDraining: () => draining,
  });

  /** The latest request on each connection: a parse error while its body is still arriving is that request's end. */
  const latestRequest = new WeakMap<Socket, IncomingMessage>();
  const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: config.limits.requestHeadersTimeoutMs, requestTimeout: 0 }, (req, res) => {
    inFlight++;
    latestRequest.set(req.socket, req);
    handle(req, res);
  });
  // Requests that never became an HTTP request (malformed request line or headers) are still recorded.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const code = err.code ?? 'ERR';
    if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) return socket.destroy();
    // A client that leaves (or breaks the framing) mid-body: that request is already being served and
    // the proxy records it when its response closes; recording it here too would make two events.
    const current = latestRequest.get(socket);
    if (current && !current.complete) return socket.destroy();
    const ex = newExchange('-', '(malformed request)', Date.now(), performance.now());
    const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    ex.status = status;
    ex.outcome = 'rejected';
    ex.error = `malformed HTTP request (${code})`;
    ex.identity = { accountId: UNAUTHENTICATED };
    if (socket.remoteAddress) ex.client = { ip: socket.remoteAddress };
    ex.endedAt = performance.now();
    metrics.requests.inc({ endpoint: 'unknown', status: String(status), outcome: 'rejected' });
    recorder.record(ex);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  const admin = createServer(
    createAdminHandler({ token: config.admin.token, ready: () => !draining, metrics: () => metrics.render() }),
  );

  await listen(server, config.listen.port, config.listen.host);
  try {
    await listen(admin, config.admin.port, config.admin.host);
  } catch (err) {
    server.close();
    throw err;
  }
  const url = baseUrl(server, config.listen.host);
  const adminUrl = baseUrl(admin, config.admin.host);
  log.info(`gateway listening on ${url} (admin ${adminUrl})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    adminUrl,
    store,
    flush: () => recorder.flush(),
    close() {
      closing ??= (async () => {
        draining = true;
        server.close();
        server.closeIdleConnections();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
            setTimeout(resolve, config.limits.drainTimeoutMs).unref();
          });
        }
        server.closeAllConnections();
        admin.close();
        admin.closeAllConnections();
        auth.close();
        retention.stop();
        await upstreams.close();
        recorder.drain();
        await store.close();
        keyStore?.close();
      })();
      return closing;
    },
  };
}

/** The embedded event store in the data directory, tuned by `recording`. */
export function openEventStore(config: Config, log: Logger): EventStore {
  const { batchSize, flushIntervalMs, maxQueue } = config.recording;
  return new SqliteEventStore({ dataDir: config.dataDir, batchSize, flushIntervalMs, maxQueue, onError: (m) => log.warn(m) });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function baseUrl(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return `http://${shown}:${port}`;
}
