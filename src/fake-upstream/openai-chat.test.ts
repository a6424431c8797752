import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { fakeUpstreamForSuite, openAiClientFor } from './testing.ts';

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' }, unit: { type: 'string', enum: ['c', 'f'] } }, required: ['city'] },
  },
};

describe('fake upstream: OpenAI chat completions', () => {
  const fake = fakeUpstreamForSuite(openAiClientFor);

  it('answers a plain completion with consistent usage', async () => {
    const completion = await fake.client.chat.completions.create({ model: 'fake-gpt', messages: [{ role: 'user', content: 'hello there friend' }] });
    assert.equal(completion.object, 'chat.completion');
    assert.match(completion.id, /^chatcmpl-/);
    const choice = completion.choices[0];
    assert.ok(choice);
    assert.equal(choice.finish_reason, 'stop');
    assert.equal(choice.message.role, 'assistant');
    assert.equal(choice.message.content?.split(' ').length, 32);
    assert.equal(completion.usage?.completion_tokens, 32);
    assert.equal(completion.usage?.prompt_tokens, 3);
    assert.equal(completion.usage?.total_tokens, 35);
  });

  it('is deterministic for the same body and varies with the prompt', async () => {
    const request = { model: 'fake-gpt', messages: [{ role: 'user' as const, content: 'same question' }] };
    const first = await fake.client.chat.completions.create(request);
    const second = await fake.client.chat.completions.create(request);
    assert.deepEqual(first, second);
    const other = await fake.client.chat.completions.create({ ...request, messages: [{ role: 'user', content: 'another question' }] });
    assert.notEqual(other.choices[0]?.message.content, first.choices[0]?.message.content);
  });

  it('streams chunks the SDK accumulates into the same answer, with a usage chunk', async () => {
    const request = { model: 'fake-gpt', messages: [{ role: 'user' as const, content: 'stream this' }] };
    const plain = await fake.client.chat.completions.create(request);
    const stream = await fake.client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let contentChunks = 0;
    let usageChunk: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        contentChunks++;
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usageChunk = chunk.usage;
    }
    assert.equal(text, plain.choices[0]?.message.content);
    assert.equal(finish, 'stop');
    assert.equal(usageChunk?.completion_tokens, contentChunks);
    const helper = fake.client.chat.completions.stream(request);
    const final = await helper.finalChatCompletion();
    assert.equal(final.choices[0]?.message.content, text);
  });

  it('returns n choices, streamed too', async () => {
    const request = { model: 'fake-gpt', n: 3, messages: [{ role: 'user' as const, content: 'three please' }] };
    const plain = await fake.client.chat.completions.create(request);
    assert.equal(plain.choices.length, 3);
    assert.notEqual(plain.choices[0]?.message.content, plain.choices[1]?.message.content);
    const final = await fake.client.chat.completions.stream(request).finalChatCompletion();
    assert.deepEqual(final.choices.map((choice) => choice.message.content), plain.choices.map((choice) => choice.message.content));
  });

  it('calls a tool when asked to, with JSON arguments, plain and streamed', async () => {
    const request = { model: 'fake-gpt', tools: [weatherTool], messages: [{ role: 'user' as const, content: 'Use the tool for Paris' }] };
    const plain = await fake.client.chat.completions.create(request);
    const choice = plain.choices[0];
    assert.equal(choice?.finish_reason, 'tool_calls');
    const call = choice?.message.tool_calls?.[0];
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.name, 'get_weather');
    const args: unknown = JSON.parse(call.function.arguments);
    assert.ok(typeof args === 'object' && args !== null && 'city' in args && 'days' in args);
    const final = await fake.client.chat.completions.stream(request).finalChatCompletion();
    const streamedCall = final.choices[0]?.message.tool_calls?.[0];
    assert.ok(streamedCall && streamedCall.type === 'function');
    assert.equal(streamedCall.function.arguments, call.function.arguments);
    assert.match(streamedCall.id, /^call_/);
    assert.equal(final.choices[0]?.finish_reason, 'tool_calls');
  });

  it('honours tool_choice: required forces, none suppresses', async () => {
    const forced = await fake.client.chat.completions.create({ model: 'fake-gpt', tools: [weatherTool], tool_choice: 'required', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(forced.choices[0]?.finish_reason, 'tool_calls');
    const named = await fake.client.chat.completions.create({ model: 'fake-gpt', tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(named.choices[0]?.finish_reason, 'tool_calls');
    const suppressed = await fake.client.chat.completions.create({ model: 'fake-gpt', tools: [weatherTool], tool_choice: 'none', messages: [{ role: 'user', content: 'use the tool' }] });
    assert.equal(suppressed.choices[0]?.finish_reason, 'stop');
    const auto = await fake.client.chat.completions.create({ model: 'fake-gpt', tools: [weatherTool], messages: [{ role: 'user', content: 'just chat' }] });
    assert.equal(auto.choices[0]?.finish_reason, 'stop');
    const call = forced.choices[0]?.message.tool_calls?.[0];
    assert.ok(call);
    const afterResult = await fake.client.chat.completions.create({
      model: 'fake-gpt',
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'use the tool' }, forced.choices[0]?.message ?? { role: 'assistant', content: null }, { role: 'tool', tool_call_id: call.id, content: 'sunny' }],
    });
    assert.equal(afterResult.choices[0]?.finish_reason, 'stop', 'answers the tool result in text');
  });

  it('returns logprobs with top_logprobs, plain and streamed', async () => {
    const request = { model: 'fake-gpt', logprobs: true, top_logprobs: 3, messages: [{ role: 'user' as const, content: 'probabilities' }] };
    const plain = await fake.client.chat.completions.create(request);
    const content = plain.choices[0]?.logprobs?.content;
    assert.equal(content?.length, 32);
    const firstToken = content?.[0];
    assert.ok(firstToken);
    assert.equal(firstToken.top_logprobs.length, 3);
    assert.deepEqual(firstToken.bytes, Array.from(Buffer.from(firstToken.token)));
    assert.equal(content?.map((entry) => entry.token).join(''), plain.choices[0]?.message.content);
    const final = await fake.client.chat.completions.stream(request).finalChatCompletion();
    assert.deepEqual(final.choices[0]?.logprobs?.content, content);
  });

  it('carries reasoning_content when reasoning_effort is set, streamed before the content', async () => {
    const request = { model: 'fake-reasoner', reasoning_effort: 'low' as const, messages: [{ role: 'user' as const, content: 'think first' }] };
    const plain = await fake.client.chat.completions.create(request);
    const message: unknown = plain.choices[0]?.message;
    assert.ok(typeof message === 'object' && message !== null && 'reasoning_content' in message && typeof message.reasoning_content === 'string');
    const reasoning = message.reasoning_content;
    const reasoningTokens = plain.usage?.completion_tokens_details?.reasoning_tokens ?? 0;
    assert.ok(reasoningTokens > 0);
    assert.equal(reasoning.split(' ').length, reasoningTokens);
    assert.equal(plain.usage?.completion_tokens, 32 + reasoningTokens);
    const stream = await fake.client.chat.completions.create({ ...request, stream: true });
    let streamedReasoning = '';
    let sawContentBeforeReasoningEnded = false;
    let sawContent = false;
    for await (const chunk of stream) {
      const delta: unknown = chunk.choices[0]?.delta;
      if (typeof delta !== 'object' || delta === null) continue;
      if ('reasoning_content' in delta && typeof delta.reasoning_content === 'string') {
        streamedReasoning += delta.reasoning_content;
        if (sawContent) sawContentBeforeReasoningEnded = true;
      }
      if ('content' in delta && typeof delta.content === 'string' && delta.content !== '') sawContent = true;
    }
    assert.equal(streamedReasoning, reasoning);
    assert.equal(sawContentBeforeReasoningEnded, false);
  });

  it('stops with finish_reason length when max_tokens is below the answer length', async () => {
    const completion = await fake.client.chat.completions.create({ model: 'fake-gpt', max_tokens: 5, messages: [{ role: 'user', content: 'long' }] });
    assert.equal(completion.choices[0]?.finish_reason, 'length');
    assert.equal(completion.usage?.completion_tokens, 5);
  });

  it('rejects missing fields and malformed JSON with 400 in the OpenAI error format', async () => {
    await assert.rejects(fake.client.chat.completions.create({ model: 'fake-gpt' } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming), (error: unknown) => {
      assert.ok(error instanceof OpenAI.BadRequestError);
      assert.equal(error.status, 400);
      assert.equal(error.param, 'messages');
      return true;
    });
    const response = await fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } });
    assert.equal(response.status, 400);
    const body: unknown = await response.json();
    assert.ok(typeof body === 'object' && body !== null && 'error' in body);
  });
});
