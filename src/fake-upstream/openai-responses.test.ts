import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { fakeUpstreamForSuite, openAiClientFor } from './testing.ts';

const lookupTool = {
  type: 'function' as const,
  name: 'lookup_order',
  description: 'Find an order',
  strict: false,
  parameters: { type: 'object', properties: { order_id: { type: 'string' }, include_items: { type: 'boolean' } }, required: ['order_id'] },
};

describe('fake upstream: OpenAI responses', () => {
  const fake = fakeUpstreamForSuite(openAiClientFor);

  it('answers with a message output item and usage', async () => {
    const response = await fake.client.responses.create({ model: 'fake-gpt', input: 'tell me something' });
    assert.equal(response.object, 'response');
    assert.equal(response.status, 'completed');
    assert.match(response.id, /^resp_/);
    assert.equal(response.output.length, 1);
    const item = response.output[0];
    assert.ok(item?.type === 'message');
    assert.equal(response.output_text.split(' ').length, 32);
    assert.equal(response.usage?.output_tokens, 32);
    assert.equal(response.usage?.input_tokens, 3);
  });

  it('streams the full event sequence with increasing sequence numbers', async () => {
    const request = { model: 'fake-gpt', input: [{ role: 'user' as const, content: 'stream a response' }] };
    const plain = await fake.client.responses.create(request);
    const stream = await fake.client.responses.create({ ...request, stream: true });
    const types: string[] = [];
    let expectedSequence = 0;
    let deltas = '';
    for await (const event of stream) {
      assert.equal(event.sequence_number, expectedSequence++);
      types.push(event.type);
      if (event.type === 'response.output_text.delta') deltas += event.delta;
    }
    const deltaCount = types.filter((type) => type === 'response.output_text.delta').length;
    assert.equal(deltaCount, 32);
    assert.deepEqual(types.filter((type) => type !== 'response.output_text.delta'), [
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    assert.equal(deltas, plain.output_text);
    const final = await fake.client.responses.stream(request).finalResponse();
    const message = final.output[0];
    assert.ok(message?.type === 'message');
    const part = message.content[0];
    assert.equal(part?.type === 'output_text' ? part.text : undefined, plain.output_text);
    assert.equal(final.usage?.output_tokens, 32);
  });

  it('emits a function_call item with streamed argument deltas', async () => {
    const request = { model: 'fake-gpt', tools: [lookupTool], input: 'please use the tool for order 42' };
    const plain = await fake.client.responses.create(request);
    const call = plain.output[0];
    assert.ok(call?.type === 'function_call');
    assert.equal(call.name, 'lookup_order');
    const args: unknown = JSON.parse(call.arguments);
    assert.ok(typeof args === 'object' && args !== null && 'order_id' in args);
    const types: string[] = [];
    let streamedArguments = '';
    const stream = await fake.client.responses.create({ ...request, stream: true });
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.function_call_arguments.delta') streamedArguments += event.delta;
      if (event.type === 'response.function_call_arguments.done') assert.equal(event.arguments, call.arguments);
    }
    assert.ok(types.filter((type) => type === 'response.function_call_arguments.delta').length > 1);
    assert.equal(streamedArguments, call.arguments);
    const answered = await fake.client.responses.create({
      ...request,
      input: [{ role: 'user', content: request.input }, { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments }, { type: 'function_call_output', call_id: call.call_id, output: 'shipped' }],
    });
    assert.equal(answered.output[0]?.type, 'message', 'answers the tool result in text');
    const final = await fake.client.responses.stream(request).finalResponse();
    const finalCall = final.output[0];
    assert.ok(finalCall?.type === 'function_call');
    assert.equal(finalCall.arguments, call.arguments);
  });

  it('adds a reasoning item with a summary before the message, and summary events when streaming', async () => {
    const request = { model: 'fake-reasoner', reasoning: { effort: 'medium' as const, summary: 'auto' as const }, input: 'reason about it' };
    const plain = await fake.client.responses.create(request);
    assert.equal(plain.output.length, 2);
    const reasoning = plain.output[0];
    assert.ok(reasoning?.type === 'reasoning');
    const summary = reasoning.summary[0];
    assert.equal(summary?.type, 'summary_text');
    const reasoningTokens = plain.usage?.output_tokens_details.reasoning_tokens ?? 0;
    assert.ok(reasoningTokens > 0);
    assert.equal(summary?.text.split(' ').length, reasoningTokens);
    assert.equal(plain.usage?.output_tokens, 32 + reasoningTokens);
    assert.equal(plain.output[1]?.type, 'message');
    let summaryText = '';
    const types: string[] = [];
    for await (const event of await fake.client.responses.create({ ...request, stream: true })) {
      types.push(event.type);
      if (event.type === 'response.reasoning_summary_text.delta') summaryText += event.delta;
    }
    assert.equal(summaryText, summary?.text);
    assert.ok(types.indexOf('response.reasoning_summary_part.added') < types.indexOf('response.content_part.added'));
    assert.ok(types.includes('response.reasoning_summary_text.done'));
    assert.ok(types.includes('response.reasoning_summary_part.done'));
  });

  it('reports an incomplete response when max_output_tokens cuts the answer', async () => {
    const response = await fake.client.responses.create({ model: 'fake-gpt', input: 'long answer', max_output_tokens: 16 });
    assert.equal(response.status, 'incomplete');
    assert.equal(response.incomplete_details?.reason, 'max_output_tokens');
    assert.equal(response.usage?.output_tokens, 16);
  });

  it('requires a model', async () => {
    await assert.rejects(fake.client.responses.create({ input: 'x' } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming), OpenAI.BadRequestError);
  });
});
