import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProfile, type AccountProfile } from './accounts.ts';
import { createGraph, LINK, LINK_THRESHOLD, noteValue, refreshGraph, regroupLinks, weighPair, type LinkContext } from './linkage.ts';
import { createTemplateIndex, observeTemplate, registerMember } from './templates.ts';

function world(n: number) {
  const profiles: AccountProfile[] = [];
  for (let i = 0; i < n; i++) profiles.push(createProfile(`acct-${i}`, i, 0));
  const templates = createTemplateIndex();
  const ctx: LinkContext = { profiles, templates, accounts: 5000 };
  return { profiles, templates, ctx, graph: createGraph() };
}

function sameOffice(p: AccountProfile): void {
  p.details!.ipPrefixes.push('198.51.100.0/24');
  p.details!.asns.push('64496');
  p.details!.ja4s.push('t13d_office');
  p.details!.userAgents.push('Mozilla/5.0');
}

/** Registers both accounts under `count` prefix families (distinct wrappers). */
function shareWrappers(w: ReturnType<typeof world>, a: AccountProfile, b: AccountProfile, count: number): void {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    observeTemplate(w.templates, [`he8:wrapper${k}`], 'wrapper', out);
    observeTemplate(w.templates, [`he8:wrapper${k}`], 'wrapper', out);
    for (const p of [a, b]) { registerMember(w.templates, out[0]!, p.index); p.details!.registered.add(out[0]!); }
  }
}

describe('account linkage', () => {
  it('never links on a shared office network, ASN, TLS fingerprint and user agent alone', () => {
    const w = world(2);
    w.profiles.forEach(sameOffice);
    const edge = weighPair(w.graph, w.profiles[0]!, w.profiles[1]!, w.ctx);
    assert.ok(edge.kinds & LINK.ipPrefix);
    assert.ok(edge.weight < LINK_THRESHOLD);
  });

  it('links on a shared payment fingerprint', () => {
    const w = world(2);
    for (const p of w.profiles) p.info.payment_fingerprint = 'card-1';
    assert.ok(weighPair(w.graph, w.profiles[0]!, w.profiles[1]!, w.ctx).weight >= LINK_THRESHOLD);
  });

  it('needs shared wrappers plus some corroboration to link on templates', () => {
    const w = world(4);
    const [a, b, c, d] = w.profiles as [AccountProfile, AccountProfile, AccountProfile, AccountProfile];
    shareWrappers(w, a, b, 1);
    assert.ok(weighPair(w.graph, a, b, w.ctx).weight < LINK_THRESHOLD, 'one shared frame is not an operator');
    shareWrappers(w, c, d, 4);
    assert.ok(weighPair(w.graph, c, d, w.ctx).weight < LINK_THRESHOLD, 'templates alone do not link');
    for (const p of [c, d]) { p.details!.ipPrefixes.push('203.0.113.0/24'); p.details!.ja4s.push('t13d_rare'); }
    assert.ok(weighPair(w.graph, c, d, w.ctx).weight >= LINK_THRESHOLD);
  });

  it('finds links through inverted indexes and groups linked accounts', () => {
    const w = world(5);
    for (const i of [0, 1, 3]) {
      const p = w.profiles[i]!;
      p.info.payment_fingerprint = 'card-x';
      noteValue(w.graph, 'pay:card-x', i);
    }
    refreshGraph(w.graph, w.ctx);
    assert.deepEqual(regroupLinks(w.graph).added, [[0, 1, 3]]);
  });
});
