/**
 * Acceptance: the official OpenAI and Anthropic SDKs, pointed at the gateway, work unchanged, and
 * every call they make becomes exactly one valid traffic event that says what the client saw.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { anthropicClientFor, openAiClientFor } from '../fake-upstream/testing.ts';
import { ACCOUNT, ADMIN_TOKEN, API_KEY_ID, SECRET, at, harnessForSuite, oneNewEvent, startHarness, type Harness } from './test-harness.ts';

/** The plain JSON form of what an SDK returned (drops prototypes and non-enumerable helpers). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

const weatherFunction = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};

interface Expected {
  endpoint: string;
  model?: string;
  input?: number;
  output?: number;
}

describe('gateway acceptance: official SDKs through the gateway', () => {
  let h: Harness;
  let openai: OpenAI;
  let anthropic: Anthropic;

  before(async () => {
    h = await startHarness({ config: { recording: { bodies: 'full' } } });
    openai = openAiClientFor(h.url, SECRET);
    anthropic = anthropicClientFor(h.url, SECRET);
  });
  after(async () => {
    // Whatever the tests did, no recorded event may carry a credential.
    const all = await h.events();
    await h.close();
    for (const event of all) {
      const text = JSON.stringify(event);
      assert.ok(!text.includes(SECRET), `event ${event.id} contains the API key secret`);
      assert.ok(!text.includes(ADMIN_TOKEN), `event ${event.id} contains the admin token`);
    }
  });

  /** Runs one SDK call and returns its result with the one event it added, checked against `expected`. */
  async function recorded<T>(expected: Expected, call: () => Promise<T>): Promise<{ result: T; event: TrafficEvent }> {
    const { result, event } = await oneNewEvent(h, call);
    assert.equal(event.account_id, ACCOUNT);
    assert.equal(event.api_key_id, API_KEY_ID);
    assert.equal(event.endpoint, expected.endpoint);
    assert.equal(event.model, expected.model);
    assert.equal(event.status, 200);
    assert.equal(event.outcome, 'ok');
    assert.equal(event.error, undefined);
    assert.equal(event.client?.ip, '127.0.0.1');
    if (expected.input !== undefined) assert.equal(event.usage?.input_tokens, expected.input, 'input tokens as the SDK saw them');
    if (expected.output !== undefined) assert.equal(event.usage?.output_tokens, expected.output, 'output tokens as the SDK saw them');
    const text = JSON.stringify(event);
    assert.ok(!text.includes(SECRET) && !text.includes(ADMIN_TOKEN), 'no credential in the event');
    return { result, event };
  }

  describe('OpenAI chat completions', () => {
    it('records a plain completion whose response equals what the SDK returned', async () => {
      const request = { model: 'fake-gpt', messages: [{ role: 'user' as const, content: 'hello through the gateway' }] };
      const first = await openai.chat.completions.create(request);
      const { result, event } = await recorded(
        { endpoint: '/v1/chat/completions', model: 'fake-gpt', input: first.usage?.prompt_tokens, output: first.usage?.completion_tokens },
        () => openai.chat.completions.create(request),
      );
      assert.equal(result.choices[0]?.message.content?.split(' ').length, 32);
      assert.deepEqual(event.response, plain(result));
      assert.deepEqual(event.request, request);
      assert.equal(event.stream, undefined);
      assert.equal(event.usage?.input_tokens, result.usage?.prompt_tokens);
      assert.equal(event.usage?.output_tokens, result.usage?.completion_tokens);
    });

    it('records a stream iterated with for await as the assembled message the client pieced together', async () => {
      let text = '';
      let usage: OpenAI.CompletionUsage | undefined;
      let id = '';
      let finish: string | null | undefined;
      const { event } = await recorded({ endpoint: '/v1/chat/completions', model: 'fake-gpt' }, async () => {
        const stream = await openai.chat.completions.create({
          model: 'fake-gpt',
          messages: [{ role: 'user', content: 'stream me some words' }],
          stream: true,
          stream_options: { include_usage: true },
        });
        for await (const chunk of stream) {
          id = chunk.id;
          text += chunk.choices[0]?.delta.content ?? '';
          finish = chunk.choices[0]?.finish_reason ?? finish;
          if (chunk.usage) usage = chunk.usage;
        }
      });
      assert.equal(text.split(' ').length, 32);
      assert.equal(event.stream, true);
      assert.equal(at(event.response, 'id'), id);
      assert.equal(at(event.response, 'choices', 0, 'message', 'content'), text);
      assert.equal(at(event.response, 'choices', 0, 'finish_reason'), finish);
      assert.ok(usage, 'the SDK saw usage in the last chunk');
      assert.equal(event.usage?.input_tokens, usage.prompt_tokens);
      assert.equal(event.usage?.output_tokens, usage.completion_tokens);
    });

    it('records a stream read with the .stream() helper as the same completion finalChatCompletion() gives', async () => {
      const { result: final, event } = await recorded({ endpoint: '/v1/chat/completions', model: 'fake-gpt' }, () =>
        openai.chat.completions
          .stream({ model: 'fake-gpt', messages: [{ role: 'user', content: 'use the helper' }], stream_options: { include_usage: true } })
          .finalChatCompletion(),
      );
      assert.equal(event.stream, true);
      assert.equal(at(event.response, 'id'), final.id);
      assert.equal(at(event.response, 'model'), final.model);
      assert.equal(at(event.response, 'choices', 0, 'message', 'content'), final.choices[0]?.message.content);
      assert.equal(at(event.response, 'choices', 0, 'finish_reason'), final.choices[0]?.finish_reason);
      assert.equal(event.usage?.input_tokens, final.usage?.prompt_tokens);
      assert.equal(event.usage?.output_tokens, final.usage?.completion_tokens);
    });

    it('returns a tool call the SDK parses, and records the same call', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/chat/completions', model: 'fake-gpt' }, () =>
        openai.chat.completions.parse({
          model: 'fake-gpt',
          messages: [{ role: 'user', content: 'what is the weather in Paris?' }],
          tools: [{ type: 'function', function: { ...weatherFunction, strict: true } }],
          tool_choice: 'required',
        }),
      );
      const call = result.choices[0]?.message.tool_calls?.[0];
      assert.ok(call?.type === 'function', 'a function tool call came back');
      assert.equal(call.function.name, 'get_weather');
      assert.equal(typeof at(call.function.parsed_arguments, 'city'), 'string', 'the SDK parsed the arguments');
      assert.equal(result.choices[0]?.finish_reason, 'tool_calls');
      assert.deepEqual(at(event.response, 'choices', 0, 'message', 'tool_calls'), plain(result.choices[0]?.message.tool_calls?.map(({ id, type, function: fn }) => ({ id, type, function: { name: fn.name, arguments: fn.arguments } }))));
      assert.equal(event.usage?.input_tokens, result.usage?.prompt_tokens);
      assert.equal(event.usage?.output_tokens, result.usage?.completion_tokens);
    });

    it('records a streamed tool call with the arguments the client assembled', async () => {
      const { result: final, event } = await recorded({ endpoint: '/v1/chat/completions', model: 'fake-gpt' }, () =>
        openai.chat.completions
          .stream({
            model: 'fake-gpt',
            messages: [{ role: 'user', content: 'call the tool for Rome' }],
            tools: [{ type: 'function', function: weatherFunction }],
            tool_choice: 'required',
            stream_options: { include_usage: true },
          })
          .finalChatCompletion(),
      );
      const call = final.choices[0]?.message.tool_calls?.[0];
      assert.ok(call?.type === 'function');
      assert.equal(at(event.response, 'choices', 0, 'message', 'tool_calls', 0, 'id'), call.id);
      assert.equal(at(event.response, 'choices', 0, 'message', 'tool_calls', 0, 'function', 'name'), call.function.name);
      assert.equal(at(event.response, 'choices', 0, 'message', 'tool_calls', 0, 'function', 'arguments'), call.function.arguments);
      assert.equal(event.usage?.output_tokens, final.usage?.completion_tokens);
    });
  });

  describe('OpenAI responses', () => {
    it('records a plain response with its output items', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/responses', model: 'fake-gpt' }, () =>
        openai.responses.create({ model: 'fake-gpt', input: 'tell me something' }),
      );
      assert.equal(result.output_text.split(' ').length, 32);
      assert.equal(at(event.response, 'id'), result.id);
      assert.deepEqual(at(event.response, 'output'), plain(result.output));
      assert.equal(at(event.response, 'output', 0, 'content', 0, 'text'), result.output_text);
      assert.equal(event.usage?.input_tokens, result.usage?.input_tokens);
      assert.equal(event.usage?.output_tokens, result.usage?.output_tokens);
    });

    it('records a stream iterated with for await as the completed response', async () => {
      let deltas = '';
      let completed: OpenAI.Responses.Response | undefined;
      const { event } = await recorded({ endpoint: '/v1/responses', model: 'fake-gpt' }, async () => {
        const stream = await openai.responses.create({ model: 'fake-gpt', input: 'stream a response', stream: true });
        for await (const item of stream) {
          if (item.type === 'response.output_text.delta') deltas += item.delta;
          if (item.type === 'response.completed') completed = item.response;
        }
      });
      assert.ok(completed, 'the stream ended with response.completed');
      assert.equal(event.stream, true);
      assert.equal(at(event.response, 'id'), completed.id);
      assert.equal(at(event.response, 'output', 0, 'content', 0, 'text'), deltas);
      assert.equal(event.usage?.input_tokens, completed.usage?.input_tokens);
      assert.equal(event.usage?.output_tokens, completed.usage?.output_tokens);
    });

    it('records a stream read with responses.stream() as the response finalResponse() gives', async () => {
      const { result: final, event } = await recorded({ endpoint: '/v1/responses', model: 'fake-gpt' }, () =>
        openai.responses.stream({ model: 'fake-gpt', input: [{ role: 'user', content: 'stream with the helper' }] }).finalResponse(),
      );
      assert.equal(event.stream, true);
      assert.equal(at(event.response, 'id'), final.id);
      // finalResponse() does not fill the output_text convenience field: read the message item.
      const text = at(final.output, 0, 'content', 0, 'text');
      assert.equal(typeof text, 'string');
      assert.equal(at(event.response, 'output', 0, 'id'), at(final.output, 0, 'id'));
      assert.equal(at(event.response, 'output', 0, 'content', 0, 'text'), text);
      assert.equal(event.usage?.output_tokens, final.usage?.output_tokens);
    });

    it('records a function_call output item as the SDK returned it', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/responses', model: 'fake-gpt' }, () =>
        openai.responses.create({
          model: 'fake-gpt',
          input: 'please use the tool for Oslo',
          tools: [{ type: 'function', ...weatherFunction, strict: true }],
          tool_choice: 'required',
        }),
      );
      const call = result.output[0];
      assert.ok(call?.type === 'function_call');
      assert.equal(call.name, 'get_weather');
      assert.equal(typeof at(JSON.parse(call.arguments) as unknown, 'city'), 'string');
      assert.deepEqual(at(event.response, 'output'), plain(result.output));
      assert.equal(event.usage?.output_tokens, result.usage?.output_tokens);
    });
  });

  describe('OpenAI embeddings and models', () => {
    it('records embeddings whose base64 vectors decode to the floats the SDK returned', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/embeddings', model: 'fake-embedding' }, () =>
        openai.embeddings.create({ model: 'fake-embedding', input: ['first text', 'second text'] }),
      );
      assert.equal(result.data.length, 2);
      assert.equal(event.usage?.input_tokens, result.usage.prompt_tokens);
      for (const [index, item] of result.data.entries()) {
        const recorded = at(event.response, 'data', index, 'embedding');
        // The SDK asks for base64 and decodes it; the event keeps the wire form.
        const floats = typeof recorded === 'string' ? Array.from(new Float32Array(new Uint8Array(Buffer.from(recorded, 'base64')).buffer)) : recorded;
        assert.deepEqual(floats, item.embedding);
      }
    });

    it('records the models list with the ids the SDK listed', async () => {
      const { result: ids, event } = await recorded({ endpoint: '/v1/models' }, async () => {
        const listed: string[] = [];
        for await (const model of openai.models.list()) listed.push(model.id);
        return listed;
      });
      assert.ok(ids.includes('fake-gpt'));
      assert.deepEqual((at(event.response, 'data') as Array<{ id: string }>).map((m) => m.id), ids);
      assert.equal(event.usage, undefined);
    });

    it('records a model retrieval under the model it asked about', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/models/fake-gpt', model: 'fake-gpt' }, () => openai.models.retrieve('fake-gpt'));
      assert.equal(result.id, 'fake-gpt');
      assert.deepEqual(event.response, plain(result));
    });
  });

  describe('Anthropic messages', () => {
    it('records a plain message whose response equals what the SDK returned', async () => {
      const request = { model: 'fake-claude', max_tokens: 256, messages: [{ role: 'user' as const, content: 'hello claude' }] };
      const { result, event } = await recorded({ endpoint: '/v1/messages', model: 'fake-claude' }, () => anthropic.messages.create(request));
      assert.equal(result.stop_reason, 'end_turn');
      assert.deepEqual(event.response, plain(result));
      assert.deepEqual(event.request, request);
      assert.equal(event.usage?.input_tokens, result.usage.input_tokens);
      assert.equal(event.usage?.output_tokens, result.usage.output_tokens);
    });

    it('records a messages.stream() as the message finalMessage() gives', async () => {
      let text = '';
      const { result: final, event } = await recorded({ endpoint: '/v1/messages', model: 'fake-claude' }, () =>
        anthropic.messages
          .stream({ model: 'fake-claude', max_tokens: 256, system: 'be brief', messages: [{ role: 'user', content: 'stream please' }] })
          .on('text', (delta) => {
            text += delta;
          })
          .finalMessage(),
      );
      assert.equal(event.stream, true);
      assert.equal(at(event.response, 'id'), final.id);
      assert.deepEqual(at(event.response, 'content'), plain(final.content));
      assert.equal(at(event.response, 'content', 0, 'text'), text);
      assert.equal(at(event.response, 'stop_reason'), final.stop_reason);
      assert.equal(event.usage?.input_tokens, final.usage.input_tokens);
      assert.equal(event.usage?.output_tokens, final.usage.output_tokens);
    });

    it('records extended thinking, plain and streamed, with the thinking block and its signature', async () => {
      const request = {
        model: 'fake-claude',
        max_tokens: 2048,
        thinking: { type: 'enabled' as const, budget_tokens: 1024 },
        messages: [{ role: 'user' as const, content: 'think it over' }],
      };
      const { result, event } = await recorded({ endpoint: '/v1/messages', model: 'fake-claude' }, () => anthropic.messages.create(request));
      assert.equal(result.content[0]?.type, 'thinking');
      assert.deepEqual(event.response, plain(result));
      assert.equal(event.usage?.output_tokens, result.usage.output_tokens);

      const streamed = await recorded({ endpoint: '/v1/messages', model: 'fake-claude' }, () => anthropic.messages.stream(request).finalMessage());
      const [thinking, text] = streamed.result.content;
      assert.ok(thinking?.type === 'thinking' && thinking.signature.length > 0);
      assert.ok(text?.type === 'text');
      assert.deepEqual(at(streamed.event.response, 'content'), plain(streamed.result.content));
      assert.deepEqual(streamed.result.content, result.content, 'streamed and plain answers agree');
      assert.equal(streamed.event.usage?.output_tokens, streamed.result.usage.output_tokens);
    });

    it('records count_tokens with the input tokens the SDK was told', async () => {
      const { result, event } = await recorded({ endpoint: '/v1/messages/count_tokens', model: 'fake-claude' }, () =>
        anthropic.messages.countTokens({ model: 'fake-claude', messages: [{ role: 'user', content: 'count these four words' }] }),
      );
      assert.equal(result.input_tokens, 4);
      assert.equal(event.usage?.input_tokens, result.input_tokens);
      assert.deepEqual(event.response, plain(result));
    });
  });
});

