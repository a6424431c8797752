/**
 * The detection engine: one `ingest(event)` for the live gateway and for offline replay (DESIGN 1).
 *
 * Per event (a few µs beyond the signals): the template index records the request's LSH keys and
 * says which template families it hit; the account's profile folds the event in (accounts.ts);
 * families the account now uses repeatedly and new infrastructure values are registered in the
 * inverted indexes, marking the account for re-linking.
 *
 * Every `recomputeEvery` events or `recomputeIntervalMs` of event time (whichever comes first), the
 * campaign step runs on the state as it stands: weigh the pairs that new families and values bring
 * and a share of the existing links (linkage.ts), bring the groups of changed components up to date
 * (components.ts), re-score the groups that changed or have new activity (campaigns.ts), record
 * detections and refresh the assessments of accounts that changed. Each part of the step costs what
 * changed since the last one, not the size of the graph, so the engine's cost per event stays flat as
 * accounts and links accumulate. Assessments are stored, so `assess()` is a map lookup, and everything
 * said at time t rests on events up to t (DESIGN 2): a detection is stamped with the time of the event
 * that triggered the step, never later data.
 *
 * Same events in the same order with the same seed give the same state: nothing reads the clock or
 * an unseeded random source, and every iteration order is insertion or index order.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { Signals } from '../signals/types.ts';
import { signalsOfEvent } from '../signals/index.ts';
import type { AccountAssessment, Campaign, Engine, EngineOptions } from './types.ts';
import { createDetails, createProfile, evictIdleDetails, reduceProfile, type AccountProfile } from './accounts.ts';
import {
  createCampaignBook, describeCampaign, findCampaigns, scoreGroup, scoreSolo, type CampaignContext, type CampaignFinding, type GroupScore,
} from './campaigns.ts';
import {
  burstBucket, countValue, createGraph, LINK, notePending, noteValue, refreshGraph, regroupLinks, reweighLinks, type LinkContext, type LinkKind,
} from './linkage.ts';
import { isMultiTurn, timeOf } from './request-event.ts';
import { assessAccount, behaviourOf, isSoloCampaign, type Membership } from './risk.ts';
import { guaranteed } from './space-saving.ts';
import { createTemplateIndex, observeTemplate, registerMember } from './templates.ts';

export interface DetectionEngineOptions extends EngineOptions {
  /** Run the campaign step after this many events (default 500). */
  recomputeEvery?: number;
  /** ...or after this much event time (default 15 minutes), so quiet periods still get verdicts. */
  recomputeIntervalMs?: number;
  /** Accounts keeping detailed profiles; the idle rest keep counters only (default 200,000). */
  maxDetailedAccounts?: number;
  /** Whether one account with sustained probing/extraction/jailbreak becomes a campaign of one (default true). */
  soloCampaigns?: boolean;
}

/** A link between two accounts as an analyst reads it. */
export interface AccountLink {
  a: string;
  b: string;
  weight: number;
  kinds: LinkKind[];
  sharedFamilies: number;
}

/** The engine plus read-only views for reports and debugging. */
export interface DetectionEngine extends Engine {
  /** Current links between accounts (weight >= LINK_THRESHOLD), ordered by account index. */
  links(): AccountLink[];
  /** Template families two accounts both use repeatedly (view, breadth, skeleton): what a template link rests on. */
  sharedTemplates(a: string, b: string): Array<{ family: number; view: string; breadth: number; events: number; skeleton: string }>;
}

/** Uses of a family within one account before the account counts as its repeat user. */
const REGISTER_AFTER = 2;
/** A model first seen this long after the stream began counts as a new release... */
const RELEASE_WARMUP_MS = 24 * 3_600_000;
/** ...and requests to it count as a pivot for this long. */
const FRESH_MODEL_MS = 24 * 3_600_000;
/**
 * Links re-weighed per event, in rounds over all links (rarities drift as templates spread): a
 * share of each step rather than all links every so many steps, whose cost grew with the graph.
 */
const REWEIGH_PER_EVENT = 0.5;

function defaultSignalsOf(event: TrafficEvent): Signals | undefined {
  try {
    return signalsOfEvent(event);
  } catch {
    // Not a request body the signal stage reads (GET endpoints, malformed bodies): counted, not scored.
    return undefined;
  }
}

