import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32, randomInt } from '../core/seeded-random.ts';
import { messages } from './anthropic/messages.ts';
import { chatCompletions } from './openai/chat.ts';
import { completions } from './openai/completions.ts';
import { responses } from './openai/responses.ts';
import { DeltaShape, RepeatedDeltas, type TextDelta } from './repeated-deltas.ts';
import { checkEverySplit } from './testing.ts';

const encoder = new TextEncoder();

function chatChunk(text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm',
    choices: [{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }], ...extra,
  });
}

const CHAT_TEXT: TextDelta = { text: ['choices', 0, 'delta', 'content'], ignored: [['obfuscation']], apply() {} };

function shapeOf(data: string, delta: TextDelta = CHAT_TEXT): DeltaShape {
  const shape = DeltaShape.learn(data, JSON.parse(data) as Record<string, unknown>, delta);
  assert.ok(shape, `no shape learned from ${data}`);
  return shape;
}

/** Strings that stress the literal reader: escapes, quotes, backslash runs, surrogates, controls. */
const TRICKY = ['', 'plain', ' "quoted" ', 'back\\slash\\', '\\"', 'tab\tnew\nline', '\u0000', 'é 世界 🎉', '\ud800', '"},{"x":"', '\\\\"'];

function randomText(random: () => number): string {
  const alphabet = ['a', ' ', '"', '\\', '\n', '\u0001', 'é', '🎉', '\ud83c', '/', '}', ',', 'u', '0'];
  let out = '';
  const length = randomInt(random, 8);
  for (let i = 0; i < length; i++) out += alphabet[randomInt(random, alphabet.length)];
  return out;
}

/** A JSON string literal, sometimes written with escapes JSON.stringify would not use, sometimes broken. */
function randomLiteral(random: () => number): string {
  const text = JSON.stringify(randomText(random));
  switch (randomInt(random, 6)) {
    case 0: return text.replace(/a/g, '\\u0061');
    case 1: return text.replace(/\//g, '\\/');
    case 2: return text.slice(0, -1); // unterminated
    case 3: return `"${randomText(random)}"`; // raw, possibly invalid (control characters, lone quotes)
    default: return text;
  }
}

describe('DeltaShape', () => {
  it('reads the text of repeats and refuses anything else', () => {
    const shape = shapeOf(chatChunk('Hello'));
    for (const text of TRICKY) assert.equal(shape.match(chatChunk(text)), text, JSON.stringify(text));
    assert.equal(shape.match(chatChunk('x', { usage: null })), undefined);
    assert.equal(shape.match(chatChunk('x').replace('chatcmpl-1', 'chatcmpl-2')), undefined);
    assert.equal(shape.match(chatChunk('x').replace('"finish_reason":null', '"finish_reason":"stop"')), undefined);
    assert.equal(shape.match(chatChunk('x').replace('"content":"x"', '"content":null')), undefined);
    assert.equal(shape.match(chatChunk('x').replace('"content":"x"', '"content":"x","role":"y"')), undefined);
    assert.equal(shape.match(`${chatChunk('x')} `), undefined);
  });

  it('agrees with JSON.parse on every literal it accepts (random literals, seeded)', () => {
    const shape = shapeOf(chatChunk('Hello', { obfuscation: 'abc' }));
    const template = JSON.parse(chatChunk('', { obfuscation: '' })) as { choices: [{ delta: { content: string } }]; obfuscation: string };
    const random = mulberry32(11);
    let accepted = 0;
    for (let round = 0; round < 5000; round++) {
      const text = randomLiteral(random);
      const padding = randomLiteral(random);
      const data = chatChunk('\u0000T', { obfuscation: '\u0000P' }).replace('"\\u0000T"', () => text).replace('"\\u0000P"', () => padding);
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        parsed = undefined;
      }
      const matched = shape.match(data);
      if (matched === undefined) continue;
      accepted++;
      assert.ok(parsed !== undefined, `accepted what JSON.parse rejects: ${data}`);
      const expected = structuredClone(template);
      expected.choices[0].delta.content = matched;
      expected.obfuscation = (parsed as typeof template).obfuscation;
      assert.deepEqual(parsed, expected, data);
    }
    assert.ok(accepted > 2000, `only ${accepted} accepted`);
  });

  it('skips integer holes, but not fractions or exponents', () => {
    const event = (seq: string, text: string) =>
      `{"type":"response.output_text.delta","sequence_number":${seq},"item_id":"msg_1","output_index":0,"content_index":0,"delta":${JSON.stringify(text)},"logprobs":[]}`;
    const shape = shapeOf(event('4', 'a'), { text: ['delta'], ignored: [['sequence_number'], ['obfuscation']], apply() {} });
    assert.equal(shape.match(event('5', 'b')), 'b');
    assert.equal(shape.match(event('123456', 'c"')), 'c"');
    for (const bad of ['1.5', '1e3', '01', '-', '']) assert.equal(shape.match(event(bad, 'x')), undefined, bad);
  });

  it('learns nothing when the text cannot be located for sure', () => {
    // The same key and value twice: which one is the delta is not knowable from the text alone.
    const twice = '{"a":{"content":"x"},"choices":[{"index":0,"delta":{"content":"x"}}]}';
    assert.equal(DeltaShape.learn(twice, JSON.parse(twice) as Record<string, unknown>, CHAT_TEXT), undefined);
    // Escaped differently from JSON.stringify: not found, so not learned (parsing stays correct).
    const escaped = '{"choices":[{"index":0,"delta":{"content":"\\u00e9"}}]}';
    assert.equal(DeltaShape.learn(escaped, JSON.parse(escaped) as Record<string, unknown>, CHAT_TEXT), undefined);
  });
});

