/**
 * Acceptance: what the gateway does when things go wrong — bad requests, bad keys, oversized bodies,
 * unknown routes, a broken or slow upstream, clients that leave, shutdown — answered in each API's
 * own error format and, in every case, recorded as exactly one event.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ACCOUNT, ADMIN_TOKEN, SECRET, at, harnessForSuite, oneNewEvent, startHarness, type Harness } from './test-harness.ts';

type Family = 'openai' | 'anthropic';

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

const PATHS: Record<Family, string> = { openai: '/v1/chat/completions', anthropic: '/v1/messages' };

function authHeaders(family: Family, key: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) {
    if (family === 'openai') headers.authorization = `Bearer ${key}`;
    else headers['x-api-key'] = key;
  }
  if (family === 'anthropic') headers['anthropic-version'] = '2023-06-01';
  return headers;
}

function validBody(family: Family, model: string, extra: Record<string, unknown> = {}): string {
  return family === 'openai'
    ? JSON.stringify({ model, messages: [{ role: 'user', content: 'hello there' }], ...extra })
    : JSON.stringify({ model, max_tokens: 64, messages: [{ role: 'user', content: 'hello there' }], ...extra });
}

async function send(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Sent> {
  const res = await fetch(base + path, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The error body of the called API: OpenAI's `{"error": {...}}` or Anthropic's `{"type": "error", ...}`. */
function assertErrorFormat(family: Family, json: unknown): void {
  if (family === 'openai') {
    assert.equal(typeof at(json, 'error', 'message'), 'string', `an OpenAI error body: ${JSON.stringify(json)}`);
    assert.equal(typeof at(json, 'error', 'type'), 'string');
    assert.equal(at(json, 'type'), undefined);
  } else {
    assert.equal(at(json, 'type'), 'error', `an Anthropic error body: ${JSON.stringify(json)}`);
    assert.equal(typeof at(json, 'error', 'type'), 'string');
    assert.equal(typeof at(json, 'error', 'message'), 'string');
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/** Starts a streamed request with node:http and resolves once the first body chunk has arrived. */
function startStream(base: string, family: Family, model = 'fake-gpt'): Promise<{ status: number; first: string; rest: Promise<string>; abort(): void }> {
  return new Promise((resolve, reject) => {
    const body = validBody(family, model, { stream: true });
    const req = httpRequest(`${base}${PATHS[family]}`, { method: 'POST', headers: { ...authHeaders(family, SECRET), 'content-length': Buffer.byteLength(body) } });
    req.on('error', reject);
    req.on('response', (res) => {
      res.setEncoding('utf8');
      let rest = '';
      const ended = new Promise<string>((done, fail) => {
        res.on('end', () => done(rest));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('aborted')));
      });
      ended.catch(() => {});
      res.once('data', (first: string) => {
        res.on('data', (chunk: string) => {
          rest += chunk;
        });
        resolve({ status: res.statusCode ?? 0, first, rest: ended, abort: () => req.destroy() });
      });
    });
    req.end(body);
  });
}

