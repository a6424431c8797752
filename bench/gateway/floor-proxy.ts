/**
 * The minimal proxy floor: the least work any Node reverse proxy in front of a model API must do
 * (accept, forward method/path/headers/body over a keep-alive pool, stream the answer back).
 * The gateway's figures are read as ratios against this process, so it must stay this small:
 * no parsing, no logging, no recording.
 *
 *   node --import tsx bench/gateway/floor-proxy.ts --port P --upstream URL [--host H]
 *
 * Prints "listening <url>" once it accepts connections.
 */
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

/** RFC 9110 §7.6.1 connection-specific fields, plus `host` (undici derives it from the origin). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Copies headers minus hop-by-hop ones, including any named in the message's own `Connection`. */
function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const connectionHeader = headers.connection;
  const namedInConnection = new Set(
    (Array.isArray(connectionHeader) ? connectionHeader.join(',') : (connectionHeader ?? ''))
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token.length > 0),
  );
  const forwarded: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || namedInConnection.has(name)) continue;
    forwarded[name] = value;
  }
  return forwarded;
}

export interface FloorProxy {
  url: string;
  close(): Promise<void>;
}

export async function startFloorProxy(options: {
  host: string;
  port: number;
  upstream: string;
}): Promise<FloorProxy> {
  const pool = new Pool(options.upstream, { connections: 128, pipelining: 1 });

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    pool.stream(
      {
        path: req.url ?? '/',
        method,
        headers: endToEndHeaders(req.headers),
        body: hasBody ? req : null,
        opaque: res,
      },
      ({ statusCode, headers, opaque }) => {
        opaque.writeHead(statusCode, endToEndHeaders(headers));
        return opaque;
      },
      (error) => {
        if (error === null) return;
        // The client going away mid-stream also lands here; there is nobody left to answer.
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'upstream unavailable', type: 'bad_gateway' } }));
      },
    );
  });
  // wrk and the gateway keep connections open for the whole run; Node's 5 s default would
  // make the floor pay reconnects the gateway might not.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;

  return {
    url: `http://${options.host}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      upstream: { type: 'string' },
    },
  });
  if (values.upstream === undefined) {
    process.stderr.write('usage: floor-proxy.ts --port P --upstream URL [--host H]\n');
    process.exit(2);
  }
  const proxy = await startFloorProxy({
    host: values.host,
    port: Number(values.port),
    upstream: values.upstream,
  });
  process.stdout.write(`listening ${proxy.url}\n`);

  const stop = (): void => {
    void proxy.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const entryScript = process.argv[1];
if (entryScript !== undefined && import.meta.url === pathToFileURL(entryScript).href) {
  await main();
}
