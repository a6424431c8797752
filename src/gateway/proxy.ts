import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { Config } from '../config/config.ts';
import { DgError } from '../core/errors.ts';
import { endpointOf, errorBody, isStreamRequest, knownPath } from '../protocol/index.ts';
import type { ApiFamily } from '../protocol/types.ts';
import type { Authenticator } from './auth.ts';
import { clientAddress, clientInfo, isTrusted } from './client-info.ts';
import { newExchange, type Exchange } from './exchange.ts';
import type { GatewayMetrics } from './metrics.ts';
import { classifyUpstreamError, clientResponseHeaders, upstreamRequestHeaders, type Upstreams } from './upstream.ts';
import type { BlockList } from 'node:net';

export interface ProxyDeps {
  config: Config;
  auth: Authenticator;
  upstreams: Upstreams;
  metrics: GatewayMetrics;
  trustedProxies: BlockList;
  /** Called exactly once per request, after the exchange has ended. */
  onExchangeEnd(ex: Exchange): void;
  isDraining(): boolean;
}

function flushHeadersIfIdle(ex: Exchange, res: ServerResponse): void {
  if (ex.firstByteAt === undefined && !res.destroyed && !res.writableEnded) res.flushHeaders();
}

/** Raised into undici when the client went away, so the upstream request is aborted too. */
class ClientGoneError extends Error {
  constructor() {
    super('client disconnected');
    this.name = 'ClientGoneError';
  }
}

/**
 * The request path of the gateway: identify the endpoint and the account, read and check the body,
 * hand it to the upstream untouched, and copy the response back chunk by chunk while keeping a copy
 * for the record. Each request ends in exactly one call to `onExchangeEnd`.
 */