describe('gateway acceptance: rejected requests', () => {
  const h = harnessForSuite({ config: { recording: { bodies: 'full' }, limits: { maxBodyBytes: 1024 } } });

  const cases: Array<{ name: string; body: string; key: string | undefined; status: number; account: string }> = [
    { name: 'malformed JSON', body: '{"model": "fake-gpt", "messages": [', key: SECRET, status: 400, account: ACCOUNT },
    { name: 'a JSON array instead of an object', body: '[1,2]', key: SECRET, status: 400, account: ACCOUNT },
    { name: 'a JSON string instead of an object', body: '"hello"', key: SECRET, status: 400, account: ACCOUNT },
    { name: 'a wrong key', body: '{"model":"fake-gpt"}', key: 'sk-not-a-known-key-123', status: 401, account: 'unauthenticated' },
    { name: 'no key at all', body: '{"model":"fake-gpt"}', key: undefined, status: 401, account: 'unauthenticated' },
  ];
  for (const family of ['openai', 'anthropic'] as const) {
    for (const c of cases) {
      it(`answers ${c.name} on ${PATHS[family]} with ${c.status} in the ${family} error format and records it as rejected`, async () => {
        const upstreamBefore = h.upstream!.requests;
        const { result, event } = await oneNewEvent(h, () => send(h.url, PATHS[family], { headers: authHeaders(family, c.key), body: c.body }));
        assert.equal(result.status, c.status);
        assert.match(result.headers.get('content-type') ?? '', /application\/json/);
        assertErrorFormat(family, result.json);
        assert.equal(event.status, c.status);
        assert.equal(event.outcome, 'rejected');
        assert.equal(event.account_id, c.account);
        assert.equal(event.endpoint, PATHS[family]);
        assert.equal(typeof event.error, 'string');
        assert.equal(h.upstream!.requests, upstreamBefore, 'nothing reached the upstream');
      });
    }
  }

  it('refuses a body over limits.maxBodyBytes declared by content-length with 413, and records it', async () => {
    const body = JSON.stringify({ model: 'fake-gpt', messages: [{ role: 'user', content: 'x'.repeat(2000) }] });
    const { result, event } = await oneNewEvent(h, () => send(h.url, PATHS.openai, { headers: authHeaders('openai', SECRET), body }));
    assert.equal(result.status, 413);
    assertErrorFormat('openai', result.json);
    assert.equal(event.status, 413);
    assert.equal(event.outcome, 'rejected');
    assert.equal(event.account_id, ACCOUNT);
  });

  it('refuses a chunked body without content-length once it outgrows the limit, with 413 in the Anthropic format, and records it', async () => {
    const { result, event } = await oneNewEvent(
      h,
      () =>
        new Promise<{ status: number; json: unknown }>((resolve, reject) => {
          const req = httpRequest(`${h.url}/v1/messages`, { method: 'POST', headers: authHeaders('anthropic', SECRET) });
          req.on('error', reject);
          req.on('response', (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
          });
          // Four chunks of 400 bytes: the third crosses the 1024-byte limit.
          let sent = 0;
          const pump = (): void => {
            if (sent === 4 || req.destroyed) return void req.end();
            sent++;
            req.write('x'.repeat(400), () => setTimeout(pump, 5));
          };
          pump();
        }),
    );
    assert.equal(result.status, 413);
    assertErrorFormat('anthropic', result.json);
    assert.equal(at(result.json, 'error', 'type'), 'request_too_large');
    assert.equal(event.status, 413);
    assert.equal(event.outcome, 'rejected');
  });

  it('passes an unknown model to the upstream and records its 200', async () => {
    const { result, event } = await oneNewEvent(h, () => send(h.url, PATHS.openai, { headers: authHeaders('openai', SECRET), body: validBody('openai', 'no-such-model-anywhere') }));
    assert.equal(result.status, 200);
    assert.equal(at(result.json, 'model'), 'no-such-model-anywhere');
    assert.equal(event.model, 'no-such-model-anywhere');
    assert.equal(event.outcome, 'ok');
  });

  const routes: Array<{ method: string; path: string; status: number; family: Family }> = [
    { method: 'POST', path: '/v1/nothing-here', status: 404, family: 'openai' },
    { method: 'POST', path: '/v2/chat/completions', status: 404, family: 'openai' },
    { method: 'POST', path: '/v1/messages/nothing-here', status: 404, family: 'anthropic' },
    { method: 'GET', path: '/v1/chat/completions', status: 405, family: 'openai' },
    { method: 'DELETE', path: '/v1/embeddings', status: 405, family: 'openai' },
    { method: 'GET', path: '/v1/messages', status: 405, family: 'anthropic' },
    { method: 'POST', path: '/v1/models', status: 405, family: 'openai' },
  ];
  for (const r of routes) {
    it(`answers ${r.method} ${r.path} with ${r.status} in the ${r.family} format and records it`, async () => {
      const upstreamBefore = h.upstream!.requests;
      const { result, event } = await oneNewEvent(h, () =>
        send(h.url, r.path, { method: r.method, headers: authHeaders(r.family, SECRET), body: r.method === 'GET' ? undefined : '{}' }),
      );
      assert.equal(result.status, r.status);
      assertErrorFormat(r.family, result.json);
      assert.equal(event.status, r.status);
      assert.equal(event.outcome, 'rejected');
      assert.equal(event.endpoint, r.path);
      assert.equal(h.upstream!.requests, upstreamBefore);
    });
  }

  it('records the socket address as the client IP and ignores X-Forwarded-For when no proxy is trusted', async () => {
    const { event } = await oneNewEvent(h, () =>
      send(h.url, PATHS.openai, { headers: { ...authHeaders('openai', SECRET), 'x-forwarded-for': '203.0.113.7' }, body: validBody('openai', 'fake-gpt') }),
    );
    assert.equal(event.client?.ip, '127.0.0.1');
  });
});

