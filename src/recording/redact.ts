import { hash } from 'node:crypto';
import { isPlaceholder, longestPlaceholder, maskSecrets } from './mask.ts';

/**
 * Privacy by default (invariant 7): what the event store keeps of a request or response body.
 *
 * The copy keeps the body's shape — keys, roles, numbers, booleans, model and tool names — so that
 * analysis still sees how a request was built, while every string is cut to a short excerpt and
 * stripped of secrets and personal data (see ./mask.ts). In responses, embeddings are replaced by
 * their length (number of floats) and logprobs arrays by their length, since neither helps detection
 * and both are large. Depth and node count are bounded so an adversarial body costs bounded time.
 */

export interface RedactLimits {
  /** Containers nested deeper than this are replaced by `depthLimitMarker`. */
  maxDepth: number;
  /** Values visited in all; past this, the rest of each container is replaced by `nodeLimitMarker`. */
  maxNodes: number;
  /**
   * Characters scanned for secrets in all strings longer than 64 (each costs its excerpt plus the
   * mask margin). Past this, such strings keep nothing but their length, so a body made of many
   * crafted strings stays cheap.
   */
  maxScannedChars: number;
}

export const defaultRedactLimits: RedactLimits = { maxDepth: 32, maxNodes: 10_000, maxScannedChars: 262_144 };

export const depthLimitMarker = '[depth limit]';
export const nodeLimitMarker = '[node limit]';
/** Key under which an object cut short by the node limit says so. */
export const truncatedKey = '[truncated]';

/**
 * Masking runs over this many characters past the excerpt's end, so that a secret straddling the
 * cut is recognised whole rather than leaking its first half.
 */
const maskMargin = 256;

interface Walk {
  excerptChars: number;
  maxDepth: number;
  nodesLeft: number;
  scanCharsLeft: number;
  response: boolean;
}

export function redactRequestBody(
  body: Record<string, unknown>,
  excerptChars: number,
  limits: RedactLimits = defaultRedactLimits,
): Record<string, unknown> {
  return redactObject(body, 0, newWalk(excerptChars, limits, false));
}

export function redactResponseBody(
  body: Record<string, unknown>,
  excerptChars: number,
  limits: RedactLimits = defaultRedactLimits,
): Record<string, unknown> {
  return redactObject(body, 0, newWalk(excerptChars, limits, true));
}

/**
 * One string as it is recorded: secrets masked, then cut to `excerptChars` UTF-16 units (never
 * between the halves of a surrogate pair, never inside a placeholder) and marked with how many
 * characters longer the original was.
 */
export function redactText(text: string, excerptChars: number): string {
  if (text.length <= excerptChars) return maskSecrets(text);
  const masked = maskSecrets(text.slice(0, excerptChars + maskMargin));
  if (masked.length <= excerptChars && text.length <= excerptChars + maskMargin) return masked;
  const kept = masked.slice(0, cutPoint(masked, excerptChars));
  return `${kept}…[+${text.length - kept.length} chars]`;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  // The one-shot form: the gateway hashes every request body, and it skips a Hash object per call.
  return hash('sha256', bytes, 'hex');
}

function newWalk(excerptChars: number, limits: RedactLimits, response: boolean): Walk {
  return {
    excerptChars: Math.max(0, Math.floor(excerptChars)),
    maxDepth: limits.maxDepth,
    nodesLeft: limits.maxNodes,
    scanCharsLeft: limits.maxScannedChars,
    response,
  };
}

/**
 * Strings up to this long are always scanned: keys, roles, model and tool names keep the body's
 * shape, and the node limit already bounds what they cost.
 */
const alwaysScannedChars = 64;

/** redactText within the walk's scanning budget. */
function redactString(text: string, walk: Walk): string {
  if (text.length <= alwaysScannedChars) return redactText(text, walk.excerptChars);
  const cost = Math.min(text.length, walk.excerptChars + maskMargin);
  if (cost > walk.scanCharsLeft) return `…[+${text.length} chars]`;
  walk.scanCharsLeft -= cost;
  return redactText(text, walk.excerptChars);
}

