import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { DgError } from '../../core/errors.ts';
import { hashKey } from '../key-hash.ts';
import type { ActiveKey, KeyRecord, KeyStore, NewKey } from '../key-store.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';

export interface SqliteKeyStoreOptions {
  dataDir: string;
  /** Epoch milliseconds; for created_at and revoked_at. */
  clock?: () => number;
}

const schema = `
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
`;

interface KeyRow {
  id: string;
  account_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** Prefix of every secret: makes a leaked DistillGuard key recognisable (and maskable, see recording/mask.ts). */
export const secretPrefix = 'dg_';

/** The api_keys table in `<dataDir>/distillguard.sqlite`, beside the events. */
export class SqliteKeyStore implements KeyStore {
  readonly #db: SqliteDatabase;
  readonly #clock: () => number;
  readonly #insert: Statement<[string, string, string, string]>;
  readonly #revoke: Statement<[string, string]>;
  readonly #list: Statement<[], KeyRow>;
  readonly #active: Statement<[], { sha256: string; id: string; account_id: string }>;
  readonly #dataVersion: Statement<[], number>;
  readonly #shape: Statement<[], { total: number; revoked: number; last: number }>;
  /** The last version() answer, valid while no connection has committed since. */
  #version: { dataVersion: number; value: string } | null = null;

  constructor(options: SqliteKeyStoreOptions) {
    this.#db = openDatabase(options.dataDir);
    this.#db.exec(schema);
    this.#clock = options.clock ?? Date.now;
    this.#insert = this.#db.prepare('INSERT INTO api_keys (id, account_id, sha256, created_at) VALUES (?, ?, ?, ?)');
    this.#revoke = this.#db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.#list = this.#db.prepare('SELECT id, account_id, created_at, revoked_at FROM api_keys ORDER BY rowid');
    this.#active = this.#db.prepare('SELECT sha256, id, account_id FROM api_keys WHERE revoked_at IS NULL');
    this.#dataVersion = this.#db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#shape = this.#db.prepare(
      'SELECT count(*) AS total, count(revoked_at) AS revoked, coalesce(max(rowid), 0) AS last FROM api_keys',
    );
  }

  addKey(account: string): NewKey {
    if (account.trim() === '') throw new DgError('DG_BAD_REQUEST', 400, 'a key needs a non-empty account');
    const secret = secretPrefix + randomBytes(32).toString('base64url');
    const id = `key_${randomBytes(6).toString('hex')}`;
    this.#insert.run(id, account, hashKey(secret), this.#now());
    this.#version = null;
    return { id, secret };
  }

  revoke(id: string): boolean {
    const changed = this.#revoke.run(this.#now(), id).changes === 1;
    if (changed) this.#version = null;
    return changed;
  }

  list(): KeyRecord[] {
    return this.#list.all().map((row) => ({
      id: row.id,
      account: row.account_id,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    }));
  }

  active(): Map<string, ActiveKey> {
    const keys = new Map<string, ActiveKey>();
    for (const row of this.#active.iterate()) keys.set(row.sha256, { id: row.id, account: row.account_id });
    return keys;
  }

  /**
   * PRAGMA data_version moves whenever another connection commits (events included), so on its own
   * it would say "changed" constantly; it only decides when to look at the table's shape again.
   */
  version(): string {
    const dataVersion = this.#dataVersion.get() ?? 0;
    if (this.#version?.dataVersion !== dataVersion) {
      const shape = this.#shape.get() ?? { total: 0, revoked: 0, last: 0 };
      this.#version = { dataVersion, value: `${shape.total}.${shape.revoked}.${shape.last}` };
    }
    return this.#version.value;
  }

  close(): void {
    this.#db.close();
  }

  #now(): string {
    return new Date(this.#clock()).toISOString();
  }
}