export function createProxyHandler(deps: ProxyDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, auth, upstreams, metrics, trustedProxies } = deps;
  const anyTrustedProxy = config.client.trustedProxies.length > 0;
  const maxBody = config.limits.maxBodyBytes;
  const maxKeep = config.recording.maxResponseBytes;
  // Headers meant for the gateway alone (the edge's account header) do not go upstream.
  const strip = new Set<string>(config.auth.mode === 'header' ? [config.auth.header] : []);

  const end = (ex: Exchange): void => {
    ex.endedAt = performance.now();
    const kind = ex.endpoint?.kind ?? 'unknown';
    metrics.requests.inc({ endpoint: kind, status: String(ex.status), outcome: ex.outcome });
    metrics.duration.observe({ endpoint: kind }, (ex.endedAt - ex.startedAt) / 1000);
    deps.onExchangeEnd(ex);
  };

  /** Answers with an error in the called API's own format; the exchange ends when the response does. */
  const reject = (ex: Exchange, res: ServerResponse, err: DgError, family: ApiFamily): void => {
    ex.status = err.status;
    ex.outcome = ex.outcome === 'ok' ? 'rejected' : ex.outcome;
    ex.error = `${err.code}: ${err.message}`;
    if (!res.headersSent && !res.destroyed) {
      const body = JSON.stringify(errorBody(family, err.status, err.message, err.code));
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      // A body we refused to read would otherwise keep the connection busy.
      if (err.status === 413) headers.connection = 'close';
      res.writeHead(err.status, headers);
      res.end(body);
    }
    end(ex);
  };

  return function handle(req, res) {
    const ex = newExchange(req.method ?? 'GET', req.url ?? '/', Date.now(), performance.now());
    const peer = req.socket.remoteAddress;
    const peerTrusted = anyTrustedProxy && isTrusted(trustedProxies, peer);
    const forwarded = req.headers['x-forwarded-for'];
    ex.client = clientInfo(req.headers, clientAddress(peer, typeof forwarded === 'string' ? forwarded : forwarded?.[0], trustedProxies, anyTrustedProxy), config.client);
    req.on('error', () => {}); // a reset client surfaces through res 'close'; never crash on it

    const queryAt = ex.url.indexOf('?');
    const path = queryAt === -1 ? ex.url : ex.url.slice(0, queryAt);
    const family: ApiFamily = path.startsWith('/v1/messages') ? 'anthropic' : 'openai';
    ex.endpoint = endpointOf(ex.method, path);

    if (deps.isDraining()) {
      req.resume();
      return reject(ex, res, new DgError('DG_SHUTTING_DOWN', 503, 'the gateway is shutting down; retry'), family);
    }
    if (!ex.endpoint) {
      req.resume();
      return knownPath(path)
        ? reject(ex, res, new DgError('DG_METHOD_NOT_ALLOWED', 405, `method ${ex.method} is not allowed on ${path}`), family)
        : reject(ex, res, new DgError('DG_NOT_FOUND', 404, `unknown endpoint ${ex.method} ${path.slice(0, 200)}`), family);
    }
    ex.identity = auth.authenticate(req.headers, peerTrusted);
    if (!ex.identity) {
      req.resume();
      return reject(ex, res, new DgError('DG_UNAUTHORIZED', 401, 'invalid or missing API key'), family);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      return reject(ex, res, new DgError('DG_PAYLOAD_TOO_LARGE', 413, `request body over ${maxBody} bytes`), family);
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    res.on('close', () => {
      if (!settled) {
        // The client left while its body was still arriving.
        settled = true;
        ex.outcome = 'client_aborted';
        ex.status = 499;
        ex.body = Buffer.concat(chunks, size);
        end(ex);
      }
    });
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBody) {
        settled = true;
        req.pause();
        return reject(ex, res, new DgError('DG_PAYLOAD_TOO_LARGE', 413, `request body over ${maxBody} bytes`), family);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      ex.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      forward(ex, req, res, family);
    });
  };

  function forward(ex: Exchange, req: IncomingMessage, res: ServerResponse, family: ApiFamily): void {
    const endpoint = ex.endpoint!;
    const body = ex.body!;
    if (endpoint.method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (err) {
        return reject(ex, res, new DgError('DG_INVALID_JSON', 400, `request body is not valid JSON: ${(err as Error).message}`), family);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return reject(ex, res, new DgError('DG_BAD_REQUEST', 400, 'request body must be a JSON object'), family);
      }
      ex.json = parsed as Record<string, unknown>;
      ex.stream = isStreamRequest(endpoint, ex.json);
    }

    const target = upstreams[family];
    const headers = upstreamRequestHeaders(req.headers, target, config.upstreams.passThroughClientKey, strip, body.length);
    let controller: Dispatcher.DispatchController | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      end(ex);
    };
    res.on('close', () => {
      if (done || res.writableFinished) return;
      ex.outcome = 'client_aborted';
      if (!res.headersSent) ex.status = 499;
      if (controller && !controller.aborted) controller.abort(new ClientGoneError());
      else finish();
    });
    res.on('error', () => {});

    ex.dispatchedAt = performance.now();
    metrics.overhead.observe({ endpoint: endpoint.kind }, (ex.dispatchedAt - ex.startedAt) / 1000);
    target.pool.dispatch(
      { path: target.prefix + ex.url, method: ex.method as Dispatcher.HttpMethod, headers, body: body.length > 0 ? body : null },
      {
        onRequestStart(c) {
          controller = c;
          if (res.destroyed) c.abort(new ClientGoneError());
        },
        onResponseStart(_c, statusCode, upstreamHeaders) {
          ex.status = statusCode;
          if (statusCode >= 500 || statusCode === 429) metrics.upstreamErrors.inc({ reason: String(statusCode) });
          if (res.destroyed) return;
          res.writeHead(statusCode, clientResponseHeaders(upstreamHeaders));
          // A stream's status must reach the client at once, not with its first token, which may be
          // seconds away. When that token came in the same read, it carries the headers itself
          // (one write instead of two), so the flush waits for the end of this tick.
          if (ex.stream) process.nextTick(flushHeadersIfIdle, ex, res);
        },
        onResponseData(c, chunk) {
          if (ex.firstByteAt === undefined) ex.firstByteAt = performance.now();
          ex.responseBytes += chunk.length;
          if (ex.responseBytes <= maxKeep) ex.responseChunks.push(chunk);
          else if (!ex.responseTruncated) {
            ex.responseTruncated = true;
            ex.responseChunks.length = 0;
          }
          if (!res.write(chunk)) {
            c.pause();
            res.once('drain', () => c.resume());
          }
        },
        onResponseEnd() {
          res.end();
          finish();
        },
        onResponseError(_c, err) {
          if (err instanceof ClientGoneError || ex.outcome === 'client_aborted') {
            ex.outcome = 'client_aborted';
            return finish();
          }
          const { status, timeout } = classifyUpstreamError(err);
          metrics.upstreamErrors.inc({ reason: timeout ? 'timeout' : 'unavailable' });
          ex.outcome = timeout ? 'upstream_timeout' : 'upstream_error';
          ex.error = `${timeout ? 'DG_UPSTREAM_TIMEOUT' : 'DG_UPSTREAM_UNAVAILABLE'}: ${err.message}`;
          if (!res.headersSent) {
            done = true;
            return reject(
              ex,
              res,
              new DgError(timeout ? 'DG_UPSTREAM_TIMEOUT' : 'DG_UPSTREAM_UNAVAILABLE', status, timeout ? 'the upstream model API timed out' : 'the upstream model API is unavailable'),
              family,
            );
          }
          // Mid-response: the status line is gone, so the only honest signal left is a cut connection.
          res.destroy(err);
          finish();
        },
      },
    );
  }
}
