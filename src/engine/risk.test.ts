import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProfile } from './accounts.ts';
import { assessAccount, behaviourOf, isSoloCampaign } from './risk.ts';

function profile(scored: number, hits: { elicitation?: number; probing?: number; extraction?: number }) {
  const p = createProfile('a', 0, 0);
  p.events = p.scored = scored;
  p.elicitation.hits = hits.elicitation ?? 0;
  p.probing = hits.probing ?? 0;
  p.extraction.hits = hits.extraction ?? 0;
  return p;
}

describe('account risk', () => {
  it('keeps a lone account that only asks for step-by-step reasoning benign (a benchmark run, a student)', () => {
    const p = profile(1300, { elicitation: 1300 });
    const a = assessAccount(p, behaviourOf(p), undefined, undefined, 0);
    assert.equal(a.verdict, 'benign');
    assert.ok(a.risk < 0.5);
  });

  it('calls sustained logit probing by one account suspicious, and a campaign of one when it is the bulk of the traffic', () => {
    const some = profile(100, { probing: 35 });
    assert.equal(assessAccount(some, behaviourOf(some), undefined, undefined, 0).verdict, 'suspicious');
    assert.equal(isSoloCampaign(some, behaviourOf(some)), false);
    const most = profile(100, { probing: 90 });
    assert.equal(isSoloCampaign(most, behaviourOf(most)), true);
  });

  it('keeps the first time an account was flagged', () => {
    const p = profile(10, {});
    const first = assessAccount(p, behaviourOf(p), { campaignId: 'cmp-1', score: 0.8 }, undefined, 1000);
    const later = assessAccount(p, behaviourOf(p), { campaignId: 'cmp-1', score: 0.9 }, first, 5000);
    assert.equal(first.firstFlaggedAt, 1000);
    assert.equal(later.firstFlaggedAt, 1000);
    assert.equal(later.verdict, 'campaign');
  });
});
