import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import { mulberry32 } from '../core/seeded-random.ts';
import { eventShapeProblem, parseDateTime } from './event-shape.ts';

const VALID = {
  id: 'e1', ts: '2026-01-01T00:00:00Z', account_id: 'a', endpoint: '/v1/chat/completions', request: { messages: [] },
  client: { ip: '10.0.0.1', asn: 64500, headers: { 'x-a': 'b' }, extra: [1] },
  account: { created_at: '2025-12-01T10:00:00.123+02:00', tier: 'free', verified: true },
  usage: { input_tokens: 3 }, decision: { action: 'allow', risk: 0.5, campaign_id: null }, status: 200, latency_ms: 12.5,
};

/** Each sample: the valid event with one change. */
const VARIANTS: Record<string, unknown>[] = [
  {},
  { ts: '2026-02-29T00:00:00Z' }, { ts: '2024-02-29T23:59:60Z' }, { ts: '2026-01-01 00:00:00Z' }, { ts: '2026-01-01T00:00:00' },
  { ts: '2026-13-01T00:00:00Z' }, { ts: '2026-04-31T00:00:00Z' }, { ts: '2026-01-01T24:00:00Z' }, { ts: 5 },
  { id: '' }, { id: 3 }, { account_id: '' }, { endpoint: null }, { request: [] }, { request: 'x' },
  { client: 'x' }, { client: { asn: 1.5 } }, { client: { headers: { a: 1 } } }, { account: { tier: 'gold' } },
  { account: { created_at: 'now' } }, { status: 200.5 }, { latency_ms: '3' }, { usage: { output_tokens: 'many' } },
  { decision: {} }, { decision: { action: 'allow', risk: 2 } }, { decision: { action: 'nuke' } }, { response: [] },
  { extra_field: { anything: true } },
];

test('event shape: agrees with the schema (ajv) on valid and broken events', () => {
  for (const change of VARIANTS) {
    const sample = { ...VALID, ...change };
    const schemaSays = validateTrafficEvent(sample).length === 0;
    const problem = eventShapeProblem(sample);
    assert.equal(problem === undefined, schemaSays, `${JSON.stringify(change)}: ours ${problem ?? 'valid'}, ajv ${validateTrafficEvent(sample).join('; ') || 'valid'}`);
  }
  for (const missing of ['id', 'ts', 'account_id', 'endpoint', 'request']) {
    const sample: Record<string, unknown> = { ...VALID };
    delete sample[missing];
    assert.match(eventShapeProblem(sample) ?? '', new RegExp(missing));
    assert.notDeepEqual(validateTrafficEvent(sample), []);
  }
  for (const notObject of [null, [], 'text', 3]) assert.equal(eventShapeProblem(notObject), 'expected a JSON object');
});

test('event shape: date-times with offsets and fractions parse to the right instant', () => {
  assert.equal(parseDateTime('2026-01-01T02:00:00.250+02:00'), Date.UTC(2026, 0, 1, 0, 0, 0, 250));
  assert.equal(parseDateTime('2026-01-01t00:00:00z'), Date.UTC(2026, 0, 1));
  assert.equal(parseDateTime('2026-01-01 00:00:00Z'), Date.UTC(2026, 0, 1));
  assert.equal(parseDateTime('2026-01-01'), undefined);
});

test('event shape: the fast path for UTC milliseconds gives what Date.parse gives, and leaves the rest to the general path', () => {
  const random = mulberry32(4);
  for (let i = 0; i < 2000; i++) {
    const ms = Math.floor(random() * 4e12);
    const iso = new Date(ms).toISOString();
    assert.equal(parseDateTime(iso), ms, iso);
    assert.equal(parseDateTime(iso.replace(/\.\d{3}Z$/, 'Z')), Math.floor(ms / 1000) * 1000);
  }
  for (const [text, expected] of [
    ['2024-02-29T23:59:59.999Z', Date.parse('2024-02-29T23:59:59.999Z')], ['2023-02-29T00:00:00Z', undefined],
    ['0099-01-01T00:00:00Z', Date.parse('0099-01-01T00:00:00Z')], ['2016-12-31T23:59:60Z', Date.parse('2016-12-31T23:59:59Z')],
    ['2026-01-01T24:00:00Z', undefined], ['2026-13-01T00:00:00Z', undefined], ['2026-01-01T00:00:00.5Z', Date.parse('2026-01-01T00:00:00.500Z')],
  ] as const) assert.equal(parseDateTime(text), expected, text);
});
