import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEverySplit, fixtureBytes, fixtureJson } from '../testing.ts';
import { completions } from './completions.ts';

const ENDPOINT = { family: 'openai', kind: 'completions', method: 'POST' } as const;
const fixture = (name: string) => fixtureJson(import.meta.url, name);

describe('completions request', () => {
  it('joins a batch of prompts into one user turn and counts them', () => {
    const req = completions.normalizeRequest(fixture('completions-request.json'), ENDPOINT);
    assert.deepEqual(req.turns, [{ role: 'user', text: 'Q: Capital of France?\nA:\nQ: Capital of Japan?\nA:' }]);
    assert.deepEqual(req.params, {
      n: 3, temperature: 0, max_tokens: 16, logprobs: true, top_logprobs: 2, logit_bias_entries: 1, stop_sequences: 1,
      echo: false, inputs: 2, user: 'user-8841',
    });
  });

  const prompts: Array<[string, unknown, string | undefined]> = [
    ['a string', 'hello', 'hello'],
    ['token ids', [15496, 995], ''],
    ['arrays of token ids', [[1, 2], [3]], ''],
    ['nothing', undefined, undefined],
    ['a number', 5, undefined],
  ];
  for (const [name, prompt, text] of prompts) {
    it(`reads a prompt given as ${name}`, () => {
      assert.equal(completions.normalizeRequest({ prompt }, ENDPOINT).turns[0]?.text, text);
    });
  }
});

describe('completions response and stream', () => {
  it('reads choices and usage', () => {
    const res = completions.normalizeResponse(fixture('completions-response.json'));
    assert.equal(res.text, ' Paris\n Tokyo.');
    assert.equal(res.choices, 2);
    assert.equal(res.logprobs, true);
    assert.deepEqual(res.usage, { input_tokens: 16, output_tokens: 3 });
  });

  it('assembles the stream into the non-stream body, whatever the chunk boundaries', () => {
    const expected = fixture('completions-response.json');
    checkEverySplit(() => completions.createStreamAssembler!(), fixtureBytes(import.meta.url, 'completions-stream.sse'), (out, where) => {
      assert.deepEqual(out, expected, where);
    });
  });
});
