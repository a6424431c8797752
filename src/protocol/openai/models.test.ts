import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureJson } from '../testing.ts';
import { models } from './models.ts';

describe('models', () => {
  it('has no turns and takes the model from the path', () => {
    const one = models.normalizeRequest({}, { family: 'openai', kind: 'models', method: 'GET', modelId: 'gpt-4o' });
    assert.deepEqual(one.turns, []);
    assert.equal(one.model, 'gpt-4o');
    assert.equal(models.normalizeRequest({}, { family: 'openai', kind: 'models', method: 'GET' }).model, undefined);
  });

  it('reads the id of one model and nothing from a list', () => {
    assert.equal(models.normalizeResponse(fixtureJson(import.meta.url, 'model-response.json')).model, 'gpt-4o-2024-08-06');
    const list = models.normalizeResponse(fixtureJson(import.meta.url, 'models-list-response.json'));
    assert.equal(list.model, undefined);
    assert.equal(list.text, '');
    assert.equal(models.usageOf({}), undefined);
  });
});
