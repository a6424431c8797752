import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEverySplit, fixtureBytes, fixtureJson } from '../testing.ts';
import { messages } from './messages.ts';

const ENDPOINT = { family: 'anthropic', kind: 'messages', method: 'POST' } as const;
const fixture = (name: string) => fixtureJson(import.meta.url, name);
const encoder = new TextEncoder();

function events(...list: Array<Record<string, unknown>>): Uint8Array {
  return encoder.encode(list.map((e) => `event: ${String(e['type'])}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
}

describe('messages request', () => {
  const req = messages.normalizeRequest(fixture('messages-request.json'), ENDPOINT);

  it('joins system blocks and splits tool results into tool turns', () => {
    assert.equal(req.system, 'You are a meticulous research assistant.\nCite sources.');
    assert.deepEqual(req.turns, [
      { role: 'user', text: 'Summarise this paper and check the weather in Paris.', attachments: 2 },
      {
        role: 'assistant', text: 'Let me check the weather.',
        toolCalls: [{ id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', arguments: '{"location":"Paris, FR","unit":"celsius"}' }],
      },
      { role: 'tool', text: '15 °C, light rain', toolCallId: 'toolu_01A09q90qw90lq917835lq9' },
      { role: 'user', text: 'Also: is it good for a walk?' },
    ]);
  });

  it('tells custom tools from server tools', () => {
    assert.deepEqual(req.tools, [
      { name: 'get_weather', type: 'function', description: 'Current weather for a location' },
      { name: 'web_search', type: 'web_search_20250305' },
    ]);
  });

  it('reads the parameters, metadata.user_id as user', () => {
    assert.equal(req.stream, true);
    assert.deepEqual(req.params, {
      max_tokens: 4096, temperature: 1, top_k: 40, thinking_budget: 2048, stop_sequences: 1, tool_choice: 'auto', user: 'acct-5521',
    });
  });

  it('takes a string system and string content, and ignores disabled thinking', () => {
    const r = messages.normalizeRequest({ system: 'S', messages: [{ role: 'user', content: 'hi' }], thinking: { type: 'disabled' } }, ENDPOINT);
    assert.equal(r.system, 'S');
    assert.deepEqual(r.turns, [{ role: 'user', text: 'hi' }]);
    assert.equal(r.params.thinking_budget, undefined);
  });

  it('keeps a tool result given as a string', () => {
    const r = messages.normalizeRequest({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'done', is_error: true }] }] }, ENDPOINT);
    assert.deepEqual(r.turns, [{ role: 'tool', text: 'done', toolCallId: 't' }]);
  });
});

describe('messages response', () => {
  it('separates text, thinking and tool use; leaves reasoning_tokens unreported', () => {
    const res = messages.normalizeResponse(fixture('messages-response.json'));
    assert.equal(res.text, '15 °C with light rain — fine for a short walk if you bring an umbrella ☔.');
    assert.equal(res.reasoning, 'The tool says 15 °C and light rain. A walk is fine with an umbrella.');
    assert.deepEqual(res.toolCalls, [{ id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '{"location":"Paris, FR","unit":"celsius"}' }]);
    assert.equal(res.finishReason, 'tool_use');
    assert.deepEqual(res.usage, { input_tokens: 2095, output_tokens: 187, cache_read_tokens: 1536, cache_write_tokens: 0 });
    assert.equal(res.choices, 1);
  });
});

describe('messages stream', () => {
  it('assembles the stream into the non-stream message, whatever the chunk boundaries', () => {
    const expected = fixture('messages-response.json');
    checkEverySplit(() => messages.createStreamAssembler!(), fixtureBytes(import.meta.url, 'messages-stream.sse'), (out, where) => {
      assert.deepEqual(out, expected, where);
    });
  });

  it('keeps {} as the input of a tool_use whose JSON was cut, without throwing', () => {
    const assembler = messages.createStreamAssembler!();
    assembler.push(events(
      { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'f', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"a": [1, ' } },
    ));
    const out = assembler.finish() as { content: Array<Record<string, unknown>>; stop_reason: unknown; usage: unknown };
    assert.deepEqual(out.content, [{ type: 'tool_use', id: 't', name: 'f', input: {} }]);
    assert.equal(out.stop_reason, null);
    assert.deepEqual(out.usage, { input_tokens: 5, output_tokens: 1 });
  });

  it('collects citations deltas and ignores ping and error events', () => {
    const assembler = messages.createStreamAssembler!();
    const citation = { type: 'char_location', cited_text: 'x', document_index: 0, start_char_index: 0, end_char_index: 1 };
    assembler.push(events(
      { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } } },
      { type: 'ping' },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: [] } },
      { type: 'content_block_delta', index: 0, delta: { type: 'citations_delta', citation } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    ));
    const out = assembler.finish() as { content: unknown[] };
    assert.deepEqual(out.content, [{ type: 'text', text: 'x', citations: [citation] }]);
  });

  it('gives undefined without a message_start', () => {
    const assembler = messages.createStreamAssembler!();
    assembler.push(events({ type: 'ping' }));
    assert.equal(assembler.finish(), undefined);
  });
});
