import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readParts, type PartTypes } from './content-parts.ts';
import { Budget, MAX_PARTS_PER_MESSAGE } from './limits.ts';

const types: PartTypes = {
  text: new Map([['text', 'text'], ['refusal', 'refusal']]),
  attachments: new Set(['image']),
  bareStrings: false,
};

describe('readParts', () => {
  it('reads a plain string whole and anything else that is not a list as empty', () => {
    assert.deepEqual(readParts('hello', new Budget(100), types), { text: 'hello', attachments: 0 });
    assert.deepEqual(readParts({ type: 'text', text: 'x' }, new Budget(100), types), { text: '', attachments: 0 });
  });

  it('joins text parts from their own field, counts attachments and skips other types', () => {
    const content = [
      { type: 'text', text: 'one' }, { type: 'image' }, { type: 'refusal', refusal: 'two' },
      { type: 'constructor', text: 'not a part type' }, { type: 'audio' }, { text: 'no type' }, 'bare', null,
    ];
    assert.deepEqual(readParts(content, new Budget(100), types), { text: 'one\ntwo', attachments: 1 });
    assert.deepEqual(readParts(content, new Budget(100), { ...types, bareStrings: true }), { text: 'one\ntwo\nbare', attachments: 1 });
  });

  it('stops at MAX_PARTS_PER_MESSAGE parts and at the budget', () => {
    const many = Array.from({ length: MAX_PARTS_PER_MESSAGE + 1 }, () => ({ type: 'image' }));
    assert.equal(readParts(many, new Budget(100), types).attachments, MAX_PARTS_PER_MESSAGE);
    assert.equal(readParts(many, new Budget(100, 3), types).attachments, 3);
    assert.equal(readParts([{ type: 'text', text: 'abcdef' }], new Budget(4), types).text, 'abcd');
  });
});