describe('RepeatedDeltas', () => {
  it('applies repeats without parsing once a shape is learned, and stops learning from events that never repeat', () => {
    const applied: string[] = [];
    let described = 0;
    const repeats = new RepeatedDeltas(() => {
      described++;
      return { ...CHAT_TEXT, apply: (text) => applied.push(text) };
    });
    const first = chatChunk('a');
    assert.equal(repeats.tryApply(first), false);
    repeats.learn(first, JSON.parse(first) as Record<string, unknown>);
    assert.equal(repeats.tryApply(chatChunk('b')), true);
    assert.equal(repeats.tryApply(chatChunk('c', { obfuscation: 'zz' })), false);
    assert.deepEqual(applied, ['b']);
    for (let i = 0; i < 10; i++) {
      const unique = chatChunk('x').replace('chatcmpl-1', `chatcmpl-${i + 10}`);
      if (!repeats.tryApply(unique)) repeats.learn(unique, JSON.parse(unique) as Record<string, unknown>);
    }
    assert.ok(described <= 4, `described ${described} events`);
  });
});

/** Streams whose deltas repeat with hostile texts: the assembled text must be exactly their join. */
describe('assemblers with repeated deltas', () => {
  const random = mulberry32(5);
  const texts = [...TRICKY, ...Array.from({ length: 12 }, () => randomText(random))];
  const joined = texts.join('');
  const sse = (events: string[]) => encoder.encode(events.map((e) => `${e}\n\n`).join(''));

  it('chat completions (with obfuscation padding and a mid-stream envelope change)', () => {
    const events = texts.map((t, i) => `data: ${chatChunk(t, { obfuscation: 'p'.repeat(i % 5) })}`);
    events.splice(8, 0, `data: ${chatChunk('', { system_fingerprint: 'fp_late' })}`);
    events.push(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}`, 'data: [DONE]');
    checkEverySplit(() => chatCompletions.createStreamAssembler!(), sse(events), (out, where) => {
      const choice = (out?.['choices'] as { message: { content: string }; finish_reason: string }[])[0]!;
      assert.equal(choice.message.content, joined, where);
      assert.equal(choice.finish_reason, 'stop', where);
      assert.equal(out?.['system_fingerprint'], 'fp_late', where);
    });
  });

  it('legacy completions', () => {
    const events = texts.map((t) => `data: ${JSON.stringify({ id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices: [{ text: t, index: 0, logprobs: null, finish_reason: null }] })}`);
    checkEverySplit(() => completions.createStreamAssembler!(), sse(events), (out, where) => {
      assert.equal((out?.['choices'] as { text: string }[])[0]!.text, joined, where);
    });
  });

  it('Anthropic messages, text and thinking blocks', () => {
    const start = { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'c', usage: { input_tokens: 1, output_tokens: 0 } } };
    const events = [`event: message_start\ndata: ${JSON.stringify(start)}`];
    for (const [index, type, field] of [[0, 'thinking', 'thinking'], [1, 'text', 'text']] as const) {
      events.push(`event: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index, content_block: { type, [field]: '' } })}`);
      for (const t of texts) events.push(`event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index, delta: { type: `${type}_delta`, [field]: t } })}`);
      events.push(`event: content_block_stop\ndata: ${JSON.stringify({ type: 'content_block_stop', index })}`);
    }
    checkEverySplit(() => messages.createStreamAssembler!(), sse(events), (out, where) => {
      assert.deepEqual(out?.['content'], [{ type: 'thinking', thinking: joined }, { type: 'text', text: joined }], where);
    });
  });

  it('Responses, rebuilt from deltas when the stream was cut before response.completed', () => {
    const events = [
      `event: response.created\ndata: ${JSON.stringify({ type: 'response.created', sequence_number: 0, response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] } })}`,
      `event: response.output_item.added\ndata: ${JSON.stringify({ type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { id: 'msg_1', type: 'message', role: 'assistant', content: [] } })}`,
      ...texts.map((t, i) => `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', sequence_number: i + 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: t, logprobs: [], obfuscation: 'x'.repeat(i % 4) })}`),
    ];
    checkEverySplit(() => responses.createStreamAssembler!(), sse(events), (out, where) => {
      const item = (out?.['output'] as { content: { text: string }[] }[])[0]!;
      assert.equal(item.content[0]!.text, joined, where);
    });
  });
});