describe('gateway acceptance: default excerpts recording', () => {
  const h = harnessForSuite({ config: { recording: { excerptChars: 24 } } });

  it('keeps excerpts of request and response text plus the sha256 of the request body as sent', async () => {
    const longPrompt = `please summarise this long and detailed prompt ${'about many things '.repeat(20)}`;
    const body = JSON.stringify({ model: 'fake-gpt', messages: [{ role: 'user', content: longPrompt }] });
    const res = await fetch(`${h.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body,
    });
    assert.equal(res.status, 200);
    const answer = (await res.json()) as { choices: Array<{ message: { content: string } }>; usage: { prompt_tokens: number; completion_tokens: number } };
    const content = answer.choices[0]!.message.content;
    assert.ok(content.length > 24);

    const [event] = await h.events();
    assert.ok(event);
    assert.deepEqual(validateTrafficEvent(event), []);
    assert.equal(event.redaction?.mode, 'excerpts');
    assert.equal(event.redaction?.excerpt_chars, 24);
    assert.equal(event.redaction?.request_sha256, createHash('sha256').update(body).digest('hex'));
    assert.match(event.redaction?.response_sha256 ?? '', /^[0-9a-f]{64}$/);
    const recordedPrompt = at(event.request, 'messages', 0, 'content');
    assert.equal(typeof recordedPrompt, 'string');
    assert.notEqual(recordedPrompt, longPrompt);
    assert.ok((recordedPrompt as string).startsWith(longPrompt.slice(0, 24)), 'the request keeps an excerpt of the prompt');
    const recordedAnswer = at(event.response, 'choices', 0, 'message', 'content');
    assert.ok(typeof recordedAnswer === 'string' && recordedAnswer.startsWith(content.slice(0, 24)) && recordedAnswer !== content);
    assert.equal(at(event.request, 'model'), 'fake-gpt', 'short fields such as the model stay whole');
    assert.equal(event.usage?.input_tokens, answer.usage.prompt_tokens, 'usage is exact even when bodies are excerpted');
    assert.equal(event.usage?.output_tokens, answer.usage.completion_tokens);
    assert.ok(!JSON.stringify(event).includes(SECRET));
  });
});
