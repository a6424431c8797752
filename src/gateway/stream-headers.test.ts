/**
 * When a streamed response's headers reach the client: at once when the upstream sends them ahead
 * of a slow first token, and together with the first event when both arrive at the same time.
 */
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SECRET, startHarness, type Harness } from './test-harness.ts';

const FIRST_TOKEN_DELAY_MS = 400;
const EVENT = `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: null }] })}\n\n`;

/** An upstream that sends the stream's headers, then (for model "slow") waits before its first event. */
function startUpstream(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const slow = (JSON.parse(body) as { model: string }).model === 'slow';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const rest = () => res.end(`${EVENT}data: [DONE]\n\n`);
      if (slow) {
        res.flushHeaders();
        setTimeout(rest, FIRST_TOKEN_DELAY_MS);
      } else rest();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function streamFrom(base: string, model: string): Promise<{ headersAfterMs: number; body: string; totalMs: number }> {
  const started = performance.now();
  const payload = JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hi' }] });
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res: IncomingMessage) => {
      const headersAfterMs = performance.now() - started;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ headersAfterMs, body, totalMs: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('streamed response headers', () => {
  let upstream: Server;
  let h: Harness;
  before(async () => {
    upstream = await startUpstream();
    h = await startHarness({ upstreamUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
  });
  after(async () => {
    await h.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('reach the client before a slow first token', async () => {
    const { headersAfterMs, body, totalMs } = await streamFrom(h.url, 'slow');
    assert.ok(totalMs >= FIRST_TOKEN_DELAY_MS, `the whole stream took ${totalMs} ms`);
    assert.ok(headersAfterMs < FIRST_TOKEN_DELAY_MS / 2, `headers came after ${headersAfterMs} ms`);
    assert.equal(body, `${EVENT}data: [DONE]\n\n`);
  });

  it('come with the first event when the upstream sent both at once, and the stream is recorded', async () => {
    const { body } = await streamFrom(h.url, 'fast');
    assert.equal(body, `${EVENT}data: [DONE]\n\n`);
    const events = await h.waitForEvents(2);
    const last = events.at(-1)!;
    assert.equal(last.stream, true);
    assert.equal(((last.response?.['choices'] as { message: { content: string } }[])[0]!).message.content, 'hi');
  });
});
