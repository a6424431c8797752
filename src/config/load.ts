import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigInvalidError } from '../core/errors.ts';
import { defaultConfig, type Config } from './config.ts';

/**
 * Builds the effective configuration: defaults, then the YAML file, then `overrides` (from flags),
 * then the environment. Every value is checked here so that a bad setting refuses to boot instead
 * of failing on the first request.
 */
export function loadConfig(options: { file?: string; overrides?: DeepPartial<Config>; env?: NodeJS.ProcessEnv } = {}): Config {
  const env = options.env ?? process.env;
  let fromFile: unknown = {};
  if (options.file) {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (err) {
      throw new ConfigInvalidError(options.file, `cannot read: ${(err as Error).message}`);
    }
    try {
      fromFile = parseYaml(text) ?? {};
    } catch (err) {
      throw new ConfigInvalidError(options.file, `not valid YAML: ${(err as Error).message}`);
    }
    if (!isPlainObject(fromFile)) throw new ConfigInvalidError(options.file, 'the top level must be a mapping');
  }
  const merged = deepMerge(deepMerge(structuredClone(defaultConfig), fromFile, 'config'), options.overrides ?? {}, 'flags') as unknown as Config;
  if (!merged.admin.token && env.DISTILLGUARD_ADMIN_TOKEN) merged.admin.token = env.DISTILLGUARD_ADMIN_TOKEN;
  for (const family of ['openai', 'anthropic'] as const) {
    const upstream = merged.upstreams[family];
    if (!upstream.apiKey && upstream.apiKeyEnv && env[upstream.apiKeyEnv]) upstream.apiKey = env[upstream.apiKeyEnv];
  }
  validateConfig(merged);
  return merged;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<infer _> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `patch` into `base`, refusing keys the defaults do not know (a typo must not be silently ignored). */
function deepMerge(base: Record<string, unknown> | Config, patch: unknown, where: string): Record<string, unknown> {
  const target = base as Record<string, unknown>;
  if (!isPlainObject(patch)) throw new ConfigInvalidError(where, 'expected a mapping');
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const path = `${where}.${key}`;
    if (!(key in target) && !OPEN_KEYS.has(path.replace(/^(config|flags)\./, ''))) {
      throw new ConfigInvalidError(path, 'unknown setting');
    }
    const current = target[key];
    if (isPlainObject(current) && isPlainObject(value) && !('mode' in value)) {
      deepMerge(current, value, path);
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Settings that are absent from the defaults but valid. */
const OPEN_KEYS = new Set([
  'admin.token',
  'upstreams.openai.apiKey',
  'upstreams.anthropic.apiKey',
  'upstreams.openai.apiKeyEnv',
  'upstreams.anthropic.apiKeyEnv',
  'client.edgeHeaders.ja4',
  'client.edgeHeaders.asn',
  'client.edgeHeaders.country',
]);

function validateConfig(config: Config): void {
  port(config.listen.port, 'listen.port');
  port(config.admin.port, 'admin.port');
  host(config.listen.host, 'listen.host');
  host(config.admin.host, 'admin.host');
  for (const family of ['openai', 'anthropic'] as const) {
    const where = `upstreams.${family}.url`;
    let url: URL;
    try {
      url = new URL(config.upstreams[family].url);
    } catch {
      throw new ConfigInvalidError(where, `not a URL: ${JSON.stringify(config.upstreams[family].url)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigInvalidError(where, 'must be http or https');
    if (url.search || url.hash) throw new ConfigInvalidError(where, 'must not have a query or fragment');
  }
  const auth = config.auth;
  if (auth.mode === 'keys') {
    if (!Array.isArray(auth.keys)) throw new ConfigInvalidError('auth.keys', 'must be a list');
    auth.keys.forEach((key, i) => {
      if (!key || typeof key.account !== 'string' || !key.account) throw new ConfigInvalidError(`auth.keys[${i}].account`, 'required');
      if (typeof key.secret !== 'string' || key.secret.length < 8) throw new ConfigInvalidError(`auth.keys[${i}].secret`, 'at least 8 characters');
    });
  } else if (auth.mode === 'header') {
    if (typeof auth.header !== 'string' || !/^[a-z0-9-]+$/i.test(auth.header)) throw new ConfigInvalidError('auth.header', 'a header name');
    auth.header = auth.header.toLowerCase();
  } else {
    throw new ConfigInvalidError('auth.mode', "'keys' or 'header'");
  }
  if (!Array.isArray(config.client.trustedProxies)) throw new ConfigInvalidError('client.trustedProxies', 'must be a list');
  if (!Array.isArray(config.client.keepHeaders)) throw new ConfigInvalidError('client.keepHeaders', 'must be a list');
  config.client.keepHeaders = config.client.keepHeaders.map((h) => String(h).toLowerCase());
  for (const h of config.client.keepHeaders) {
    if (SECRET_HEADERS.has(h)) throw new ConfigInvalidError('client.keepHeaders', `${h} carries a credential and is never kept`);
  }
  for (const [name, value] of Object.entries(config.client.edgeHeaders)) {
    if (value !== undefined && typeof value !== 'string') throw new ConfigInvalidError(`client.edgeHeaders.${name}`, 'a header name');
    if (typeof value === 'string') config.client.edgeHeaders[name as 'ja4'] = value.toLowerCase();
  }
  for (const [name, value] of Object.entries(config.limits)) positive(value, `limits.${name}`);
  if (typeof config.dataDir !== 'string' || !config.dataDir) throw new ConfigInvalidError('dataDir', 'required');
  const rec = config.recording;
  if (rec.bodies !== 'excerpts' && rec.bodies !== 'full') throw new ConfigInvalidError('recording.bodies', "'excerpts' or 'full'");
  positive(rec.excerptChars, 'recording.excerptChars');
  if (typeof rec.retentionDays !== 'number' || rec.retentionDays < 0) throw new ConfigInvalidError('recording.retentionDays', 'a number >= 0 (0 keeps forever)');
  positive(rec.batchSize, 'recording.batchSize');
  positive(rec.flushIntervalMs, 'recording.flushIntervalMs');
  positive(rec.maxQueue, 'recording.maxQueue');
  positive(rec.maxResponseBytes, 'recording.maxResponseBytes');
  if (config.admin.token !== undefined && (typeof config.admin.token !== 'string' || config.admin.token.length < 8)) {
    throw new ConfigInvalidError('admin.token', 'at least 8 characters');
  }
}

/** Headers that carry credentials: never recorded, whatever the configuration says. */
export const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie', 'set-cookie']);

function port(value: unknown, where: string): void {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65535) throw new ConfigInvalidError(where, 'a port number 0-65535');
}
function host(value: unknown, where: string): void {
  if (typeof value !== 'string' || !value) throw new ConfigInvalidError(where, 'a host name or address');
}
function positive(value: unknown, where: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ConfigInvalidError(where, 'a positive number');
}
