import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { ApiFamily } from '../protocol/types.ts';
import type { Config, UpstreamConfig } from '../config/config.ts';

/** Where one API family's requests go: a keep-alive pool to the configured origin, plus its path prefix. */
export interface UpstreamTarget {
  pool: Pool;
  /** Path prefix of the configured base URL, without a trailing slash ('' for none). */
  prefix: string;
  /** The gateway's own credential headers for this upstream (empty when none is configured). */
  credential: Record<string, string>;
}

export type Upstreams = Record<ApiFamily, UpstreamTarget> & { close(): Promise<void> };

/**
 * One pool per distinct origin. The upstream is only ever what the configuration says: nothing in a
 * client's request can change where it is sent.
 */
export function createUpstreams(config: Config): Upstreams {
  const pools = new Map<string, Pool>();
  const target = (family: ApiFamily, upstream: UpstreamConfig): UpstreamTarget => {
    const url = new URL(upstream.url);
    let pool = pools.get(url.origin);
    if (!pool) {
      pool = new Pool(url.origin, {
        connections: config.limits.upstreamConnections,
        headersTimeout: config.limits.upstreamHeadersTimeoutMs,
        bodyTimeout: config.limits.upstreamBodyTimeoutMs,
        keepAliveTimeout: 30_000,
        connect: { timeout: 10_000 },
      });
      pools.set(url.origin, pool);
    }
    return { pool, prefix: url.pathname.replace(/\/+$/, ''), credential: credentialHeaders(family, upstream.apiKey) };
  };
  return {
    openai: target('openai', config.upstreams.openai),
    anthropic: target('anthropic', config.upstreams.anthropic),
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close().catch(() => p.destroy())));
    },
  };
}

function credentialHeaders(family: ApiFamily, apiKey: string | undefined): Record<string, string> {
  if (!apiKey) return {};
  return family === 'anthropic' ? { 'x-api-key': apiKey } : { authorization: `Bearer ${apiKey}` };
}

/** Request headers never forwarded: hop-by-hop ones, and those the gateway sets itself. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
  'accept-encoding',
  'http2-settings',
]);

const CREDENTIAL_HEADERS = new Set(['authorization', 'x-api-key', 'api-key']);

/**
 * Headers for the upstream request. `accept-encoding: identity` keeps the response readable for
 * recording without a decompression step; `strip` removes the edge's own headers (trusted account
 * header), which are for the gateway, not the model API.
 */
export function upstreamRequestHeaders(
  incoming: Record<string, string | string[] | undefined>,
  target: UpstreamTarget,
  passThroughClientKey: boolean,
  strip: ReadonlySet<string>,
  contentLength: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in incoming) {
    if (DROPPED_REQUEST_HEADERS.has(name) || strip.has(name)) continue;
    if (!passThroughClientKey && CREDENTIAL_HEADERS.has(name)) continue;
    const value = incoming[name];
    if (value === undefined) continue;
    out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  if (!passThroughClientKey) Object.assign(out, target.credential);
  out['accept-encoding'] = 'identity';
  if (contentLength > 0) out['content-length'] = String(contentLength);
  return out;
}

const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection']);

/** Upstream response headers as the client should get them (hop-by-hop ones removed). */
export function clientResponseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    if (DROPPED_RESPONSE_HEADERS.has(name)) continue;
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Maps an undici failure to how the client should hear of it. */
export function classifyUpstreamError(err: Error): { status: 502 | 504; timeout: boolean } {
  const code = (err as { code?: string }).code ?? '';
  const timeout = code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT';
  return { status: timeout ? 504 : 502, timeout };
}

export type { Dispatcher };
