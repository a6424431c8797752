import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EMBEDDING_INPUTS } from '../limits.ts';
import { fixtureJson } from '../testing.ts';
import { embeddings } from './embeddings.ts';

const ENDPOINT = { family: 'openai', kind: 'embeddings', method: 'POST' } as const;

describe('embeddings', () => {
  it('makes one user turn per input and reads the parameters', () => {
    const req = embeddings.normalizeRequest(fixtureJson(import.meta.url, 'embeddings-request.json'), ENDPOINT);
    assert.deepEqual(req.turns.map((t) => t.text), ['The food was delicious and the waiter was friendly.', 'Le repas était délicieux.']);
    assert.deepEqual(req.params, { inputs: 2, encoding_format: 'float', dimensions: 8, user: 'user-8841' });
    assert.equal(req.stream, false);
  });

  it('keeps at most MAX_EMBEDDING_INPUTS turns but counts every input', () => {
    const input = Array.from({ length: 5000 }, (_, i) => `doc ${i}`);
    const req = embeddings.normalizeRequest({ input }, ENDPOINT);
    assert.equal(req.turns.length, MAX_EMBEDDING_INPUTS);
    assert.equal(req.params.inputs, 5000);
  });

  it('counts a token-id array as one input', () => {
    assert.equal(embeddings.normalizeRequest({ input: [1, 2, 3] }, ENDPOINT).params.inputs, 1);
    assert.equal(embeddings.normalizeRequest({ input: [[1], [2]] }, ENDPOINT).params.inputs, 2);
  });

  it('keeps no vectors in the response view, only their count and usage', () => {
    const res = embeddings.normalizeResponse(fixtureJson(import.meta.url, 'embeddings-response.json'));
    assert.deepEqual(res, {
      text: '', reasoning: '', toolCalls: [], choices: 2, logprobs: false, model: 'text-embedding-3-small',
      usage: { input_tokens: 17 },
    });
    assert.equal(embeddings.createStreamAssembler, undefined);
  });
});
