import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStreamAssembler, endpointOf, errorBody, isStreamRequest, knownPath, normalizeRequest, normalizeResponse, usageOf,
  type Endpoint, type EndpointKind,
} from './index.ts';

describe('endpointOf', () => {
  const routes: Array<[string, string, Partial<Endpoint> | undefined]> = [
    ['POST', '/v1/chat/completions', { family: 'openai', kind: 'chat_completions' }],
    ['POST', '/v1/chat/completions/', { family: 'openai', kind: 'chat_completions' }],
    ['POST', '/v1/chat/completions?api-version=1', { family: 'openai', kind: 'chat_completions' }],
    ['post', '/v1/responses', { family: 'openai', kind: 'responses' }],
    ['POST', '/v1/completions', { family: 'openai', kind: 'completions' }],
    ['POST', '/v1/embeddings', { family: 'openai', kind: 'embeddings' }],
    ['GET', '/v1/models', { family: 'openai', kind: 'models', method: 'GET' }],
    ['GET', '/v1/models/gpt-4o', { kind: 'models', modelId: 'gpt-4o' }],
    ['GET', '/v1/models/ft%3Agpt-4o%3Aacme/', { kind: 'models', modelId: 'ft:gpt-4o:acme' }],
    ['GET', '/v1/models/%E0%A4%A', { kind: 'models', modelId: '%E0%A4%A' }],
    ['POST', '/v1/messages', { family: 'anthropic', kind: 'messages' }],
    ['POST', '/v1/messages/count_tokens', { family: 'anthropic', kind: 'count_tokens' }],
    ['GET', '/v1/chat/completions', undefined],
    ['POST', '/v1/models', undefined],
    ['POST', '/v1/chat', undefined],
    ['POST', '/v2/messages', undefined],
    ['POST', '/', undefined],
    ['GET', '/v1/models/', { kind: 'models', modelId: undefined }],
  ];
  for (const [method, path, expected] of routes) {
    it(`${method} ${path} -> ${expected?.kind ?? 'undefined'}`, () => {
      const endpoint = endpointOf(method, path);
      if (expected === undefined) assert.equal(endpoint, undefined);
      else for (const [key, value] of Object.entries(expected)) assert.equal(endpoint?.[key as keyof Endpoint], value);
    });
  }

  it('knownPath tells a wrong method (405) from an unknown path (404)', () => {
    assert.equal(knownPath('/v1/chat/completions/'), true);
    assert.equal(knownPath('/v1/models/x?y'), true);
    assert.equal(knownPath('/v1/nothing'), false);
  });
});

describe('isStreamRequest', () => {
  const cases: Array<[EndpointKind, Record<string, unknown>, boolean]> = [
    ['chat_completions', { stream: true }, true],
    ['chat_completions', { stream: 'true' }, false],
    ['responses', { stream: true }, true],
    ['completions', {}, false],
    ['messages', { stream: true }, true],
    ['embeddings', { stream: true }, false],
    ['models', { stream: true }, false],
    ['count_tokens', { stream: true }, false],
  ];
  for (const [kind, body, expected] of cases) {
    it(`${kind} ${JSON.stringify(body)} -> ${expected}`, () => {
      assert.equal(isStreamRequest({ family: kind === 'messages' || kind === 'count_tokens' ? 'anthropic' : 'openai', kind, method: 'POST' }, body), expected);
    });
  }
});

describe('dispatch', () => {
  it('routes every verb by endpoint kind', () => {
    const endpoint = endpointOf('POST', '/v1/messages')!;
    assert.equal(normalizeRequest(endpoint, { messages: [{ role: 'user', content: 'hi' }] }).turns[0]?.text, 'hi');
    assert.equal(normalizeResponse(endpoint, { content: [{ type: 'text', text: 'yo' }] }).text, 'yo');
    assert.deepEqual(usageOf(endpoint, { usage: { input_tokens: 1, output_tokens: 2 } }), { input_tokens: 1, output_tokens: 2 });
    assert.equal(createStreamAssembler(endpointOf('POST', '/v1/embeddings')!).finish(), undefined);
  });

  it('answers a body that is not an object with an empty view', () => {
    const endpoint = endpointOf('POST', '/v1/chat/completions')!;
    const notAnObject = [1, 2] as unknown as Record<string, unknown>;
    assert.deepEqual(normalizeRequest(endpoint, notAnObject).turns, []);
    assert.equal(normalizeResponse(endpoint, notAnObject).text, '');
    assert.equal(usageOf(endpoint, notAnObject), undefined);
  });

  it('survives a body whose getters throw', () => {
    const hostile = { get messages(): unknown { throw new Error('boom'); } };
    assert.deepEqual(normalizeRequest(endpointOf('POST', '/v1/chat/completions')!, hostile).turns, []);
  });

  it('writes error bodies in the family of the API called', () => {
    assert.deepEqual(errorBody('openai', 401, 'bad key'), { error: { message: 'bad key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    assert.deepEqual(errorBody('openai', 403, 'blocked', 'DG_REQUEST_BLOCKED'), { error: { message: 'blocked', type: 'invalid_request_error', param: null, code: 'DG_REQUEST_BLOCKED' } });
    assert.deepEqual(errorBody('anthropic', 413, 'too big'), { type: 'error', error: { type: 'request_too_large', message: 'too big' } });
  });
});