describe('gateway acceptance: upstream failures', () => {
  let h: Harness;
  let down: Harness;
  before(async () => {
    h = await startHarness({ config: { recording: { bodies: 'full' }, limits: { upstreamHeadersTimeoutMs: 300 } } });
    down = await startHarness({ upstreamUrl: `http://127.0.0.1:${await closedPort()}` });
  });
  after(async () => {
    await h.close();
    await down.close();
  });

  for (const family of ['openai', 'anthropic'] as const) {
    it(`answers 502 in the ${family} format when the upstream is down, recorded as upstream_error`, async () => {
      const { result, event } = await oneNewEvent(down, () => send(down.url, PATHS[family], { headers: authHeaders(family, SECRET), body: validBody(family, 'fake-gpt') }));
      assert.equal(result.status, 502);
      assertErrorFormat(family, result.json);
      assert.equal(event.status, 502);
      assert.equal(event.outcome, 'upstream_error');
      assert.equal(event.account_id, ACCOUNT);
      assert.match(event.error ?? '', /DG_UPSTREAM_UNAVAILABLE/);
    });

    it(`answers 504 in the ${family} format when the upstream hangs past upstreamHeadersTimeoutMs, recorded as upstream_timeout`, async () => {
      const started = Date.now();
      const { result, event } = await oneNewEvent(h, () => send(h.url, PATHS[family], { headers: authHeaders(family, SECRET), body: validBody(family, 'fake-hang') }));
      assert.equal(result.status, 504);
      assert.ok(Date.now() - started < 3000, 'the timeout is the configured one');
      assertErrorFormat(family, result.json);
      assert.equal(event.status, 504);
      assert.equal(event.outcome, 'upstream_timeout');
      assert.ok(await until(() => h.upstream!.inFlight === 0, 2000), 'the hung upstream request was abandoned');
    });

    const injected: Array<{ model: string; status: number; retryAfter?: string }> = [
      { model: 'fake-error-429', status: 429, retryAfter: '1' },
      { model: 'fake-error-500', status: 500 },
      { model: 'fake-error-503', status: family === 'anthropic' ? 529 : 503 },
    ];
    for (const e of injected) {
      it(`passes the upstream's ${e.status} for ${e.model} through to the ${family} client with its body${e.retryAfter ? ' and retry-after' : ''}, and records it`, async () => {
        const body = validBody(family, e.model);
        const direct = await send(h.upstream!.url, PATHS[family], { headers: authHeaders(family, 'upstream-key'), body });
        const { result, event } = await oneNewEvent(h, () => send(h.url, PATHS[family], { headers: authHeaders(family, SECRET), body }));
        assert.equal(result.status, e.status);
        assert.equal(result.text, direct.text, 'the body is the upstream one, byte for byte');
        assertErrorFormat(family, result.json);
        assert.equal(result.headers.get('retry-after'), e.retryAfter ?? null);
        assert.equal(event.status, e.status);
        assert.equal(event.outcome, 'ok', 'the upstream answered; the status says how');
        assert.deepEqual(event.response, direct.json);
        assert.equal(event.model, e.model);
      });
    }

    it(`records ${family === 'openai' ? 'an OpenAI' : 'an Anthropic'} stream the upstream cuts halfway as upstream_error, and the client sees a broken response`, async () => {
      const { result, event } = await oneNewEvent(h, async () => {
        try {
          await send(h.url, PATHS[family], { headers: authHeaders(family, SECRET), body: validBody(family, 'fake-cut-stream', { stream: true }) });
          return 'complete';
        } catch {
          return 'broken';
        }
      });
      assert.equal(result, 'broken');
      assert.equal(event.outcome, 'upstream_error');
      assert.equal(event.stream, true);
      assert.equal(event.status, 200, 'the status the client was already sent');
    });
  }

  it('records a plain JSON response the upstream cuts halfway as upstream_error', async () => {
    const { result, event } = await oneNewEvent(h, async () => {
      try {
        await send(h.url, PATHS.openai, { headers: authHeaders('openai', SECRET), body: validBody('openai', 'fake-cut-stream') });
        return 'complete';
      } catch {
        return 'broken';
      }
    });
    assert.equal(result, 'broken');
    assert.equal(event.outcome, 'upstream_error');
  });
});