/**
 * Keys as recorded, for keys short enough to be always scanned. The same few dozen keys ("messages",
 * "finish_reason", "completion_tokens_details") come back in every body; masking each again cost
 * about 1.5 µs of the ~50 µs of building a streamed event. Bounded: emptied when full, so odd keys
 * cannot grow it.
 */
const shortKeys = new Map<string, string>();
const maxShortKeys = 4096;
/** The excerpt length the cached keys were cut to (a key longer than it is cut too). */
let shortKeysExcerptChars = -1;

function redactKey(key: string, walk: Walk): string {
  if (key.length > alwaysScannedChars) return redactString(key, walk);
  if (walk.excerptChars !== shortKeysExcerptChars) {
    shortKeys.clear();
    shortKeysExcerptChars = walk.excerptChars;
  }
  let kept = shortKeys.get(key);
  if (kept === undefined) {
    if (shortKeys.size >= maxShortKeys) shortKeys.clear();
    kept = redactText(key, walk.excerptChars);
    shortKeys.set(key, kept);
  }
  return kept;
}

function cutPoint(masked: string, excerptChars: number): number {
  let cut = Math.min(excerptChars, masked.length);
  if (cut === masked.length) return cut;
  const before = masked.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--;
  const open = masked.lastIndexOf('[', cut - 1);
  if (open >= 0 && cut - open < longestPlaceholder) {
    const close = masked.indexOf(']', open);
    if (close >= cut && isPlaceholder(masked.slice(open, close + 1))) cut = open;
  }
  return cut;
}

function redactValue(value: unknown, depth: number, walk: Walk): unknown {
  if (typeof value === 'string') return redactString(value, walk);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object') return undefined; // not JSON: nothing to keep
  if (depth >= walk.maxDepth) return depthLimitMarker;
  if (Array.isArray(value)) return redactArray(value, depth, walk);
  return redactObject(value as Record<string, unknown>, depth, walk);
}

function redactArray(items: unknown[], depth: number, walk: Walk): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (--walk.nodesLeft < 0) {
      out.push(nodeLimitMarker);
      break;
    }
    out.push(redactValue(item, depth + 1, walk));
  }
  return out;
}

function redactObject(source: Record<string, unknown>, depth: number, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (--walk.nodesLeft < 0) {
      out[truncatedKey] = nodeLimitMarker;
      break;
    }
    const value = source[key];
    const kept = walk.response ? redactResponseField(key, value, depth, walk) : redactValue(value, depth + 1, walk);
    setOwn(out, redactKey(key, walk), kept);
  }
  return out;
}

/** Response fields that are large and useless for detection are summarised; the rest as usual. */
function redactResponseField(key: string, value: unknown, depth: number, walk: Walk): unknown {
  switch (key) {
    case 'embedding':
      return embeddingLength(value) ?? redactValue(value, depth + 1, walk);
    case 'embeddings':
      if (Array.isArray(value)) return value.slice(0, Math.max(0, walk.nodesLeft)).map((item) => embeddingLength(item) ?? null);
      return redactValue(value, depth + 1, walk);
    case 'logprobs':
    case 'top_logprobs':
      return summariseLogprobs(value, depth, walk);
    default:
      return redactValue(value, depth + 1, walk);
  }
}

/** Floats in an embedding: the array's length, or for base64 the decoded bytes / 4 (float32). */
function embeddingLength(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value !== 'string') return undefined;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return Math.floor((Math.floor((value.length * 3) / 4) - padding) / 4);
}

/** Logprobs arrays become their lengths: how many tokens came with probabilities, not which. */
function summariseLogprobs(value: unknown, depth: number, walk: Walk): unknown {
  if (Array.isArray(value)) return value.length;
  if (value === null || typeof value !== 'object') return redactValue(value, depth + 1, walk);
  if (depth + 1 >= walk.maxDepth) return depthLimitMarker;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (--walk.nodesLeft < 0) {
      out[truncatedKey] = nodeLimitMarker;
      break;
    }
    setOwn(out, redactKey(key, walk), Array.isArray(inner) ? inner.length : redactValue(inner, depth + 2, walk));
  }
  return out;
}

/** Plain assignment of "__proto__" would replace the copy's prototype instead of adding a key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
