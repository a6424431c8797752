import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AdminDeps {
  /** Bearer token for everything but the health checks; without one those routes stay closed. */
  token: string | undefined;
  ready(): boolean;
  metrics(): string;
}

/**
 * The admin port: health checks open to the orchestrator, everything else behind the admin token.
 * Kept on its own listener so that it can be bound to an internal interface only.
 */
export function createAdminHandler(deps: AdminDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const tokenDigest = deps.token ? digest(deps.token) : undefined;
  return function handle(req, res) {
    req.resume();
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') return deps.ready() ? json(res, 200, { status: 'ready' }) : json(res, 503, { status: 'draining' });
    if (!tokenDigest) return json(res, 401, { error: { code: 'DG_UNAUTHORIZED', message: 'no admin token is configured; set --admin-token or DISTILLGUARD_ADMIN_TOKEN' } });
    if (!authorized(req, tokenDigest)) {
      res.setHeader('www-authenticate', 'Bearer');
      return json(res, 401, { error: { code: 'DG_UNAUTHORIZED', message: 'admin token required' } });
    }
    if (path === '/metrics' && req.method === 'GET') {
      const body = deps.metrics();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      return void res.end(body);
    }
    return json(res, 404, { error: { code: 'DG_NOT_FOUND', message: `no admin route ${path}` } });
  };
}

function authorized(req: IncomingMessage, tokenDigest: Buffer): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.toLowerCase().startsWith('bearer ')) return false;
  // Compare digests so that the comparison is constant-time whatever the lengths.
  return timingSafeEqual(digest(header.slice(7).trim()), tokenDigest);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
