import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAuthenticator, presentedKey, type KeyRecord } from './auth.ts';
import { hashKey } from '../store/key-hash.ts';

describe('presentedKey', () => {
  it('reads a Bearer token (OpenAI) or x-api-key (Anthropic)', () => {
    assert.equal(presentedKey({ authorization: 'Bearer sk-1' }), 'sk-1');
    assert.equal(presentedKey({ authorization: 'bearer   sk-2 ' }), 'sk-2');
    assert.equal(presentedKey({ 'x-api-key': 'sk-3' }), 'sk-3');
    assert.equal(presentedKey({ authorization: 'Basic abc' }), undefined);
    assert.equal(presentedKey({}), undefined);
  });
});

describe('key authentication', () => {
  it('knows configured keys and names them without revealing the secret', () => {
    const auth = createAuthenticator({ mode: 'keys', keys: [{ account: 'acme', secret: 'secret-one' }, { account: 'acme', secret: 'secret-two' }] }, undefined, { requireTrustedPeer: false });
    assert.deepEqual(auth.authenticate({ authorization: 'Bearer secret-two' }, false), { accountId: 'acme', apiKeyId: 'acme#config-2' });
    assert.equal(auth.authenticate({ authorization: 'Bearer secret-three' }, false), undefined);
    assert.equal(auth.authenticate({}, false), undefined);
    auth.close();
  });

  it('picks up keys added to the store while running', async () => {
    let version = 1;
    const stored = new Map<string, KeyRecord>();
    const auth = createAuthenticator({ mode: 'keys', keys: [] }, { activeKeys: () => new Map(stored), version: () => String(version) }, { requireTrustedPeer: false, reloadMs: 5 });
    assert.equal(auth.authenticate({ 'x-api-key': 'dg_new' }, false), undefined);
    stored.set(hashKey('dg_new'), { id: 'key_1', account: 'beta' });
    version = 2;
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(auth.authenticate({ 'x-api-key': 'dg_new' }, false), { accountId: 'beta', apiKeyId: 'key_1' });
    auth.close();
  });
});

describe('trusted-header authentication', () => {
  it('takes the account from the edge header, only from a trusted peer when proxies are configured', () => {
    const strict = createAuthenticator({ mode: 'header', header: 'x-account' }, undefined, { requireTrustedPeer: true });
    assert.equal(strict.authenticate({ 'x-account': 'acme' }, false), undefined);
    assert.deepEqual(strict.authenticate({ 'x-account': 'acme' }, true), { accountId: 'acme' });
    const open = createAuthenticator({ mode: 'header', header: 'x-account' }, undefined, { requireTrustedPeer: false });
    assert.deepEqual(open.authenticate({ 'x-account': 'acme' }, false), { accountId: 'acme' });
    assert.equal(open.authenticate({}, false), undefined);
  });
});
