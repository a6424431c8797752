import { hash } from 'node:crypto';

/**
 * The only form in which an API key is stored or compared: sha256 (hex) of the full secret. The
 * secrets are 256 random bits, so a fast hash is enough; no salt or stretching is needed.
 */
export function hashKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}
