import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEverySplit, fixtureBytes, fixtureJson } from '../testing.ts';
import { responses } from './responses.ts';

const ENDPOINT = { family: 'openai', kind: 'responses', method: 'POST' } as const;
const fixture = (name: string) => fixtureJson(import.meta.url, name);

describe('responses request', () => {
  const req = responses.normalizeRequest(fixture('responses-request.json'), ENDPOINT);

  it('joins instructions and developer items into system', () => {
    assert.equal(req.system, 'You are a careful math tutor.\nShow your work briefly.');
  });

  it('turns items into turns: messages, function calls on the assistant turn, outputs as tool turns', () => {
    assert.deepEqual(req.turns, [
      { role: 'user', text: 'Is 391 prime? Check with the tool.', attachments: 1 },
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_k2P9', name: 'factor', arguments: '{"n":391}' }] },
      { role: 'tool', text: '[17, 23]', toolCallId: 'call_k2P9' },
      { role: 'user', text: 'So?' },
    ]);
  });

  it('reads tools, reasoning and the other parameters', () => {
    assert.deepEqual(req.tools, [
      { name: 'factor', type: 'function', description: 'Prime factors of n' },
      { name: 'web_search', type: 'web_search' },
    ]);
    assert.deepEqual(req.params, {
      temperature: 1, top_p: 1, max_tokens: 2048, reasoning_effort: 'high', include: ['reasoning.encrypted_content'],
      response_format: 'text', tool_choice: 'auto', previous_response_id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
    });
    assert.equal(req.stream, true);
  });

  it('takes a string input as one user turn', () => {
    assert.deepEqual(responses.normalizeRequest({ input: 'hi' }, ENDPOINT).turns, [{ role: 'user', text: 'hi' }]);
  });

  it('notes logprobs asked for through include', () => {
    const r = responses.normalizeRequest({ include: ['message.output_text.logprobs'], top_logprobs: 3 }, ENDPOINT);
    assert.equal(r.params.logprobs, true);
    assert.equal(r.params.top_logprobs, 3);
  });
});

describe('responses response', () => {
  it('reads text, the reasoning summary and usage', () => {
    const res = responses.normalizeResponse(fixture('responses-response.json'));
    assert.equal(res.text, 'No — 391 = 17 × 23, so it is not prime.');
    assert.equal(res.reasoning, '**Checking the factors**\n\n17 × 23 = 391, so it is composite.');
    assert.equal(res.finishReason, 'completed');
    assert.deepEqual(res.usage, { input_tokens: 163, output_tokens: 412, reasoning_tokens: 384, cache_read_tokens: 0 });
  });

  it('gives the incomplete reason as finish reason', () => {
    const res = responses.normalizeResponse({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [] });
    assert.equal(res.finishReason, 'max_output_tokens');
  });
});

describe('responses stream', () => {
  it('returns the response carried by response.completed, whatever the chunk boundaries', () => {
    const expected = fixture('responses-response.json');
    checkEverySplit(() => responses.createStreamAssembler!(), fixtureBytes(import.meta.url, 'responses-stream.sse'), (out, where) => {
      assert.deepEqual(out, expected, where);
    });
  });

  it('rebuilds the items from deltas when the stream is cut before response.completed', () => {
    checkEverySplit(() => responses.createStreamAssembler!(), fixtureBytes(import.meta.url, 'responses-cut-stream.sse'), (out, where) => {
      const body = out as { id: string; status: string; output: Array<Record<string, unknown>> };
      assert.equal(body.id, 'resp_68c0f3cut', where);
      assert.equal(body.status, 'in_progress', where);
      assert.deepEqual(body.output[0], {
        id: 'fc_68c0f3b1', type: 'function_call', status: 'in_progress', arguments: '{"n":391}', call_id: 'call_R7t1', name: 'factor',
      }, where);
      assert.deepEqual(body.output[1]?.['content'], [{ type: 'output_text', annotations: [], logprobs: [], text: 'Let me fac' }], where);
    });
  });

  it('records an error event on a cut stream', () => {
    const assembler = responses.createStreamAssembler!();
    assembler.push(new TextEncoder().encode(
      'event: response.created\ndata: {"type":"response.created","response":{"id":"r","object":"response","status":"in_progress","error":null,"output":[]}}\n\n'
      + 'event: error\ndata: {"type":"error","code":"server_error","message":"boom","param":null,"sequence_number":1}\n\n'));
    assert.deepEqual(assembler.finish(), {
      id: 'r', object: 'response', status: 'failed', error: { code: 'server_error', message: 'boom' }, output: [],
    });
  });
});
