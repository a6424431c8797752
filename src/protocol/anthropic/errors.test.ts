import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureJson } from '../testing.ts';
import { anthropicErrorBody, anthropicErrorMessage } from './errors.ts';

describe('Anthropic error bodies', () => {
  const statuses: Array<[number, string]> = [
    [400, 'invalid_request_error'], [401, 'authentication_error'], [402, 'billing_error'], [403, 'permission_error'],
    [404, 'not_found_error'], [405, 'invalid_request_error'], [413, 'request_too_large'], [429, 'rate_limit_error'],
    [500, 'api_error'], [502, 'api_error'], [503, 'overloaded_error'], [504, 'timeout_error'], [529, 'overloaded_error'],
  ];
  for (const [status, type] of statuses) {
    it(`uses ${type} for ${status}`, () => {
      assert.deepEqual(anthropicErrorBody(status, 'm'), { type: 'error', error: { type, message: 'm' } });
    });
  }

  it('matches the shape the API sends and reads its message', () => {
    const real = fixtureJson(import.meta.url, 'errors.json');
    const sample = real['401'] as { error: { type: string } };
    assert.equal((anthropicErrorBody(401, 'x') as { error: { type: string } }).error.type, sample.error.type);
    assert.equal(anthropicErrorMessage(real['529']), 'Overloaded');
    assert.equal(anthropicErrorMessage({ error: { message: 'not anthropic' } }), undefined);
  });
});
