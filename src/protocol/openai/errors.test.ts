import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureJson } from '../testing.ts';
import { openaiErrorBody, openaiErrorMessage } from './errors.ts';

describe('OpenAI error bodies', () => {
  const real = fixtureJson(import.meta.url, 'errors.json');

  for (const status of ['401', '429', '500']) {
    it(`has the type and code api.openai.com sends for ${status}`, () => {
      const sample = real[status] as { error: { type: string; code: string | null } };
      const body = openaiErrorBody(Number(status), 'm') as { error: Record<string, unknown> };
      assert.equal(body.error['type'], sample.error.type);
      assert.equal(body.error['code'], sample.error.code);
      assert.equal(body.error['param'], null);
      assert.equal(body.error['message'], 'm');
    });
  }

  const statuses: Array<[number, string]> = [[400, 'invalid_request_error'], [403, 'invalid_request_error'], [404, 'invalid_request_error'], [418, 'invalid_request_error'], [503, 'server_error'], [599, 'server_error']];
  for (const [status, type] of statuses) {
    it(`uses ${type} for ${status}`, () => assert.equal((openaiErrorBody(status, 'x') as { error: { type: string } }).error.type, type));
  }

  it('lets the caller set the code', () => {
    assert.deepEqual(openaiErrorBody(404, 'nope', 'model_not_found'), { error: { message: 'nope', type: 'invalid_request_error', param: null, code: 'model_not_found' } });
  });

  it('reads the message of an error body', () => {
    assert.match(openaiErrorMessage(real['404']) ?? '', /does not exist/);
    assert.equal(openaiErrorMessage({ error: 'x' }), undefined);
    assert.equal(openaiErrorMessage(null), undefined);
  });
});
