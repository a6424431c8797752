import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signalsOfEvent } from '../signals/index.ts';
import type { Signals } from '../signals/types.ts';
import { createEngine } from './engine.ts';
import { scenario } from './test-traffic.ts';

const traffic = scenario();
// Signals once, shared by every run below (they are pure; the engine would compute the same).
const signals: Array<Signals | undefined> = traffic.events.map((e) => signalsOfEvent(e));

function run(count = traffic.events.length) {
  const engine = createEngine({ seed: 3 });
  for (let i = 0; i < count; i++) engine.ingest(traffic.events[i]!, signals[i]);
  return engine;
}

const full = run();
const snapshot = full.snapshot();

describe('engine end to end', () => {
  it('finds the campaign with its members', () => {
    const campaigns = snapshot.campaigns.filter((c) => c.accounts.some((id) => traffic.roles.get(id) === 'campaign'));
    assert.equal(campaigns.length, 1, JSON.stringify(snapshot.campaigns.map((c) => c.accounts)));
    const campaign = campaigns[0]!;
    const members = [...traffic.roles].filter(([, role]) => role === 'campaign').map(([id]) => id).sort();
    assert.deepEqual(campaign.accounts, members);
    assert.ok(campaign.techniques.includes('cot_elicitation'), campaign.techniques.join());
    assert.ok(campaign.targets.includes('math'), campaign.targets.join());
    assert.ok(campaign.evidence.some((e) => e.kind === 'shared_template'));
    assert.ok(campaign.evidence.some((e) => e.kind === 'shared_payment'));
    for (const id of members) {
      const a = full.assess(id);
      assert.equal(a?.verdict, 'campaign');
      assert.equal(a?.campaignId, campaign.id);
      assert.ok(a !== undefined && a.firstFlaggedAt !== null && a.firstFlaggedAt >= campaign.detectedAt);
    }
  });

  it('keeps the hard negatives benign: batch job, app backend, office team, students, humans', () => {
    for (const a of snapshot.accounts) {
      if (traffic.roles.get(a.accountId) === 'campaign') continue;
      assert.equal(a.verdict, 'benign', `${a.accountId} (${traffic.roles.get(a.accountId)}): ${JSON.stringify(a.signals.slice(0, 3))}`);
    }
  });

  it('links the office team by its card but does not call it a campaign', () => {
    const links = full.links().filter((l) => l.a.startsWith('office-') && l.b.startsWith('office-'));
    assert.ok(links.length > 0);
    assert.ok(links.every((l) => l.kinds.includes('payment')));
  });

  it('is deterministic: the same events twice give the same snapshot', () => {
    assert.equal(JSON.stringify(run().snapshot()), JSON.stringify(snapshot));
  });

  it('stamps detection at or after the evidence and never with later data', () => {
    const campaign = snapshot.campaigns[0]!;
    const members = new Set(campaign.accounts);
    const memberEvents = traffic.events.filter((e) => members.has(e.account_id));
    assert.ok(campaign.detectedAt >= Date.parse(memberEvents[0]!.ts));
    assert.ok(campaign.eventsBeforeDetection <= memberEvents.filter((e) => Date.parse(e.ts) <= campaign.detectedAt).length);
    assert.ok(campaign.eventsBeforeDetection < memberEvents.length / 2, `detected only after ${campaign.eventsBeforeDetection} events`);
  });

  it('says the same about a prefix of the stream whether or not later events follow', () => {
    const cut = Math.floor(traffic.events.length * 0.4);
    const prefix = run(cut);
    const longer = createEngine({ seed: 3 });
    const atCut: string[] = [];
    traffic.events.forEach((e, i) => {
      longer.ingest(e, signals[i]);
      if (i === cut - 1) for (const id of traffic.roles.keys()) atCut.push(JSON.stringify(longer.assess(id) ?? null));
    });
    assert.deepEqual([...traffic.roles.keys()].map((id) => JSON.stringify(prefix.assess(id) ?? null)), atCut);
  });
});
