/**
 * Narrowing readers for parsed JSON. Request bodies come from strangers, so every field read here
 * is checked for its type and a wrong type reads as "absent" instead of throwing.
 */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null or absent: how stream chunks say "nothing new here". */
export function isNull(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function stringField(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}

/** Finite numbers only: NaN and Infinity cannot come from JSON but can from a caller's object. */
export function numberField(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanField(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function recordField(obj: JsonObject, key: string): JsonObject | undefined {
  const value = obj[key];
  return isRecord(value) ? value : undefined;
}

export function arrayField(obj: JsonObject, key: string): unknown[] | undefined {
  const value = obj[key];
  return Array.isArray(value) ? value : undefined;
}

/** Number of own enumerable keys, as JSON.parse would have made them. */
export function ownKeyCount(obj: JsonObject): number {
  let count = 0;
  for (const key in obj) if (Object.hasOwn(obj, key)) count++;
  return count;
}

/** Upper bound for counting the keys of a map-like field (`logit_bias`): counting is all we need. */
export const MAX_KEYS_COUNTED = 100_000;

/** Number of own keys of an object field, counted up to MAX_KEYS_COUNTED; undefined when not an object. */
export function keyCount(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  if (!isRecord(value)) return undefined;
  let count = 0;
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (++count >= MAX_KEYS_COUNTED) break;
  }
  return count;
}

/** Strings of an array field, at most `limit` of them; undefined when the field is not an array. */
export function stringList(obj: JsonObject, key: string, limit: number): string[] | undefined {
  const value = obj[key];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  const end = Math.min(value.length, limit);
  for (let i = 0; i < end; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string') out.push(item);
  }
  return out;
}

/** `stop`-like fields: one string counts 1, an array counts its length. */
export function stopCount(value: unknown): number | undefined {
  if (typeof value === 'string') return 1;
  if (Array.isArray(value)) return value.length;
  return undefined;
}

/** Copies the own fields of `from` that `into` lacks: keeps provider extensions we do not model. */
export function copyMissingFields(into: JsonObject, from: JsonObject, skip: ReadonlySet<string>): void {
  for (const key in from) {
    if (!Object.hasOwn(from, key) || skip.has(key) || Object.hasOwn(into, key)) continue;
    into[key] = from[key];
  }
}
