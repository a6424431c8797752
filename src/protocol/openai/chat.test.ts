import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEverySplit, fixtureBytes, fixtureJson } from '../testing.ts';
import { chatCompletions } from './chat.ts';

const ENDPOINT = { family: 'openai', kind: 'chat_completions', method: 'POST' } as const;
const fixture = (name: string) => fixtureJson(import.meta.url, name);

/**
 * A stream never carries the empty defaults some servers add to a non-streamed message
 * (`annotations: []`, `refusal: null`), so the round trip compares without them.
 */
function withoutEmptyDefaults(body: Record<string, unknown> | undefined): unknown {
  const copy: unknown = structuredClone(body);
  const choices = (copy as { choices?: Array<{ message?: Record<string, unknown> }> } | undefined)?.choices ?? [];
  for (const choice of choices) {
    const message = choice.message;
    if (!message) continue;
    if (Array.isArray(message['annotations']) && message['annotations'].length === 0) delete message['annotations'];
    if (message['refusal'] === null) delete message['refusal'];
  }
  return copy;
}

describe('chat completions request', () => {
  const req = chatCompletions.normalizeRequest(fixture('chat-request.json'), ENDPOINT);

  it('puts developer text in system and keeps the conversation in order', () => {
    assert.equal(req.system, 'You are a concise assistant. Answer in one sentence.');
    assert.deepEqual(req.turns.map((t) => t.role), ['user', 'assistant', 'tool', 'user']);
    assert.equal(req.turns[0]?.text, 'What is shown in this picture, and why does ice float?');
    assert.equal(req.turns[0]?.attachments, 1);
    assert.deepEqual(req.turns[1]?.toolCalls, [{ id: 'call_Vx1mQ3', name: 'lookup_density', arguments: '{"substance":"ice"}' }]);
    assert.equal(req.turns[2]?.toolCallId, 'call_Vx1mQ3');
  });

  it('reads function and custom tools', () => {
    assert.deepEqual(req.tools, [
      { name: 'lookup_density', type: 'function', description: 'Density of a substance at 0 °C' },
      { name: 'sql', type: 'function', description: 'Run a read-only SQL query' },
    ]);
  });

  it('reads the harvesting-relevant parameters', () => {
    assert.equal(req.model, 'gpt-4o-2024-08-06');
    assert.equal(req.stream, true);
    assert.deepEqual(req.params, {
      n: 2, temperature: 0.7, top_p: 0.95, seed: 42, max_tokens: 256, logprobs: true, top_logprobs: 2,
      logit_bias_entries: 2, response_format: 'text', tool_choice: 'auto', stop_sequences: 2, user: 'user-8841',
    });
  });

  const cases: Array<[string, Record<string, unknown>, (r: ReturnType<typeof chatCompletions.normalizeRequest>) => void]> = [
    ['max_tokens when max_completion_tokens is absent', { max_tokens: 9 }, (r) => assert.equal(r.params.max_tokens, 9)],
    ['a single stop string counts 1', { stop: 'x' }, (r) => assert.equal(r.params.stop_sequences, 1)],
    ['tool_choice object gives its type', { tool_choice: { type: 'function', function: { name: 'f' } } }, (r) => assert.equal(r.params.tool_choice, 'function')],
    ['reasoning_effort', { reasoning_effort: 'high' }, (r) => assert.equal(r.params.reasoning_effort, 'high')],
    ['legacy function role becomes a tool turn', { messages: [{ role: 'function', name: 'f', content: 'out' }] }, (r) => assert.deepEqual(r.turns, [{ role: 'tool', text: 'out', toolCallId: 'f' }])],
    ['input_audio and file parts count as attachments', { messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }, { type: 'file', file: {} }] }] }, (r) => assert.equal(r.turns[0]?.attachments, 2)],
    ['assistant refusal joins the turn text', { messages: [{ role: 'assistant', content: null, refusal: 'No.' }] }, (r) => assert.equal(r.turns[0]?.text, 'No.')],
    ['wrongly typed fields read as absent', { model: 3, n: '2', temperature: null, logprobs: 'yes', messages: 'hi', tools: {} }, (r) => {
      assert.equal(r.model, undefined);
      assert.deepEqual(r.params, {});
      assert.deepEqual(r.turns, []);
    }],
    ['unknown roles are skipped', { messages: [{ role: 'narrator', content: 'x' }, { role: 'user', content: 'y' }] }, (r) => assert.equal(r.turns.length, 1)],
  ];
  for (const [name, body, check] of cases) it(name, () => check(chatCompletions.normalizeRequest(body, ENDPOINT)));
});