describe('gateway acceptance: clients that leave and shutdown', () => {
  let h: Harness;
  let draining: Harness;
  before(async () => {
    h = await startHarness({ upstream: { tokensPerSecond: 50, outputTokens: 64 }, config: { recording: { bodies: 'full' } } });
    draining = await startHarness({ upstream: { tokensPerSecond: 50, outputTokens: 20 }, config: { recording: { bodies: 'full' } } });
  });
  after(async () => {
    await h.close();
    await draining.close();
  });

  for (const family of ['openai', 'anthropic'] as const) {
    it(`aborts the upstream request when ${family === 'openai' ? 'an OpenAI' : 'an Anthropic'} client disconnects mid-stream, and records client_aborted`, async () => {
      const { event } = await oneNewEvent(h, async () => {
        const stream = await startStream(h.url, family);
        assert.equal(stream.status, 200);
        assert.ok(h.upstream!.inFlight > 0, 'the upstream is still streaming');
        stream.abort();
        assert.ok(await until(() => h.upstream!.inFlight === 0, 1000), 'the upstream request was aborted within a second');
      });
      assert.equal(event.outcome, 'client_aborted');
      assert.equal(event.stream, true);
      assert.equal(event.account_id, ACCOUNT);
    });
  }

  it('aborts the upstream request and records client_aborted (499) when a client leaves before any response byte', async () => {
    const { event } = await oneNewEvent(h, async () => {
      const body = validBody('openai', 'fake-hang');
      const req = httpRequest(`${h.url}${PATHS.openai}`, { method: 'POST', headers: { ...authHeaders('openai', SECRET), 'content-length': Buffer.byteLength(body) } });
      req.on('error', () => {});
      req.end(body);
      assert.ok(await until(() => h.upstream!.inFlight === 1, 1000), 'the request reached the upstream');
      req.destroy();
      assert.ok(await until(() => h.upstream!.inFlight === 0, 1000), 'the upstream request was aborted');
    });
    assert.equal(event.outcome, 'client_aborted');
    assert.equal(event.status, 499);
    assert.equal(event.model, 'fake-hang');
  });

  it('records client_aborted (499) when a client leaves while its body is still arriving', async () => {
    const upstreamBefore = h.upstream!.requests;
    const { event } = await oneNewEvent(h, async () => {
      const req = httpRequest(`${h.url}${PATHS.anthropic}`, { method: 'POST', headers: { ...authHeaders('anthropic', SECRET), 'content-length': 500 } });
      req.on('error', () => {});
      req.write('{"model": "fake-claude", "messages": [');
      await new Promise((resolve) => setTimeout(resolve, 50));
      req.destroy();
    });
    assert.equal(event.outcome, 'client_aborted');
    assert.equal(event.status, 499);
    assert.equal(event.account_id, ACCOUNT);
    assert.equal(h.upstream!.requests, upstreamBefore, 'nothing reached the upstream');
  });

  it('lets a request in flight at close() finish for the client, records it, and refuses new connections', async () => {
    const stream = await startStream(draining.url, 'openai');
    const closed = draining.closeGateway();
    const ready = await fetch(`${draining.adminUrl}/readyz`);
    assert.equal(ready.status, 503, '/readyz reports draining while the request finishes');
    await ready.body?.cancel();
    const rest = await stream.rest;
    const all = stream.first + rest;
    assert.match(all, /data: \[DONE\]\s*$/, 'the stream reached its end');
    await closed;
    await assert.rejects(fetch(`${draining.url}/v1/models`, { headers: authHeaders('openai', SECRET) }), 'new connections are refused');
    const events = await draining.events();
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event?.outcome, 'ok');
    assert.equal(event?.status, 200);
    assert.equal(typeof at(event?.response, 'choices', 0, 'message', 'content'), 'string');
    assert.equal((at(event?.response, 'choices', 0, 'message', 'content') as string).split(' ').length, 20);
  });
});

