/**
 * DistillGuard's own API keys. Only the sha256 of a secret is kept (invariant 7); the secret is
 * shown once, when the key is made. Methods may answer synchronously (SQLite) or not (a networked
 * store later), so callers await them.
 */
export interface KeyStore {
  addKey(account: string): Awaitable<NewKey>;
  /** True when the key existed and was active; false when unknown or already revoked. */
  revoke(id: string): Awaitable<boolean>;
  /** Every key, revoked ones included, oldest first; never a secret. */
  list(): Awaitable<KeyRecord[]>;
  /** Active keys by the sha256 (hex) of their secret: what a gateway looks a presented key up in. */
  active(): Awaitable<Map<string, ActiveKey>>;
  /** Changes whenever the set of keys may have changed, in this process or another: poll it to know when to reload active(). */
  version(): Awaitable<string>;
  close(): Awaitable<void>;
}

export type Awaitable<T> = T | Promise<T>;

export interface NewKey {
  id: string;
  /** Shown to the user once; not recoverable afterwards. */
  secret: string;
}

export interface ActiveKey {
  id: string;
  account: string;
}

export interface KeyRecord {
  id: string;
  account: string;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339, or null while the key is active. */
  revokedAt: string | null;
}