function freshAssessment(id: string): AccountAssessment {
  return { accountId: id, risk: 0, verdict: 'benign', campaignId: null, firstFlaggedAt: null, events: 0, signals: [] };
}

/**
 * A detection engine.
 *
 * @example
 * const engine = createEngine({ seed: 1 });
 * for (const event of events) engine.ingest(event);
 * engine.assess('acct_42')?.verdict; // 'campaign' | 'suspicious' | 'benign'
 */
export function createEngine(options: DetectionEngineOptions = {}): DetectionEngine {
  const seed = options.seed ?? 0;
  const signalsOf = options.signalsOf ?? defaultSignalsOf;
  const recomputeEvery = options.recomputeEvery ?? 500;
  const recomputeIntervalMs = options.recomputeIntervalMs ?? 15 * 60_000;
  const maxDetailed = options.maxDetailedAccounts ?? 200_000;
  const solo = options.soloCampaigns ?? true;

  const profiles: AccountProfile[] = [];
  const byId = new Map<string, AccountProfile>();
  const assessments: AccountAssessment[] = [];
  const templates = createTemplateIndex();
  const graph = createGraph();
  const book = createCampaignBook(seed);
  const releases = new Map<string, number>();
  const touched = new Set<number>();
  const soloCandidates = new Set<number>();
  const families: number[] = [];
  const linkContext: LinkContext = { profiles, templates, accounts: 0 };

  let events = 0;
  let from: number | null = null;
  let to: number | null = null;
  let sinceStep = 0;
  let lastStepAt = -Infinity;
  let steps = 0;
  /** Each grouped account's group (a part of two or more accounts, components.ts). */
  const groupOf = new Map<number, number[]>();
  /** Detected campaigns by group, and by account for campaigns of one. */
  const groupFindings = new Map<number[], CampaignFinding>();
  const soloFindings = new Map<number, CampaignFinding>();
  /** Each account's campaign: a linked group's, or its own. */
  const linkedMembership = new Map<number, Membership>();
  const soloMembership = new Map<number, Membership>();

  function campaignContext(): CampaignContext {
    return { graph, templates, book, previousCampaignOf: (p) => assessments[p.index]?.campaignId ?? null };
  }

  function isFreshModel(model: string | undefined, ts: number): boolean {
    if (model === undefined || from === null) return false;
    let released = releases.get(model);
    if (released === undefined) {
      // Models in use when the stream began are not releases; their first sighting is stored as -Infinity.
      released = ts - from < RELEASE_WARMUP_MS ? -Infinity : ts;
      releases.set(model, released);
    }
    return ts - released < FRESH_MODEL_MS;
  }

  function register(p: AccountProfile): void {
    const d = p.details;
    if (d === undefined) return;
    for (const family of families) {
      if (d.registered.has(family) || guaranteed(d.templates, family) < REGISTER_AFTER) continue;
      d.registered.add(family);
      registerMember(templates, family, p.index);
      notePending(graph, p.index, 'fam:' + family);
    }
  }

  function ingest(event: TrafficEvent, given?: Signals): void {
    let ts = timeOf(event.ts);
    // Out-of-order or unreadable times are held at the last time seen: verdicts never move backwards.
    if (!Number.isFinite(ts)) ts = to ?? 0;
    if (to !== null && ts < to) ts = to;
    if (from === null) from = ts;
    to = ts;
    events++;
    const signals = given ?? signalsOf(event);

    let p = byId.get(event.account_id);
    if (p === undefined) {
      p = createProfile(event.account_id, profiles.length, ts);
      profiles.push(p);
      byId.set(p.id, p);
      assessments.push(freshAssessment(p.id));
    }
    if (p.details === undefined) p.details = createDetails();
    const d = p.details;

    // Templates are read from fresh prompts only: a conversation re-sends its first message with every
    // turn, which would make any chat look like a reused template.
    if (signals !== undefined && !isMultiTurn(event.request)) observeTemplate(templates, signals.template.lshKeys, signals.template.skeleton, families);
    else families.length = 0;
    let sharedTemplate = false;
    for (const family of families) {
      const entry = templates.families[family];
      if (entry !== undefined && entry.view !== 'system' && entry.members.count >= 2) sharedTemplate = true;
    }
    const freshModel = isFreshModel(event.model, ts);

    const infoBefore = p.info.payment_fingerprint === undefined || p.info.signup_ip === undefined || p.info.created_at === undefined;
    const prefixes = d.ipPrefixes.length;
    const asns = d.asns.length;
    const ja4s = d.ja4s.length;
    const agents = d.userAgents.length;
    reduceProfile(p, { ts, event, signals, families, sharedTemplate, freshModel });
    register(p);
    const index = p.index;
    for (let i = prefixes; i < d.ipPrefixes.length; i++) noteValue(graph, 'pfx:' + d.ipPrefixes[i], index);
    for (let i = asns; i < d.asns.length; i++) countValue(graph, 'asn:' + d.asns[i]);
    for (let i = ja4s; i < d.ja4s.length; i++) countValue(graph, 'ja4:' + d.ja4s[i]);
    for (let i = agents; i < d.userAgents.length; i++) countValue(graph, 'ua:' + d.userAgents[i]);
    if (asns !== d.asns.length || ja4s !== d.ja4s.length || agents !== d.userAgents.length) graph.dirty.add(index);
    if (infoBefore && p.events === 1) noteSignup(p);

    touched.add(index);
    const assessment = assessments[index];
    if (assessment !== undefined) assessment.events = p.events;
    if (++sinceStep >= recomputeEvery || ts - lastStepAt >= recomputeIntervalMs) step(ts);
  }

  /** Sign-up facts, once per account (they come with its first event). */
  function noteSignup(p: AccountProfile): void {
    const info = p.info;
    if (info.payment_fingerprint !== undefined) noteValue(graph, 'pay:' + info.payment_fingerprint, p.index);
    if (info.signup_ip !== undefined) noteValue(graph, 'sip:' + info.signup_ip, p.index);
    if (info.email_domain !== undefined) {
      countValue(graph, 'dom:' + info.email_domain);
      if (Number.isFinite(p.createdAt)) noteValue(graph, 'burst:' + info.email_domain + ':' + burstBucket(p.createdAt), p.index);
    }
    graph.dirty.add(p.index);
  }

  /** Drops `finding`'s members from `into`, remembering what each had before this step. */
  function release(finding: CampaignFinding, into: Map<number, Membership>, before: Map<number, Membership | undefined>): void {
    for (const p of finding.group.participants) {
      if (!before.has(p.index)) before.set(p.index, membershipOf(p.index));
      into.delete(p.index);
    }
  }

  /** Puts `finding`'s members in `into`, remembering what each had before this step. */
  function enter(finding: CampaignFinding, into: Map<number, Membership>, before: Map<number, Membership | undefined>): void {
    for (const p of finding.group.participants) {
      if (!before.has(p.index)) before.set(p.index, membershipOf(p.index));
      into.set(p.index, { campaignId: finding.id, score: finding.group.score });
    }
  }

  function membershipOf(index: number): Membership | undefined {
    return linkedMembership.get(index) ?? soloMembership.get(index);
  }

  /** The campaign step (see the file comment). */
  function step(now: number): void {
    const events = sinceStep;
    sinceStep = 0;
    lastStepAt = now;
    steps++;
    linkContext.accounts = profiles.length;
    if (steps % 64 === 0) evictIdleDetails(profiles, maxDetailed);
    refreshGraph(graph, linkContext);
    reweighLinks(graph, linkContext, Math.ceil(events * REWEIGH_PER_EVENT));

    // Groups that changed or have members with new events are scored again; the others keep their
    // score and finding (nothing they rest on moved).
    const { removed, added } = regroupLinks(graph);
    const before = new Map<number, Membership | undefined>();
    for (const group of removed) {
      for (const m of group) if (groupOf.get(m) === group) groupOf.delete(m);
      const finding = groupFindings.get(group);
      if (finding !== undefined) release(finding, linkedMembership, before);
      groupFindings.delete(group);
    }
    const stale = new Set<number[]>();
    for (const group of added) {
      if (group.length < 2) continue;
      for (const m of group) groupOf.set(m, group);
      stale.add(group);
    }
    for (const i of touched) {
      const group = groupOf.get(i);
      if (group !== undefined) stale.add(group);
    }
    const rescored = [...stale].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
    const groupByScore = new Map<GroupScore, number[]>();
    for (const group of rescored) {
      const finding = groupFindings.get(group);
      if (finding !== undefined) release(finding, linkedMembership, before);
      groupFindings.delete(group);
      groupByScore.set(scoreGroup(group.map((i) => profiles[i] as AccountProfile), graph), group);
    }
    for (const finding of findCampaigns([...groupByScore.keys()], campaignContext(), now)) {
      groupFindings.set(groupByScore.get(finding.group) as number[], finding);
      enter(finding, linkedMembership, before);
    }

    if (solo) {
      // Candidates to look at again: those with new events, and those whose linked campaign came or
      // went (an account already in a detected campaign is not also a campaign of its own).
      const redo = new Set<number>();
      for (const i of touched) {
        const p = profiles[i];
        if (p === undefined) continue;
        if (!soloCandidates.has(i) && isSoloCampaign(p, behaviourOf(p))) soloCandidates.add(i);
        if (soloCandidates.has(i)) redo.add(i);
      }
      for (const i of before.keys()) if (soloCandidates.has(i)) redo.add(i);
      const solos: GroupScore[] = [];
      for (const i of [...redo].sort((x, y) => x - y)) {
        const finding = soloFindings.get(i);
        if (finding !== undefined) release(finding, soloMembership, before);
        soloFindings.delete(i);
        const p = profiles[i];
        const score = p === undefined || linkedMembership.has(i) ? undefined : scoreSolo(p);
        if (score !== undefined) solos.push(score);
      }
      for (const finding of findCampaigns(solos, campaignContext(), now)) {
        soloFindings.set((finding.group.participants[0] as AccountProfile).index, finding);
        enter(finding, soloMembership, before);
      }
    }

    // Re-assess accounts with new events, and members whose campaign or campaign score moved.
    const reassess = new Set<number>(touched);
    for (const [i, was] of before) {
      const is = membershipOf(i);
      if (was === undefined || is === undefined ? was !== is : is.campaignId !== was.campaignId || Math.abs(is.score - was.score) >= 0.01) reassess.add(i);
    }
    for (const i of reassess) {
      const p = profiles[i];
      if (p === undefined) continue;
      assessments[i] = assessAccount(p, behaviourOf(p), membershipOf(i), assessments[i], now);
    }
    touched.clear();
  }

  return {
    ingest,
    assess(accountId: string): AccountAssessment | undefined {
      const p = byId.get(accountId);
      return p === undefined ? undefined : assessments[p.index];
    },
    snapshot() {
      // Bring verdicts up to the last event (a step at its time: still only events up to then).
      if (sinceStep > 0 && to !== null) step(to);
      const campaigns: Campaign[] = [...groupFindings.values(), ...soloFindings.values()].map((f) => describeCampaign(f, { graph, templates }));
      campaigns.sort((a, b) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : 1));
      return { accounts: [...assessments], campaigns, events, from, to };
    },
    sharedTemplates(a, b) {
      const da = byId.get(a)?.details;
      const db = byId.get(b)?.details;
      if (da === undefined || db === undefined) return [];
      return [...da.registered].filter((f) => db.registered.has(f)).sort((x, y) => x - y).flatMap((f) => {
        const entry = templates.families[f];
        return entry === undefined ? [] : [{ family: f, view: entry.view, breadth: entry.members.count, events: entry.events, skeleton: entry.skeleton }];
      });
    },
    links() {
      const kinds = Object.entries(LINK) as Array<[LinkKind, number]>;
      return [...graph.edges.values()]
        .sort((x, y) => x.a - y.a || x.b - y.b)
        .map((e) => ({
          a: profiles[e.a]?.id ?? '', b: profiles[e.b]?.id ?? '', weight: Math.round(e.weight * 1000) / 1000,
          kinds: kinds.filter(([, bit]) => (e.kinds & bit) !== 0).map(([name]) => name), sharedFamilies: e.sharedFamilies,
        }));
    },
  };
}
