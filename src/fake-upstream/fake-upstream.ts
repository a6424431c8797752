/**
 * A deterministic stand-in model API on node:http, speaking the OpenAI and Anthropic wire formats.
 * Used by the demo, the tests and the benchmarks (where it is the baseline, so it must stay cheap:
 * handlers are pure and precompute what they can; this file only does I/O).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRecord } from '../protocol/fields.ts';
import { errorReply, faultForModel, faultReply } from './errors.ts';
import { modelById, modelList } from './models.ts';
import type { ApiFamily, GeneratorSettings, Handler, JsonReply, Reply } from './reply.ts';
import { ROUTES } from './routes.ts';
import { hashText } from './text-generator.ts';

export interface FakeUpstreamOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Delay before the response headers, default 0. */
  latencyMs?: number;
  /** Streaming pace; 0 or undefined streams as fast as possible (no timers between chunks). */
  tokensPerSecond?: number;
  /** Default answer length in tokens (one token is one word), default 32. */
  outputTokens?: number;
}

export interface FakeUpstream {
  url: string;
  port: number;
  /** Requests received since start. */
  readonly requests: number;
  /** Requests whose response has not finished yet (a hung request counts until its client leaves). */
  readonly inFlight: number;
  close(): Promise<void>;
}

/** Per-request state: the one pending timer (latency or pacing), cleared when the client leaves. */
interface Exchange {
  res: ServerResponse;
  family: ApiFamily;
  requestId: string;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const host = options.host ?? '127.0.0.1';
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const tokensPerSecond = options.tokensPerSecond ?? 0;
  const pacingMs = tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
  const settings: GeneratorSettings = { outputTokens: Math.max(1, Math.floor(options.outputTokens ?? 32)) };
  let requests = 0;
  let inFlight = 0;
  let requestCounter = 0;
  /** close() resolves only once every exchange has run its cleanup (timers cleared). */
  let onDrained: (() => void) | undefined;

  const respond = (exchange: Exchange, reply: Reply, cut: boolean): void => {
    if (latencyMs === 0) {
      writeReply(exchange, reply, cut, pacingMs);
      return;
    }
    exchange.timer = setTimeout(() => {
      exchange.timer = undefined;
      writeReply(exchange, reply, cut, pacingMs);
    }, latencyMs);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    requests++;
    inFlight++;
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const family: ApiFamily = path.startsWith('/v1/messages') || req.headers['anthropic-version'] !== undefined ? 'anthropic' : 'openai';
    const exchange: Exchange = { res, family, requestId: `req_${(++requestCounter).toString(16).padStart(16, '0')}`, timer: undefined, closed: false };
    res.on('close', () => {
      exchange.closed = true;
      if (exchange.timer !== undefined) clearTimeout(exchange.timer);
      exchange.timer = undefined;
      inFlight--;
      if (inFlight === 0 && onDrained !== undefined) onDrained();
    });
    // A client vanishing mid-request must never crash the server.
    req.on('error', ignore);
    res.on('error', ignore);

    if (req.method === 'GET' && (path === '/v1/models' || path.startsWith('/v1/models/'))) {
      const id = path.length > '/v1/models/'.length ? decodeSegment(path.slice('/v1/models/'.length)) : '';
      req.resume();
      respond(exchange, id === '' ? modelList(family) : modelById(family, id), false);
      return;
    }
    const handler = req.method === 'POST' ? ROUTES.get(path) : undefined;
    if (handler === undefined) {
      req.resume();
      const message = family === 'anthropic' ? 'Not Found' : `Invalid URL (${req.method ?? 'GET'} ${path})`;
      respond(exchange, errorReply(family, 'not_found', message), false);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (exchange.closed) return;
      const raw = chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      handleBody(exchange, raw, handler, settings, respond);
    });
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, onRequest);
  // Pooled clients (undici, the SDKs) reuse connections; headersTimeout must exceed keepAliveTimeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    close: async () => {
      const drained = new Promise<void>((resolve) => {
        onDrained = resolve;
        if (inFlight === 0) resolve();
      });
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // Shutting down ends everything, hung requests included; their close handlers clear timers.
      server.closeAllConnections();
      await Promise.all([closed, drained]);
    },
  };
}

function ignore(): void {}

function handleBody(
  exchange: Exchange,
  raw: string,
  handler: Handler,
  settings: GeneratorSettings,
  respond: (exchange: Exchange, reply: Reply, cut: boolean) => void,
): void {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    const message =
      exchange.family === 'anthropic'
        ? 'There was an issue with your request body: invalid JSON.'
        : 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly.)';
    respond(exchange, errorReply(exchange.family, 'invalid_request', message), false);
    return;
  }
  if (!isRecord(body)) {
    respond(exchange, errorReply(exchange.family, 'invalid_request', 'The request body must be a JSON object.'), false);
    return;
  }
  const fault = faultForModel(body['model']);
  if (fault === 'hang') return; // Never answered; the close handler cleans up when the client leaves.
  if (fault === 'rate_limit' || fault === 'server' || fault === 'overloaded') {
    respond(exchange, faultReply(exchange.family, fault), false);
    return;
  }
  respond(exchange, handler({ body, bodyHash: hashText(raw) }, settings), fault === 'cut_stream');
}

function baseHeaders(exchange: Exchange, contentType: string): Record<string, string | number> {
  const headers: Record<string, string | number> = { 'content-type': contentType, 'x-request-id': exchange.requestId };
  if (exchange.family === 'anthropic') headers['request-id'] = exchange.requestId;
  return headers;
}

function writeReply(exchange: Exchange, reply: Reply, cut: boolean, pacingMs: number): void {
  if (exchange.closed) return;
  if (reply.kind === 'json') writeJson(exchange, reply, cut);
  else writeEvents(exchange, reply.events.map((event) => event.frame), reply.events.map((event) => event.paced), cut, pacingMs);
}

function writeJson(exchange: Exchange, reply: JsonReply, cut: boolean): void {
  const { res } = exchange;
  const headers = baseHeaders(exchange, 'application/json');
  headers['content-length'] = Buffer.byteLength(reply.payload);
  if (reply.extraHeaders !== undefined) Object.assign(headers, reply.extraHeaders);
  res.writeHead(reply.status, headers);
  if (!cut) {
    res.end(reply.payload);
    return;
  }
  res.write(reply.payload.slice(0, reply.payload.length >> 1), () => res.destroy());
}

/**
 * Streams SSE frames. Unpaced, everything goes out in one write. Paced, each token-carrying frame
 * is followed by a pause of `pacingMs`. Cut, the socket is destroyed after half the frames.
 */
function writeEvents(exchange: Exchange, frames: readonly string[], paced: readonly boolean[], cut: boolean, pacingMs: number): void {
  const { res } = exchange;
  const headers = baseHeaders(exchange, 'text/event-stream; charset=utf-8');
  headers['cache-control'] = 'no-cache';
  res.writeHead(200, headers);
  const stopAt = cut ? frames.length >> 1 : frames.length;
  let next = 0;
  const pump = (): void => {
    exchange.timer = undefined;
    if (exchange.closed) return;
    let chunk = '';
    while (next < stopAt) {
      chunk += frames[next];
      const pause = pacingMs > 0 && paced[next] === true;
      next++;
      if (pause && next < stopAt) {
        res.write(chunk);
        exchange.timer = setTimeout(pump, pacingMs);
        return;
      }
    }
    if (cut) res.write(chunk, () => res.destroy());
    else res.end(chunk);
  };
  pump();
}

/** A path segment as text; a malformed escape is kept as sent rather than thrown. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