describe('chat completions response', () => {
  it('joins all choices, notes logprobs and reads usage', () => {
    const res = chatCompletions.normalizeResponse(fixture('chat-response.json'));
    assert.equal(res.text, 'Ice floats because it is lighter than water.\nFrozen water is less dense.');
    assert.equal(res.choices, 2);
    assert.equal(res.logprobs, true);
    assert.equal(res.finishReason, 'stop');
    assert.deepEqual(res.usage, { input_tokens: 118, output_tokens: 15, reasoning_tokens: 0, cache_read_tokens: 64 });
  });

  it('reads tool calls and reasoning_content', () => {
    const tools = chatCompletions.normalizeResponse(fixture('chat-tools-response.json'));
    assert.deepEqual(tools.toolCalls.map((c) => c.arguments), ['{"city": "Paris"}', '{"city": "Tōkyō"}']);
    assert.equal(tools.finishReason, 'tool_calls');
    const reasoning = chatCompletions.normalizeResponse(fixture('chat-reasoning-response.json'));
    assert.equal(reasoning.reasoning, 'The user asks 2+2. That is 4.');
    assert.equal(reasoning.usage?.reasoning_tokens, 22);
  });

  it('usageOf reads only usage', () => {
    assert.deepEqual(chatCompletions.usageOf({ usage: { prompt_tokens: 1, completion_tokens: 2 } }), { input_tokens: 1, output_tokens: 2 });
    assert.equal(chatCompletions.usageOf({ usage: null }), undefined);
  });
});

describe('chat completions stream', () => {
  const pairs: Array<[string, string]> = [
    ['chat-stream.sse', 'chat-response.json'],
    ['chat-tools-stream.sse', 'chat-tools-response.json'],
    ['chat-reasoning-stream.sse', 'chat-reasoning-response.json'],
  ];
  for (const [stream, response] of pairs) {
    it(`assembles ${stream} into ${response}, whatever the chunk boundaries`, () => {
      const expected = withoutEmptyDefaults(fixture(response));
      checkEverySplit(() => chatCompletions.createStreamAssembler!(), fixtureBytes(import.meta.url, stream), (assembled, where) => {
        assert.deepEqual(withoutEmptyDefaults(assembled), expected, where);
      });
    });
  }

  it('keeps a `reasoning` delta under its own name and passes unknown top-level fields through', () => {
    const assembler = chatCompletions.createStreamAssembler!();
    const chunk = (delta: unknown, extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', ...extra, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
    assembler.push(new TextEncoder().encode(chunk({ role: 'assistant', reasoning: 'think' }, { provider: 'vllm' }) + chunk({ content: 'ok' }) + 'data: [DONE]\n\n'));
    const out = assembler.finish() as { provider: unknown; choices: Array<{ message: Record<string, unknown> }> };
    assert.equal(out.provider, 'vllm');
    assert.equal(out.choices[0]?.message['reasoning'], 'think');
    assert.equal(out.choices[0]?.message['content'], 'ok');
  });

  it('gives undefined when nothing parsable arrived', () => {
    const assembler = chatCompletions.createStreamAssembler!();
    assembler.push(new TextEncoder().encode(': hi\n\ndata: not json\n\n'));
    assert.equal(assembler.finish(), undefined);
  });
});