describe('gateway acceptance: shutdown with a request that never finishes', () => {
  const h = harnessForSuite({ config: { limits: { drainTimeoutMs: 200 } } });

  it('cuts a request still hanging after limits.drainTimeoutMs, aborts it upstream, and still records it', async () => {
    const body = validBody('openai', 'fake-hang');
    const req = httpRequest(`${h.url}${PATHS.openai}`, { method: 'POST', headers: { ...authHeaders('openai', SECRET), 'content-length': Buffer.byteLength(body) } });
    const clientSaw = new Promise<string>((resolve) => {
      req.on('error', (err) => resolve(`error: ${err.message}`));
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
    });
    req.end(body);
    assert.ok(await until(() => h.upstream!.inFlight === 1, 1000), 'the request reached the upstream');
    const started = Date.now();
    await h.closeGateway();
    assert.ok(Date.now() - started < 2000, 'close() waited about drainTimeoutMs, not for the upstream');
    assert.match(await clientSaw, /^error: /, 'the client sees its connection end');
    assert.equal(h.upstream!.inFlight, 0, 'the upstream request was aborted');
    const events = await h.events();
    assert.equal(events.length, 1);
    assert.notEqual(events[0]?.outcome, 'ok');
    assert.equal(events[0]?.model, 'fake-hang');
  });
});

describe('gateway acceptance: trusted proxies and the admin port', () => {
  const h = harnessForSuite({ config: { client: { trustedProxies: ['127.0.0.1'] } } });

  const forwarded: Array<{ header: string; ip: string }> = [
    { header: '203.0.113.7', ip: '203.0.113.7' },
    { header: '198.51.100.1, 203.0.113.9', ip: '203.0.113.9' },
    { header: '198.51.100.1, 203.0.113.10, 127.0.0.1', ip: '203.0.113.10' },
  ];
  for (const f of forwarded) {
    it(`takes the client IP ${f.ip} from X-Forwarded-For "${f.header}" sent by a trusted proxy`, async () => {
      const { event } = await oneNewEvent(h, () =>
        send(h.url, PATHS.openai, { headers: { ...authHeaders('openai', SECRET), 'x-forwarded-for': f.header }, body: validBody('openai', 'fake-gpt') }),
      );
      assert.equal(event.client?.ip, f.ip);
    });
  }

  it('answers /healthz and /readyz without a token', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(h.adminUrl + path);
      assert.equal(res.status, 200, path);
      await res.body?.cancel();
    }
  });

  it('refuses /metrics without a token and with a wrong one', async () => {
    const none = await fetch(`${h.adminUrl}/metrics`);
    assert.equal(none.status, 401);
    await none.body?.cancel();
    const wrong = await fetch(`${h.adminUrl}/metrics`, { headers: { authorization: 'Bearer not-the-admin-token' } });
    assert.equal(wrong.status, 401);
    await wrong.body?.cancel();
    const key = await fetch(`${h.adminUrl}/metrics`, { headers: { authorization: `Bearer ${SECRET}` } });
    assert.equal(key.status, 401, 'an API key is not an admin token');
    await key.body?.cancel();
  });

  it('serves /metrics with the admin token, counting requests and written events', async () => {
    const ok = await send(h.url, PATHS.openai, { headers: authHeaders('openai', SECRET), body: validBody('openai', 'fake-gpt') });
    assert.equal(ok.status, 200);
    await h.events(); // flush, so that the written counter has moved
    const res = await fetch(`${h.adminUrl}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /^distillguard_requests_total\{endpoint="chat_completions",status="200",outcome="ok"\} [1-9]\d*$/m);
    const written = /^distillguard_events_written_total (\d+)$/m.exec(text);
    assert.ok(written, 'distillguard_events_written_total is exposed');
    assert.ok(Number(written[1]) >= 1);
  });
});

