import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { signalsOfText } from '../signals/index.ts';
import { activityOverlap, createProfile, evictIdleDetails, reduceProfile, type ProfiledEvent } from './accounts.ts';

function at(ts: number, request: Record<string, unknown>, ip = '203.0.113.9'): ProfiledEvent {
  const event: TrafficEvent = {
    id: `e${ts}`, ts: new Date(ts).toISOString(), account_id: 'a', endpoint: '/v1/chat/completions', model: 'gpt-4.1',
    client: { ip, asn: 64500, ja4: 'j', user_agent: 'ua' }, account: { payment_fingerprint: 'card' }, request, usage: { output_tokens: 100 },
  };
  return { ts, event, signals: signalsOfText('Solve step by step and show all your reasoning: 17 + 25 * 3'), families: [4], sharedTemplate: true, freshModel: false };
}

describe('account profile reducer', () => {
  it('counts requests, tokens, signals, turns, templates and infrastructure', () => {
    const p = createProfile('a', 0, 0);
    reduceProfile(p, at(0, { messages: [{ role: 'user', content: 'x' }] }));
    reduceProfile(p, at(60_000, { messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: 'y' }, { role: 'user', content: 'z' }] }, '198.51.100.4'));
    assert.equal(p.events, 2);
    assert.equal(p.multiTurn, 1);
    assert.equal(p.outputTokens, 200);
    assert.equal(p.sharedTemplate, 2);
    assert.equal(p.elicitation.hits, 2);
    assert.equal(p.info.payment_fingerprint, 'card');
    assert.deepEqual(p.details?.ipPrefixes, ['203.0.113.0/24', '198.51.100.0/24']);
    assert.equal(p.details?.templates.items[0], 4);
    assert.equal(p.gapCount, 1);
  });

  it('sees two accounts active in the same 5-minute slots as synchronized', () => {
    const a = createProfile('a', 0, 0);
    const b = createProfile('b', 1, 0);
    const c = createProfile('c', 2, 0);
    for (let slot = 0; slot < 200; slot++) {
      reduceProfile(a, at(slot * 300_000 + 1000, {}));
      reduceProfile(b, at(slot * 300_000 + 2000, {}));
      reduceProfile(c, at((slot + 10_000) * 300_000, {}));
    }
    assert.equal(activityOverlap(a.details!, b.details!), 1);
    assert.equal(activityOverlap(a.details!, c.details!), 0);
  });

  it('drops the details of the least recently active accounts beyond the bound', () => {
    const profiles = [0, 1, 2].map((i) => createProfile(`p${i}`, i, 0));
    profiles.forEach((p, i) => { p.lastTs = 100 - i; });
    assert.equal(evictIdleDetails(profiles, 1), 2);
    assert.deepEqual(profiles.map((p) => p.details !== undefined), [true, false, false]);
  });
});
