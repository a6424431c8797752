import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { anthropicClientFor, openAiClientFor } from './testing.ts';

const chatRequest = (model: string): OpenAI.ChatCompletionCreateParamsNonStreaming => ({ model, messages: [{ role: 'user', content: 'hi' }] });
const messageRequest = (model: string): Anthropic.MessageCreateParamsNonStreaming => ({ model, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('fake upstream: server behaviour and error injection', () => {
  let upstream: FakeUpstream;
  let openai: OpenAI;
  let anthropic: Anthropic;
  before(async () => {
    upstream = await startFakeUpstream();
    openai = openAiClientFor(upstream.url);
    anthropic = anthropicClientFor(upstream.url);
  });
  after(() => upstream.close());

  it('injects 429 with retry-after, 500 and 503 in the OpenAI format', async () => {
    await assert.rejects(openai.chat.completions.create(chatRequest('fake-error-429')), (error: unknown) => {
      assert.ok(error instanceof OpenAI.RateLimitError);
      assert.equal(error.status, 429);
      assert.equal(error.headers.get('retry-after'), '1');
      assert.equal(error.code, 'rate_limit_exceeded');
      return true;
    });
    await assert.rejects(openai.responses.create({ model: 'fake-error-500', input: 'x' }), (error: unknown) => error instanceof OpenAI.InternalServerError && error.status === 500);
    await assert.rejects(openai.embeddings.create({ model: 'fake-error-503', input: 'x' }), (error: unknown) => error instanceof OpenAI.InternalServerError && error.status === 503);
  });

  it('injects 429, 500 and 529 overloaded in the Anthropic format', async () => {
    await assert.rejects(anthropic.messages.create(messageRequest('fake-error-429')), (error: unknown) => {
      assert.ok(error instanceof Anthropic.RateLimitError);
      assert.equal(error.headers?.get('retry-after'), '1');
      return true;
    });
    await assert.rejects(anthropic.messages.create(messageRequest('fake-error-500')), (error: unknown) => error instanceof Anthropic.InternalServerError && error.status === 500);
    await assert.rejects(anthropic.messages.create(messageRequest('fake-error-503')), (error: unknown) => {
      assert.ok(error instanceof Anthropic.InternalServerError);
      assert.equal(error.status, 529);
      assert.equal(error.type, 'overloaded_error');
      return true;
    });
  });

  it('answers unknown paths with 404 in the caller family format', async () => {
    const openaiMissing = await fetch(`${upstream.url}/v1/nope`, { method: 'POST', body: '{}' });
    assert.equal(openaiMissing.status, 404);
    assert.deepEqual(await openaiMissing.json(), { error: { message: 'Invalid URL (POST /v1/nope)', type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    const anthropicMissing = await fetch(`${upstream.url}/v1/messages/nope`, { method: 'POST', body: '{}' });
    assert.equal(anthropicMissing.status, 404);
    assert.deepEqual(await anthropicMissing.json(), { type: 'error', error: { type: 'not_found_error', message: 'Not Found' } });
    const badJson = await fetch(`${upstream.url}/v1/messages`, { method: 'POST', body: '{"model":' });
    assert.equal(badJson.status, 400);
    const badJsonBody: unknown = await badJson.json();
    assert.ok(typeof badJsonBody === 'object' && badJsonBody !== null && 'type' in badJsonBody && badJsonBody.type === 'error');
  });

  it('cuts a stream halfway: both SDKs surface an error', async () => {
    await assert.rejects(async () => {
      for await (const chunk of await openai.chat.completions.create({ ...chatRequest('fake-cut-stream'), stream: true })) assert.ok(chunk);
    });
    await assert.rejects(anthropic.messages.stream(messageRequest('fake-cut-stream')).finalMessage());
    await assert.rejects(openai.chat.completions.create(chatRequest('fake-cut-stream')));
  });

  it('hangs on fake-hang until the client leaves, then cleans up', async () => {
    const controller = new AbortController();
    const pending = openai.chat.completions.create(chatRequest('fake-hang'), { signal: controller.signal });
    await waitFor(() => upstream.inFlight === 1);
    await sleep(30);
    assert.equal(upstream.inFlight, 1);
    controller.abort();
    await assert.rejects(pending, OpenAI.APIUserAbortError);
    await waitFor(() => upstream.inFlight === 0);
  });

  it('survives a malformed model path and fractional token limits', async () => {
    const models = await fetch(`${upstream.url}/v1/models/%zz`);
    assert.equal(models.status, 200);
    const chat = await openai.chat.completions.create({ ...chatRequest('fake-gpt'), max_tokens: 1.5 });
    assert.equal(chat.choices[0]?.message.content?.split(' ').length, 1);
    const message = await anthropic.messages.create({ ...messageRequest('fake-claude'), max_tokens: 2.7 });
    assert.equal(message.stop_reason, 'max_tokens');
  });

  it('counts requests and keeps connections alive', async () => {
    const before = upstream.requests;
    const response = await fetch(`${upstream.url}/v1/models`);
    assert.equal(response.headers.get('connection'), 'keep-alive');
    assert.match(response.headers.get('keep-alive') ?? '', /timeout=65/);
    assert.ok(response.headers.get('x-request-id'));
    await response.arrayBuffer();
    assert.equal(upstream.requests, before + 1);
  });
});

describe('fake upstream: pacing, latency and shutdown', () => {
  it('delays the first byte by latencyMs and paces streamed tokens', async () => {
    const upstream = await startFakeUpstream({ latencyMs: 60, tokensPerSecond: 200, outputTokens: 20 });
    try {
      const client = openAiClientFor(upstream.url);
      const started = performance.now();
      await client.models.list();
      assert.ok(performance.now() - started >= 55);
      const streamStarted = performance.now();
      let tokens = 0;
      for await (const chunk of await client.chat.completions.create({ ...chatRequest('fake-gpt'), stream: true })) {
        if (chunk.choices[0]?.delta.content) tokens++;
      }
      assert.equal(tokens, 20);
      // 60 ms latency plus 19 pauses of 5 ms.
      assert.ok(performance.now() - streamStarted >= 140);
    } finally {
      await upstream.close();
    }
  });

  it('closes while a paced stream is still running and while a request hangs', async () => {
    const upstream = await startFakeUpstream({ tokensPerSecond: 5 });
    const client = openAiClientFor(upstream.url);
    const outcome = (promise: Promise<unknown>): Promise<string> => promise.then(() => 'answered', () => 'failed');
    const streaming = outcome(
      client.chat.completions.create({ ...chatRequest('fake-gpt'), stream: true }).then(async (stream) => {
        for await (const chunk of stream) assert.ok(chunk);
      }),
    );
    const hanging = outcome(client.chat.completions.create(chatRequest('fake-hang')));
    await waitFor(() => upstream.inFlight === 2);
    await upstream.close();
    assert.equal(upstream.inFlight, 0);
    assert.equal(await streaming, 'failed');
    assert.equal(await hanging, 'failed');
  });
});
