import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { breadthOf, createTemplateIndex, observeTemplate, registerMember, viewGroupOf } from './templates.ts';

describe('template index', () => {
  it('reads view groups from key prefixes and skips high bands', () => {
    assert.equal(viewGroupOf('he8:ab12cd34'), 'prefix');
    assert.equal(viewGroupOf('te16:ab12cd34'), 'suffix');
    assert.equal(viewGroupOf('h0:ab12cd34'), 'prefix');
    assert.equal(viewGroupOf('s1:ab12cd34'), 'system');
    assert.equal(viewGroupOf('f0:ab12cd34'), 'whole');
    assert.equal(viewGroupOf('f12:ab12cd34'), undefined);
    assert.equal(viewGroupOf('h9:ab12cd34'), undefined);
  });

  it('indexes a key only from its second sighting, and one template as one family per view', () => {
    const index = createTemplateIndex();
    const out: number[] = [];
    observeTemplate(index, ['he8:wrap', 'h0:wrap', 'te8:fill1'], 'skeleton', out);
    assert.deepEqual(out, []);
    assert.equal(index.keyFamily.size, 0);
    observeTemplate(index, ['he8:wrap', 'h0:wrap', 'te8:fill2'], 'skeleton', out);
    assert.equal(out.length, 1);
    assert.equal(index.keyFamily.get('he8:wrap'), index.keyFamily.get('h0:wrap'));
    assert.equal(index.keyFamily.has('te8:fill2'), false);
    observeTemplate(index, ['he8:wrap', 'te8:fill3'], 'skeleton', out);
    assert.equal(index.families[out[0]!]?.events, 2);
  });

  it('counts a family breadth as the accounts registered under it', () => {
    const index = createTemplateIndex();
    const out: number[] = [];
    observeTemplate(index, ['he8:x'], 's', out);
    observeTemplate(index, ['he8:x'], 's', out);
    registerMember(index, out[0]!, 1);
    registerMember(index, out[0]!, 2);
    assert.equal(breadthOf(index, out[0]!), 2);
  });
});
