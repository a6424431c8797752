/**
 * A hand-written check of the traffic-event contract (schemas/traffic-event.schema.json) for input lines.
 * The product cannot use ajv at run time (a development dependency), and this check is what `analyze`
 * relies on to skip bad lines; event-shape.test.ts holds it against ajv on the same samples.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const TIERS = new Set(['free', 'standard', 'startup', 'education', 'research', 'enterprise', 'reseller']);
const ACTIONS = new Set(['allow', 'flag', 'throttle', 'challenge', 'degrade', 'block']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The form every writer we know uses: UTC, milliseconds or none. */
const UTC_MILLIS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

/** The last date-time read: analyze reads each line's ts twice (its sort key, then the event check). */
let lastText = '';
let lastMs: number | undefined;

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it is not one. */
export function parseDateTime(text: string): number | undefined {
  if (text === lastText) return lastMs;
  lastText = text;
  lastMs = parseAnyDateTime(text);
  return lastMs;
}

function parseAnyDateTime(text: string): number | undefined {
  const utc = UTC_MILLIS.exec(text);
  const fast = utc === null ? undefined : utcMillis(utc);
  if (fast !== undefined) return fast;
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  // 60 is a leap second, which RFC 3339 allows; Date.parse folds it into the next minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (match[7] !== undefined && (Number(match[8]) > 23 || Number(match[9]) > 59)) return undefined;
  // RFC 3339 allows a space for the T (ajv-formats does too); Date.parse is not asked to guess.
  const iso = `${text.slice(0, 10)}T${text.slice(11)}`;
  const ms = Date.parse(second === 60 ? iso.replace(/:60(?=[.Zz+-])/, ':59') : iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The common form without building a string for Date.parse (the same instant); undefined: ask the general path. */
function utcMillis(match: RegExpExecArray): number | undefined {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  // Date.UTC would read years 0-99 as 1900-1999; leap seconds and invalid fields are the general path's.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, match[7] === undefined ? 0 : Number(match[7]));
}

type FieldCheck = (value: unknown) => boolean;
/** Optional fields checked in this order: [name, check, what was expected]. Built once, not per line. */
type FieldTable = ReadonlyArray<readonly [string, FieldCheck, string]>;

const isString: FieldCheck = (value) => typeof value === 'string';
const isInteger: FieldCheck = (value) => typeof value === 'number' && Number.isInteger(value);
const isNumber: FieldCheck = (value) => typeof value === 'number' && Number.isFinite(value);
const isDateTime: FieldCheck = (value) => typeof value === 'string' && parseDateTime(value) !== undefined;

const EVENT_FIELDS: FieldTable = [
  ['api_key_id', isString, 'a string'], ['model', isString, 'a string'], ['client', isRecord, 'an object'],
  ['account', isRecord, 'an object'], ['response', isRecord, 'an object'], ['status', isInteger, 'an integer'],
  ['latency_ms', isNumber, 'a number'], ['usage', isRecord, 'an object'], ['decision', isRecord, 'an object'],
];
const CLIENT_FIELDS: FieldTable = [
  ['ip', isString, 'a string'], ['user_agent', isString, 'a string'], ['ja4', isString, 'a string'],
  ['asn', isInteger, 'an integer'], ['country', isString, 'a string'], ['headers', isRecord, 'an object'],
];
const ACCOUNT_FIELDS: FieldTable = [
  ['created_at', isDateTime, 'an RFC 3339 date-time'], ['email_domain', isString, 'a string'],
  ['payment_fingerprint', isString, 'a string'], ['signup_ip', isString, 'a string'],
  ['tier', (value) => typeof value === 'string' && TIERS.has(value), `one of ${[...TIERS].join(', ')}`],
  ['verified', (value) => typeof value === 'boolean', 'a boolean'],
];
const USAGE_FIELDS: FieldTable = [
  ['input_tokens', isInteger, 'an integer'], ['output_tokens', isInteger, 'an integer'], ['reasoning_tokens', isInteger, 'an integer'],
];
const DECISION_FIELDS: FieldTable = [
  ['action', (value) => typeof value === 'string' && ACTIONS.has(value), `one of ${[...ACTIONS].join(', ')}`],
  ['rule', isString, 'a string'], ['shadow', (value) => typeof value === 'boolean', 'a boolean'],
  ['risk', (value) => typeof value === 'number' && value >= 0 && value <= 1, 'a number in 0..1'],
  ['campaign_id', (value) => value === null || typeof value === 'string', 'a string or null'],
];

/** The first optional field of `object` present with the wrong type, as "path: expected ...". */
function firstWrongField(object: Record<string, unknown>, fields: FieldTable, prefix: string): string | undefined {
  for (const [name, check, expected] of fields) {
    const value = object[name];
    if (value !== undefined && !check(value)) return `${prefix}${name}: expected ${expected}`;
  }
  return undefined;
}

function clientProblem(client: Record<string, unknown>): string | undefined {
  const wrong = firstWrongField(client, CLIENT_FIELDS, 'client.');
  if (wrong !== undefined) return wrong;
  const headers = client['headers'];
  if (isRecord(headers) && !Object.values(headers).every(isString)) return 'client.headers: expected string values';
  return undefined;
}

function decisionProblem(decision: Record<string, unknown>): string | undefined {
  if (decision['action'] === undefined) return 'decision.action: required';
  return firstWrongField(decision, DECISION_FIELDS, 'decision.');
}

/** Why `value` is not a traffic event (one short reason), or undefined when it is one. */
export function eventShapeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'expected a JSON object';
  for (const name of ['id', 'account_id'] as const) {
    const field = value[name];
    if (typeof field !== 'string' || field.length === 0) return `${name}: required, a non-empty string`;
  }
  if (typeof value['ts'] !== 'string') return 'ts: required, an RFC 3339 date-time string';
  if (parseDateTime(value['ts']) === undefined) return `ts: not an RFC 3339 date-time: ${JSON.stringify(value['ts'].slice(0, 40))}`;
  if (typeof value['endpoint'] !== 'string') return 'endpoint: required, a string';
  if (!isRecord(value['request'])) return 'request: required, an object';
  const wrong = firstWrongField(value, EVENT_FIELDS, '');
  if (wrong !== undefined) return wrong;
  const { client, account, usage, decision } = value;
  if (isRecord(client)) {
    const problem = clientProblem(client);
    if (problem !== undefined) return problem;
  }
  if (isRecord(account)) {
    const problem = firstWrongField(account, ACCOUNT_FIELDS, 'account.');
    if (problem !== undefined) return problem;
  }
  if (isRecord(usage)) {
    const problem = firstWrongField(usage, USAGE_FIELDS, 'usage.');
    if (problem !== undefined) return problem;
  }
  if (isRecord(decision)) return decisionProblem(decision);
  return undefined;
}

/** Narrows a parsed line to a traffic event (see eventShapeProblem for why not). */
export function isTrafficEvent(value: unknown): value is TrafficEvent {
  return eventShapeProblem(value) === undefined;
}
