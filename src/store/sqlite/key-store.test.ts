import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { hashKey } from '../key-hash.ts';
import { databasePath } from './database.ts';
import { SqliteKeyStore } from './key-store.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

async function withDataDir(body: (dataDir: string) => Promise<void> | void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-keys-'));
  try {
    await body(join(dir, 'data'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('hashKey', () => {
  it('is the sha256 hex of the secret', () => {
    assert.equal(hashKey('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('SqliteKeyStore', () => {
  it('makes dg_ secrets and key_ ids, and stores only the hash', () =>
    withDataDir((dataDir) => {
      const store = new SqliteKeyStore({ dataDir, clock: () => Date.parse('2025-03-01T00:00:00Z') });
      const { id, secret } = store.addKey('acct_a');
      store.close();
      assert.match(secret, /^dg_[A-Za-z0-9_-]{43}$/);
      assert.match(id, /^key_[0-9a-f]{12}$/);
      const db = new Database(databasePath(dataDir), { readonly: true });
      try {
        const rows = db.prepare('SELECT * FROM api_keys').all();
        assert.deepEqual(rows, [
          { id, account_id: 'acct_a', sha256: hashKey(secret), created_at: '2025-03-01T00:00:00.000Z', revoked_at: null },
        ]);
        assert.ok(!JSON.stringify(rows).includes(secret.slice(3)), 'the secret itself is not stored');
      } finally {
        db.close();
      }
    }));

  it('lists keys without secrets, revokes them, and serves the active ones by hash', () =>
    withDataDir((dataDir) => {
      let now = Date.parse('2025-03-01T00:00:00Z');
      const store = new SqliteKeyStore({ dataDir, clock: () => now });
      const first = store.addKey('acct_a');
      const second = store.addKey('acct_b');
      assert.deepEqual(store.active(), new Map([
        [hashKey(first.secret), { id: first.id, account: 'acct_a' }],
        [hashKey(second.secret), { id: second.id, account: 'acct_b' }],
      ]));
      now += 60_000;
      assert.equal(store.revoke(first.id), true);
      assert.equal(store.revoke(first.id), false, 'already revoked');
      assert.equal(store.revoke('key_unknown'), false);
      assert.deepEqual([...store.active().values()], [{ id: second.id, account: 'acct_b' }]);
      assert.deepEqual(store.list(), [
        { id: first.id, account: 'acct_a', createdAt: '2025-03-01T00:00:00.000Z', revokedAt: '2025-03-01T00:01:00.000Z' },
        { id: second.id, account: 'acct_b', createdAt: '2025-03-01T00:00:00.000Z', revokedAt: null },
      ]);
      assert.throws(() => store.addKey(' '), /non-empty account/);
      store.close();
    }));

  it('version() notices keys added and revoked here or from another process, but not event writes', () =>
    withDataDir(async (dataDir) => {
      const gateway = new SqliteKeyStore({ dataDir });
      const cli = new SqliteKeyStore({ dataDir });
      const events = new SqliteEventStore({ dataDir });
      try {
        const initial = gateway.version();
        assert.equal(gateway.version(), initial, 'stable while nothing changes');

        events.append({ id: 'e1', ts: '2025-03-01T00:00:00Z', account_id: 'a', endpoint: '/v1/messages', request: {} });
        await events.flush();
        assert.equal(gateway.version(), initial, 'event writes do not look like key changes');

        const added = cli.addKey('acct_a');
        const afterAdd = gateway.version();
        assert.notEqual(afterAdd, initial);
        assert.ok(gateway.active().has(hashKey(added.secret)));

        cli.revoke(added.id);
        const afterRevoke = gateway.version();
        assert.notEqual(afterRevoke, afterAdd);
        assert.equal(gateway.active().size, 0);

        gateway.addKey('acct_b');
        assert.notEqual(gateway.version(), afterRevoke, 'its own writes count too');
      } finally {
        await events.close();
        cli.close();
        gateway.close();
      }
    }));
});
