import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointOf, normalizeRequest } from '../protocol/index.ts';
import type { NormalizedRequest, RequestParams } from '../protocol/types.ts';
import { HARVEST_WEIGHTS, harvestParams } from './harvest-params.ts';
import type { RequestText } from './types.ts';

function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);
}

const noText: RequestText = { system: '', user: '', lastUser: '', decoded: [] };

function withParams(params: RequestParams): NormalizedRequest {
  return { family: 'openai', kind: 'chat_completions', stream: false, system: '', turns: [], tools: [], params };
}

function fromBody(path: string, body: Record<string, unknown>): NormalizedRequest {
  const endpoint = endpointOf('POST', path);
  assert.ok(endpoint);
  return normalizeRequest(endpoint, body);
}

const hello = [{ role: 'user', content: 'hello' }];

test('plain request: score 0, no reasons', () => {
  const s = harvestParams(fromBody('/v1/chat/completions', { model: 'm', messages: hello, temperature: 0.7, max_tokens: 1024 }), noText);
  assert.deepEqual(s, { score: 0, reasons: [] });
});

test('logprobs with logit_bias is the strongest habit and replaces both parts', () => {
  const s = harvestParams(fromBody('/v1/chat/completions', {
    model: 'm', messages: hello, logprobs: true, top_logprobs: 5, logit_bias: { '123': 100, '456': -100 },
  }), noText);
  assert.equal(s.reasons[0], 'logprobs_with_logit_bias');
  assert.ok(!s.reasons.includes('logit_bias') && !s.reasons.includes('logprobs'));
  assert.ok(s.reasons.includes('top_logprobs_high'));
  assert.ok(s.score > 0.9);
  const biasOnly = harvestParams(withParams({ logit_bias_entries: 2 }), noText);
  const logprobsOnly = harvestParams(withParams({ logprobs: true, top_logprobs: 5 }), noText);
  assert.ok(s.score > biasOnly.score && s.score > logprobsOnly.score);
});

test('a few logprobs weigh little; top_logprobs >= 5 weighs more', () => {
  const few = harvestParams(withParams({ logprobs: true, top_logprobs: 2 }), noText);
  assert.deepEqual(few.reasons, ['logprobs']);
  near(few.score, HARVEST_WEIGHTS.logprobs);
  const many = harvestParams(withParams({ logprobs: true, top_logprobs: 20 }), noText);
  assert.deepEqual(many.reasons, ['top_logprobs_high']);
  near(many.score, HARVEST_WEIGHTS.top_logprobs_high);
});

test('a large logit_bias map counts as vocabulary probing', () => {
  near(harvestParams(withParams({ logit_bias_entries: 3 }), noText).score, HARVEST_WEIGHTS.logit_bias);
  assert.ok(harvestParams(withParams({ logit_bias_entries: 300 }), noText).score > HARVEST_WEIGHTS.logit_bias);
});

test('n > 1, deterministic seed, huge max_tokens, reasoning effort, thinking budget, encrypted reasoning', () => {
  assert.deepEqual(harvestParams(withParams({ n: 1 }), noText).reasons, []);
  assert.deepEqual(harvestParams(withParams({ n: 4 }), noText).reasons, ['many_choices']);
  assert.ok(harvestParams(withParams({ n: 16 }), noText).score > harvestParams(withParams({ n: 4 }), noText).score);
  assert.deepEqual(harvestParams(withParams({ temperature: 0, seed: 42 }), noText).reasons, ['deterministic_seed']);
  assert.deepEqual(harvestParams(withParams({ temperature: 0.8, seed: 42 }), noText).reasons, []);
  assert.deepEqual(harvestParams(withParams({ max_tokens: 32_000 }), noText).reasons, ['huge_max_tokens']);
  assert.deepEqual(harvestParams(withParams({ max_tokens: 4_000 }), noText).reasons, []);
  assert.deepEqual(harvestParams(withParams({ reasoning_effort: 'high' }), noText).reasons, ['high_reasoning_effort']);
  assert.deepEqual(harvestParams(withParams({ reasoning_effort: 'low' }), noText).reasons, []);

  const thinking = fromBody('/v1/messages', {
    model: 'm', max_tokens: 64_000, messages: hello, thinking: { type: 'enabled', budget_tokens: 32_000 },
  });
  assert.deepEqual(new Set(harvestParams(thinking, noText).reasons), new Set(['huge_max_tokens', 'large_thinking_budget']));

  const responses = fromBody('/v1/responses', {
    model: 'm', input: 'hi', reasoning: { effort: 'high' }, include: ['reasoning.encrypted_content'],
  });
  assert.deepEqual(new Set(harvestParams(responses, noText).reasons), new Set(['high_reasoning_effort', 'encrypted_reasoning']));
});

test('legacy completions: echo with logprobs scores the prompt itself', () => {
  const s = harvestParams(fromBody('/v1/completions', { model: 'm', prompt: 'The quick brown fox', echo: true, logprobs: 5, max_tokens: 0 }), noText);
  assert.deepEqual(s.reasons, ['echo_with_logprobs', 'top_logprobs_high']);
  assert.ok(s.score > HARVEST_WEIGHTS.echo_with_logprobs);
  assert.deepEqual(harvestParams(fromBody('/v1/completions', { model: 'm', prompt: 'x', echo: true }), noText).reasons, []);
});

test('score is the noisy-OR of the weights and stays in [0,1] with every habit at once', () => {
  const s = harvestParams(withParams({
    n: 128, temperature: 0, seed: 1, max_tokens: 1e9, logprobs: true, top_logprobs: 20, logit_bias_entries: 1000,
    reasoning_effort: 'HIGH', thinking_budget: 1e9, include: ['reasoning.encrypted_content'], echo: true,
  }), noText);
  assert.ok(s.score > 0.99 && s.score <= 1);
  assert.equal(s.reasons.length, 9);
  const two = harvestParams(withParams({ n: 4, max_tokens: 20_000 }), noText);
  const expected = 1 - (1 - HARVEST_WEIGHTS.many_choices) * (1 - HARVEST_WEIGHTS.huge_max_tokens);
  near(two.score, expected);
});

test('non-finite or mistyped parameters of a hand-built request are ignored', () => {
  const weird = { n: Number.NaN, max_tokens: Number.POSITIVE_INFINITY, top_logprobs: Number.NaN, temperature: Number.NaN, seed: 1 };
  const s = harvestParams(withParams(weird), noText);
  assert.deepEqual(s, { score: 0, reasons: [] });
});
