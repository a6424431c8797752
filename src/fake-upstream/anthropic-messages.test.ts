import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { fakeUpstreamForSuite, anthropicClientFor } from './testing.ts';

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
};

describe('fake upstream: Anthropic messages', () => {
  const fake = fakeUpstreamForSuite(anthropicClientFor);

  it('answers with a text block, end_turn and usage', async () => {
    const message = await fake.client.messages.create({ model: 'fake-claude', max_tokens: 256, messages: [{ role: 'user', content: 'hello claude' }] });
    assert.equal(message.type, 'message');
    assert.match(message.id, /^msg_/);
    assert.equal(message.stop_reason, 'end_turn');
    const block = message.content[0];
    assert.ok(block?.type === 'text');
    assert.equal(block.text.split(' ').length, 32);
    assert.equal(message.usage.output_tokens, 32);
    assert.equal(message.usage.input_tokens, 2);
  });

  it('streams events the SDK accumulates into the same message, ping included', async () => {
    const request = { model: 'fake-claude', max_tokens: 256, system: 'be brief', messages: [{ role: 'user' as const, content: 'stream please' }] };
    const plain = await fake.client.messages.create(request);
    const types: string[] = [];
    for await (const event of await fake.client.messages.create({ ...request, stream: true })) types.push(event.type);
    assert.deepEqual(types.filter((type) => type !== 'content_block_delta'), ['message_start', 'content_block_start', 'content_block_stop', 'message_delta', 'message_stop']);
    assert.equal(types.filter((type) => type === 'content_block_delta').length, 32);
    const final = await fake.client.messages.stream(request).finalMessage();
    assert.deepEqual(final.content, plain.content);
    assert.equal(final.stop_reason, 'end_turn');
    assert.equal(final.usage.output_tokens, plain.usage.output_tokens);
    assert.equal(final.usage.input_tokens, 4);
    const raw = await fetch(`${fake.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ ...request, stream: true }) });
    assert.equal(raw.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(raw.headers.get('cache-control'), 'no-cache');
    assert.ok(raw.headers.get('request-id'));
    assert.match(await raw.text(), /event: ping\ndata: {"type":"ping"}/);
  });

  it('puts a thinking block with a signature before the text', async () => {
    const request = { model: 'fake-claude', max_tokens: 2048, thinking: { type: 'enabled' as const, budget_tokens: 1024 }, messages: [{ role: 'user' as const, content: 'think' }] };
    const plain = await fake.client.messages.create(request);
    const [thinking, text] = plain.content;
    assert.ok(thinking?.type === 'thinking');
    assert.ok(thinking.signature.length > 0);
    assert.ok(text?.type === 'text');
    assert.equal(plain.usage.output_tokens, thinking.thinking.split(' ').length + 32);
    const deltaTypes = new Set<string>();
    for await (const event of await fake.client.messages.create({ ...request, stream: true })) {
      if (event.type === 'content_block_delta') deltaTypes.add(event.delta.type);
    }
    assert.deepEqual([...deltaTypes].sort(), ['signature_delta', 'text_delta', 'thinking_delta']);
    const final = await fake.client.messages.stream(request).finalMessage();
    assert.deepEqual(final.content, plain.content);
  });

  it('uses a tool with input_json_delta pieces and stop_reason tool_use', async () => {
    const request = { model: 'fake-claude', max_tokens: 256, tools: [weatherTool], messages: [{ role: 'user' as const, content: 'use the tool for Rome' }] };
    const plain = await fake.client.messages.create(request);
    assert.equal(plain.stop_reason, 'tool_use');
    const toolUse = plain.content[0];
    assert.ok(toolUse?.type === 'tool_use');
    assert.equal(toolUse.name, 'get_weather');
    assert.match(toolUse.id, /^toolu_/);
    assert.ok(typeof toolUse.input === 'object' && toolUse.input !== null && 'city' in toolUse.input);
    let pieces = 0;
    for await (const event of await fake.client.messages.create({ ...request, stream: true })) {
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') pieces++;
    }
    assert.ok(pieces > 1);
    const final = await fake.client.messages.stream(request).finalMessage();
    const finalToolUse = final.content[0];
    assert.ok(finalToolUse?.type === 'tool_use');
    assert.deepEqual(finalToolUse.input, toolUse.input);
    const forced = await fake.client.messages.create({ ...request, tool_choice: { type: 'any' }, messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(forced.stop_reason, 'tool_use');
    const answered = await fake.client.messages.create({
      ...request,
      messages: [...request.messages, { role: 'assistant', content: plain.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny' }] }],
    });
    assert.equal(answered.stop_reason, 'end_turn', 'answers the tool result in text');
  });

  it('stops with max_tokens when the limit is below the answer length', async () => {
    const message = await fake.client.messages.create({ model: 'fake-claude', max_tokens: 7, messages: [{ role: 'user', content: 'long' }] });
    assert.equal(message.stop_reason, 'max_tokens');
    assert.equal(message.usage.output_tokens, 7);
  });

  it('counts tokens consistently with message usage', async () => {
    const request = { model: 'fake-claude', system: 'system words here', messages: [{ role: 'user' as const, content: 'count these five words please' }] };
    const counted = await fake.client.messages.countTokens(request);
    const message = await fake.client.messages.create({ ...request, max_tokens: 100 });
    assert.equal(counted.input_tokens, 8);
    assert.equal(message.usage.input_tokens, counted.input_tokens);
  });

  it('rejects a request without max_tokens in the Anthropic error format', async () => {
    await assert.rejects(
      fake.client.messages.create({ model: 'fake-claude', messages: [{ role: 'user', content: 'x' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming),
      (error: unknown) => {
        assert.ok(error instanceof Anthropic.BadRequestError);
        assert.equal(error.status, 400);
        assert.match(error.message, /max_tokens/);
        return true;
      },
    );
  });
});
