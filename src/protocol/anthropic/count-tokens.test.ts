import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureJson } from '../testing.ts';
import { countTokens } from './count-tokens.ts';

describe('count_tokens', () => {
  it('normalizes the body like a messages request, never streaming', () => {
    const req = countTokens.normalizeRequest(fixtureJson(import.meta.url, 'count-tokens-request.json'), { family: 'anthropic', kind: 'count_tokens', method: 'POST' });
    assert.equal(req.kind, 'count_tokens');
    assert.equal(req.stream, false);
    assert.equal(req.turns.length, 4);
    assert.equal(req.params.thinking_budget, 2048);
    assert.equal(countTokens.streams, false);
  });

  it('reads the top-level input_tokens as usage', () => {
    const body = fixtureJson(import.meta.url, 'count-tokens-response.json');
    assert.deepEqual(countTokens.usageOf(body), { input_tokens: 2095 });
    assert.deepEqual(countTokens.normalizeResponse(body).usage, { input_tokens: 2095 });
    assert.equal(countTokens.usageOf({}), undefined);
  });
});
