import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type OpenAI from 'openai';
import { fakeUpstreamForSuite, openAiClientFor } from './testing.ts';

describe('fake upstream: OpenAI completions, embeddings, models', () => {
  const fake = fakeUpstreamForSuite(openAiClientFor, { outputTokens: 12 });

  it('answers legacy completions, plain and streamed identically', async () => {
    const request = { model: 'fake-gpt', prompt: 'Once upon a time' };
    const plain = await fake.client.completions.create(request);
    assert.equal(plain.object, 'text_completion');
    assert.match(plain.id, /^cmpl-/);
    assert.equal(plain.choices[0]?.finish_reason, 'stop');
    assert.equal(plain.usage?.completion_tokens, 12);
    assert.equal(plain.usage?.prompt_tokens, 4);
    let streamed = '';
    let finish: string | undefined;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of await fake.client.completions.create({ ...request, stream: true, stream_options: { include_usage: true } })) {
      assert.equal(chunk.object, 'text_completion');
      streamed += chunk.choices[0]?.text ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    assert.equal(streamed, plain.choices[0]?.text);
    assert.equal(finish, 'stop');
    assert.deepEqual(usage, plain.usage);
  });

  it('returns legacy logprobs and honours max_tokens', async () => {
    const completion = await fake.client.completions.create({ model: 'fake-gpt', prompt: 'x', logprobs: 2, max_tokens: 4 });
    const choice = completion.choices[0];
    assert.equal(choice?.finish_reason, 'length');
    assert.equal(choice?.logprobs?.tokens?.join(''), choice?.text);
    assert.equal(Object.keys(choice?.logprobs?.top_logprobs?.[0] ?? {}).length, 2);
  });

  it('returns deterministic unit-length embeddings: float, and base64 as the SDK requests by default', async () => {
    const asFloat = await fake.client.embeddings.create({ model: 'fake-embedding', input: ['alpha', 'beta'], encoding_format: 'float' });
    assert.equal(asFloat.object, 'list');
    assert.equal(asFloat.data.length, 2);
    const first = asFloat.data[0]?.embedding ?? [];
    assert.equal(first.length, 256);
    const norm = Math.sqrt(first.reduce((sum, value) => sum + value * value, 0));
    assert.ok(Math.abs(norm - 1) < 1e-5);
    assert.notDeepEqual(first, asFloat.data[1]?.embedding);
    // No encoding_format: SDK v6 asks for base64 and decodes it to float32 itself.
    const decoded = await fake.client.embeddings.create({ model: 'fake-embedding', input: ['alpha', 'beta'] });
    assert.deepEqual(Array.from(decoded.data[0]?.embedding ?? []), first);
    const rawBase64 = await fake.client.embeddings.create({ model: 'fake-embedding', input: 'alpha', encoding_format: 'base64' });
    assert.equal(typeof rawBase64.data[0]?.embedding, 'string');
    const sized = await fake.client.embeddings.create({ model: 'fake-embedding', input: 'alpha', dimensions: 64, encoding_format: 'float' });
    assert.equal(sized.data[0]?.embedding.length, 64);
    assert.equal(sized.usage.prompt_tokens, 1);
  });

  it('lists models and retrieves any model by id', async () => {
    const ids: string[] = [];
    for await (const model of fake.client.models.list()) ids.push(model.id);
    assert.ok(ids.includes('fake-gpt') && ids.includes('fake-claude'));
    const model = await fake.client.models.retrieve('anything-goes');
    assert.equal(model.id, 'anything-goes');
    assert.equal(model.object, 'model');
  });
});
