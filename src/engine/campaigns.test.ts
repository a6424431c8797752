import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProfile, type AccountProfile } from './accounts.ts';
import { CAMPAIGN_THRESHOLD, createCampaignBook, findCampaigns, scoreGroup } from './campaigns.ts';
import { createGraph } from './linkage.ts';
import { createTemplateIndex } from './templates.ts';

function member(id: string, index: number, events: number, elicitation: number, shared: number): AccountProfile {
  const p = createProfile(id, index, index * 1000);
  p.events = p.scored = events;
  p.elicitation.hits = Math.round(events * elicitation);
  p.sharedTemplate = Math.round(events * shared);
  return p;
}

describe('campaign scoring', () => {
  it('scores a linked group that harvests above the threshold and one that does not below it', () => {
    const graph = createGraph();
    const harvesting = [0, 1, 2, 3].map((i) => member(`h${i}`, i, 60, 0.9, 0.9));
    const office = [4, 5, 6, 7].map((i) => member(`o${i}`, i, 60, 0.02, 0));
    assert.ok(scoreGroup(harvesting, graph).score >= CAMPAIGN_THRESHOLD);
    assert.ok(scoreGroup(office, graph).score < CAMPAIGN_THRESHOLD);
  });

  it('does not call a class of students sending a few questions each a campaign', () => {
    const students = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => member(`s${i}`, i, 6, 0.6, 0.8));
    assert.ok(scoreGroup(students, createGraph()).score < CAMPAIGN_THRESHOLD);
  });

  it('keeps the campaign id and the first detection as the campaign grows', () => {
    const graph = createGraph();
    const book = createCampaignBook(1);
    const ctx = { graph, templates: createTemplateIndex(), book, previousCampaignOf: () => null };
    const group = [0, 1, 2].map((i) => member(`h${i}`, i, 60, 0.9, 0.9));
    const first = findCampaigns([scoreGroup(group, graph)], ctx, 5000);
    const grown = findCampaigns([scoreGroup([...group, member('h3', 3, 60, 0.9, 0.9)], graph)], ctx, 9000);
    assert.equal(first[0]?.id, grown[0]?.id);
    assert.equal(grown[0]?.detection.detectedAt, 5000);
    assert.equal(grown[0]?.group.participants.length, 4);
  });

  it('passes a detection to the group holding most of the campaign, not to a few accounts that split off', () => {
    const graph = createGraph();
    const book = createCampaignBook(1);
    const previous = new Map<string, string>();
    const ctx = { graph, templates: createTemplateIndex(), book, previousCampaignOf: (p: AccountProfile) => previous.get(p.id) ?? null };
    // The few bystanders are the earliest accounts, so the merged campaign is named after one of them.
    const bystanders = [0, 1].map((i) => member(`b${i}`, i, 60, 0, 0.5));
    const crew = [2, 3, 4, 5, 6].map((i) => member(`h${i}`, i, 60, 0.9, 0.9));
    const [merged] = findCampaigns([scoreGroup([...bystanders, ...crew], graph)], ctx, 5000);
    assert.ok(merged !== undefined);
    for (const p of [...bystanders, ...crew]) previous.set(p.id, merged.id);
    const after = findCampaigns([scoreGroup(bystanders, graph), scoreGroup(crew, graph)], ctx, 9000);
    assert.equal(after.length, 1);
    assert.deepEqual(after[0]?.group.participants.map((p) => p.id), crew.map((p) => p.id));
    assert.equal(after[0]?.detection.detectedAt, 5000);
  });
});
