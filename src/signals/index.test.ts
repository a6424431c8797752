import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointOf, normalizeRequest } from '../protocol/index.ts';
import { computeSignals, minhashHex, signalsOfEvent, signalsOfText, signalsToJson, SKELETON_EXCERPT_CHARS } from './index.ts';
import { CAPABILITIES, type Signals } from './types.ts';

function assertScores(s: Signals): void {
  for (const score of [s.reasoning_elicitation, s.jailbreak, s.prompt_extraction, s.rubric_harvest, s.harvest_params.score]) {
    assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, String(score));
  }
  for (const area of CAPABILITIES) assert.ok(s.capability[area] >= 0 && s.capability[area] <= 1, area);
  assert.ok(s.template.minhash instanceof Uint32Array);
  assert.equal(typeof s.language, 'string');
}

test('computeSignals gives every signal for a chat request', () => {
  const endpoint = endpointOf('POST', '/v1/chat/completions');
  assert.ok(endpoint);
  const req = normalizeRequest(endpoint, {
    model: 'm', logprobs: true, top_logprobs: 10, logit_bias: { '42': 5 },
    messages: [{ role: 'user', content: 'Solve 3x + 5 = 20. Show your reasoning step by step.' }],
  });
  const s = computeSignals(req);
  assertScores(s);
  assert.equal(s.harvest_params.reasons[0], 'logprobs_with_logit_bias');
  assert.ok(s.capability.math > 0.5);
});

test('signalsOfText reads the text as one user turn; signalsOfEvent normalizes by endpoint', () => {
  const fromText = signalsOfText('Write a Python function that reverses a string.');
  assertScores(fromText);
  assert.ok(fromText.capability.coding > 0.5);
  const fromEvent = signalsOfEvent({
    endpoint: '/v1/messages',
    request: { model: 'claude', max_tokens: 50_000, messages: [{ role: 'user', content: 'Write a Python function that reverses a string.' }] },
  });
  assertScores(fromEvent);
  assert.deepEqual(fromEvent.harvest_params.reasons, ['huge_max_tokens']);
  assert.equal(fromEvent.template.simhash, fromText.template.simhash);
  assert.throws(() => signalsOfEvent({ endpoint: '/v1/nope', request: {} }), /endpoint/);
  assert.throws(() => signalsOfEvent({ endpoint: '/v1/models', request: {} }), /endpoint/);
});

test('signalsToJson: rounded scores, hex minhash, capped skeleton, and it survives JSON', () => {
  const s = signalsOfText(`Please summarise this: ${'lorem ipsum dolor sit amet '.repeat(100)}`);
  const json = signalsToJson(s);
  assert.equal(json.template.minhash, minhashHex(s.template.minhash));
  assert.equal(json.template.minhash.length, s.template.minhash.length * 8);
  assert.ok(json.template.skeleton.length <= SKELETON_EXCERPT_CHARS);
  for (const area of CAPABILITIES) assert.equal(json.capability[area], Math.round(s.capability[area] * 10_000) / 10_000);
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  assert.equal(minhashHex(Uint32Array.of(0, 1, 0xffffffff)), '0000000000000001ffffffff');
});
