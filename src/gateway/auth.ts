import type { IncomingHttpHeaders } from 'node:http';
import { hashKey } from '../store/key-hash.ts';
import type { AuthConfig } from '../config/config.ts';

/** Who a request is billed to. */
export interface Identity {
  accountId: string;
  apiKeyId?: string;
}

export interface KeyRecord {
  id: string;
  account: string;
}

/** Where persisted keys come from (the key store), so the gateway notices keys added by another process. */
export interface KeySource {
  /** Active keys by the sha256 hex of their secret. */
  activeKeys(): Map<string, KeyRecord>;
  /** Changes whenever keys are added or revoked. */
  version(): string;
}

/** The credential a client presented: `Authorization: Bearer ...` (OpenAI) or `x-api-key` (Anthropic). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const bearer = headers.authorization;
  if (bearer && bearer.length > 7 && bearer.slice(0, 7).toLowerCase() === 'bearer ') return bearer.slice(7).trim();
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey ? apiKey : undefined;
}

export interface Authenticator {
  /** undefined when the request carries no valid identity. */
  authenticate(headers: IncomingHttpHeaders, fromTrustedPeer: boolean): Identity | undefined;
  close(): void;
}

/**
 * Builds the authenticator for the configured mode. Keys from the configuration are held in memory
 * (hashed, like the stored ones); stored keys are re-read when the store's version changes.
 */
export function createAuthenticator(config: AuthConfig, keySource: KeySource | undefined, options: { requireTrustedPeer: boolean; reloadMs?: number }): Authenticator {
  if (config.mode === 'header') {
    const header = config.header;
    return {
      authenticate(headers, fromTrustedPeer) {
        if (options.requireTrustedPeer && !fromTrustedPeer) return undefined;
        const value = headers[header];
        const account = Array.isArray(value) ? value[0] : value;
        return account ? { accountId: account } : undefined;
      },
      close() {},
    };
  }

  const configured = new Map<string, KeyRecord>();
  const perAccount = new Map<string, number>();
  for (const { account, secret } of config.keys) {
    const n = (perAccount.get(account) ?? 0) + 1;
    perAccount.set(account, n);
    // Configured keys get a positional id: a hash-derived id would leak a weak secret.
    configured.set(hashKey(secret), { id: `${account}#config-${n}`, account });
  }
  let keys = merge(configured, keySource);
  let seenVersion = keySource?.version();
  const timer = keySource
    ? setInterval(() => {
        const now = keySource.version();
        if (now !== seenVersion) {
          seenVersion = now;
          keys = merge(configured, keySource);
        }
      }, options.reloadMs ?? 2000)
    : undefined;
  timer?.unref();

  return {
    authenticate(headers) {
      const key = presentedKey(headers);
      if (!key) return undefined;
      const record = keys.get(hashKey(key));
      return record ? { accountId: record.account, apiKeyId: record.id } : undefined;
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}

function merge(configured: Map<string, KeyRecord>, source: KeySource | undefined): Map<string, KeyRecord> {
  if (!source) return configured;
  const all = new Map(source.activeKeys());
  for (const [hash, record] of configured) all.set(hash, record);
  return all;
}
