/**
 * Adversarial bodies against every endpoint: normalization must not throw, must stay within the caps
 * of limits.ts and must finish in bounded time whatever a client sends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStreamAssembler, endpointOf, MAX_REQUEST_TEXT_CHARS, MAX_TURNS, normalizeRequest, normalizeResponse,
  type Endpoint, type NormalizedRequest,
} from './index.ts';

const ENDPOINTS: Endpoint[] = [
  endpointOf('POST', '/v1/chat/completions')!, endpointOf('POST', '/v1/responses')!, endpointOf('POST', '/v1/completions')!,
  endpointOf('POST', '/v1/embeddings')!, endpointOf('GET', '/v1/models')!, endpointOf('POST', '/v1/messages')!,
  endpointOf('POST', '/v1/messages/count_tokens')!,
];

const MB = 'a'.repeat(1024 * 1024);

function deepArray(depth: number): unknown {
  let value: unknown = [{ type: 'text', text: 'bottom' }];
  for (let i = 0; i < depth; i++) value = [value, { type: 'text', text: 'x' }];
  return value;
}

/** Every list-valued field of every format, filled the same hostile way. */
function everywhere(list: unknown[], text: unknown): Record<string, unknown> {
  return {
    model: 'm', messages: list, input: list, prompt: list, system: list, tools: list, instructions: text, include: list,
    stop: list, stop_sequences: list, logit_bias: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [String(i), 1])),
  };
}

const BODIES: Array<[string, Record<string, unknown>]> = [
  ['10,000 tiny messages', everywhere(Array.from({ length: 10_000 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'hi', type: 'message' })), 'x')],
  ['1 MB strings in every text slot', everywhere(Array.from({ length: 8 }, () => ({
    role: 'user', type: 'message', content: [{ type: 'text', text: MB }, { type: 'input_text', text: MB }], text: MB, name: MB, description: MB,
  })), MB)],
  ['a 1 MB string as the whole content', { messages: [{ role: 'user', content: MB }], input: MB, prompt: MB, system: MB }],
  ['deeply nested content arrays', everywhere([{ role: 'user', type: 'message', content: deepArray(5000) }, { role: 'user', content: [{ type: 'tool_result', content: deepArray(5000) }] }], 'x')],
  ['non-object values where objects belong', everywhere([null, 1, 'x', true, [], [[]], { role: null, content: { text: 5 } }, { role: 'user', content: [null, 7, 'raw', { type: 5 }] }], 42)],
  ['wrong top-level types', { model: {}, messages: {}, input: 5, prompt: {}, tools: 'all', system: 7, temperature: 'hot', n: [], max_tokens: null, stream: 'yes', metadata: 'x', thinking: [], reasoning: 'max', text: 3, response_format: 'json', stream_options: 1 }],
  ['lone surrogates', everywhere([{ role: 'user', type: 'message', content: '\ud800 broken \udfff pair \ud83d' }], '\udc00')],
  ['many content parts', everywhere([{ role: 'user', type: 'message', content: Array.from({ length: 100_000 }, () => ({ type: 'text', text: 't' })) }], 'x')],
  ['many tools and tool calls', {
    tools: Array.from({ length: 50_000 }, (_, i) => ({ type: 'function', name: `f${i}`, function: { name: `f${i}` } })),
    messages: [{ role: 'assistant', tool_calls: Array.from({ length: 50_000 }, () => ({ type: 'function', function: { name: 'f', arguments: '{}' } })), content: Array.from({ length: 50_000 }, () => ({ type: 'tool_use', name: 'f', input: {} })) }],
  }],
];

function textChars(req: NormalizedRequest): number {
  let total = req.system.length;
  for (const turn of req.turns) {
    total += turn.text.length;
    for (const call of turn.toolCalls ?? []) total += call.arguments.length;
  }
  return total;
}

describe('normalizeRequest under adversarial bodies', () => {
  for (const [name, body] of BODIES) {
    it(`${name}: no throw, within caps, fast, on every endpoint`, () => {
      for (const endpoint of ENDPOINTS) {
        const started = performance.now();
        const req = normalizeRequest(endpoint, body);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < 500, `${endpoint.kind} took ${elapsed.toFixed(0)} ms`);
        assert.ok(req.turns.length <= MAX_TURNS, `${endpoint.kind}: ${req.turns.length} turns`);
        // Separators and tool descriptions aside, kept text stays within the request budget.
        assert.ok(textChars(req) <= MAX_REQUEST_TEXT_CHARS + req.turns.length + 1, `${endpoint.kind}: ${textChars(req)} chars`);
        assert.doesNotThrow(() => JSON.stringify(req));
      }
    });
  }

  it('keeps the start of the conversation when there are more than MAX_TURNS messages', () => {
    const body = BODIES[0]![1];
    const req = normalizeRequest(ENDPOINTS[0]!, body);
    assert.equal(req.turns.length, MAX_TURNS);
    assert.equal(req.turns[0]?.role, 'user');
  });

  it('never cuts a surrogate pair in half at the text cap', () => {
    const text = 'a' + '😀'.repeat(MAX_REQUEST_TEXT_CHARS);
    const req = normalizeRequest(ENDPOINTS[0]!, { messages: [{ role: 'user', content: text }] });
    const kept = req.turns[0]!.text;
    assert.ok(kept.length <= MAX_REQUEST_TEXT_CHARS);
    assert.equal(kept, text.slice(0, kept.length));
    assert.ok(!/[\ud800-\udbff]$/.test(kept));
  });
});

describe('normalizeResponse and assemblers under adversarial input', () => {
  it('never throws on hostile response bodies', () => {
    for (const endpoint of ENDPOINTS) {
      for (const [, body] of BODIES) {
        assert.doesNotThrow(() => normalizeResponse(endpoint, { ...body, choices: body['messages'], output: body['messages'], content: body['messages'], usage: 'lots' }));
      }
    }
  });

  it('never throws on garbage SSE', () => {
    const garbage = new TextEncoder().encode(
      'data: {"choices":[null,{"index":"x","delta":5},{"index":0,"delta":{"tool_calls":[null,{"index":0,"function":7}]}}]}\n\n'
      + 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":1}}\n\n'
      + 'data: {"type":"response.output_text.delta","output_index":0,"delta":"x"}\n\n'
      + 'data: {"type":"message_start","message":{"content":5}}\n\n'
      + 'data: \ud800\n\ndata: [DONE]\n\n\xff\xfe\n\n');
    for (const endpoint of ENDPOINTS) {
      const assembler = createStreamAssembler(endpoint);
      assert.doesNotThrow(() => { assembler.push(garbage); assembler.finish(); }, endpoint.kind);
    }
  });
});
