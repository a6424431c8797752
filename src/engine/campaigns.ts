/**
 * Campaigns: linked groups of accounts (linkage.ts) scored from their members' behaviour.
 *
 *   score = volume x harvest x (0.7 + 0.3 x coordination)
 *   harvest:      the members' harvest behaviour (risk.ts), weighted by their requests
 *   coordination: the larger of the share of requests on templates shared across accounts, the share
 *                 of links with synchronized activity, and half the share of links with shared infrastructure
 *   volume:       min(1, requests / VOLUME_FULL) x min(1, requests per account / DEPTH_FULL): a handful
 *                 of requests is not yet a campaign, and neither is a class of students sending a few
 *                 homework questions each from one campus (harvesting needs volume per account, even
 *                 when each account stays under any rate limit)
 *
 * A group is a campaign once its score reaches CAMPAIGN_THRESHOLD; that moment is recorded
 * (detectedAt, eventsBeforeDetection) and stays with the campaign id. The id derives from the
 * earliest member, so it does not change as members join; when groups merge, the merged campaign
 * keeps the earliest detection among them.
 *
 * A linked group whose members do not harvest (an office team on one company card, two customers
 * running the same SDK example) scores low however tightly it is linked: linkage alone is never a
 * verdict. Members that neither harvest nor use the group's shared templates are left out of the
 * campaign (they are linked by accident of infrastructure, not by behaviour).
 */
import type { Campaign, Evidence } from './types.ts';
import { CAPABILITIES } from '../signals/types.ts';
import { hashString } from '../signals/text/hash.ts';
import type { AccountProfile } from './accounts.ts';
import { LINK, type AccountGraph } from './linkage.ts';
import { behaviourOf, isSoloCampaign, type Behaviour } from './risk.ts';
import type { TemplateIndex } from './templates.ts';

export const CAMPAIGN_THRESHOLD = 0.4;
const VOLUME_FULL = 100;
/**
 * Requests per account for full depth. Ten, not more: a crew of 70 light accounts (a reseller spreading
 * its sweep) would otherwise need 1,400 requests before it could count, while benign linked groups
 * (campus cohorts, office teams) are held off by what they ask, not by how much (their harvest stays
 * far below the bar at any depth).
 */
const DEPTH_FULL = 10;
/** A member takes part when it harvests at least this much or uses the shared templates this much. */
const PARTICIPATION_HARVEST = 0.15;
const PARTICIPATION_TEMPLATED = 0.2;
/** An account silent this long before another one started counts as rotated out. */
const ROTATION_GAP_MS = 12 * 3_600_000;

export type CampaignTask = (window: readonly AccountProfile[], now: number) => Campaign[];

export interface Detection {
  detectedAt: number;
  eventsBeforeDetection: number;
}

/** What campaign finding remembers between runs: when each campaign id was first detected. */
export interface CampaignBook {
  detections: Map<string, Detection>;
  /** Accounts in each detected campaign when it was last found: who holds most of it carries its detection on. */
  sizes: Map<string, number>;
  seed: number;
}

export function createCampaignBook(seed: number): CampaignBook {
  return { detections: new Map(), sizes: new Map(), seed };
}

export interface CampaignContext {
  graph: AccountGraph;
  templates: TemplateIndex;
  book: CampaignBook;
  /** The campaign each account belonged to at the previous run, for inheriting detections. */
  previousCampaignOf: (account: AccountProfile) => string | null;
}

export interface GroupScore {
  score: number;
  harvest: number;
  coordination: number;
  volume: number;
  events: number;
  participants: AccountProfile[];
  behaviours: Behaviour[];
}

/** A campaign id: stable for the earliest member and the engine's seed. */
export function campaignIdOf(earliest: AccountProfile, seed: number): string {
  return 'cmp-' + hashString(earliest.id, seed).toString(16).padStart(8, '0');
}

/**
 * Links at most looked at for a share of a group's links: a dense group of 700 accounts has 50,000
 * links, and counting them all at every re-scoring cost more than the rest of the step. Beyond this,
 * the share is measured on the links of evenly spaced members (deterministic): within a few percent,
 * which moves the score (0.7 + 0.3 x coordination) by a third of that at most.
 */
const SHARE_SAMPLE_LINKS = 1_000;

/** For each of `masks`, the share of the links of `members` that have any of its kinds (one pass). */
function linkShares(graph: AccountGraph, members: readonly AccountProfile[], masks: readonly number[]): number[] {
  let degrees = 0;
  for (const p of members) degrees += graph.adjacency.get(p.index)?.size ?? 0;
  const stride = Math.max(1, Math.ceil(degrees / SHARE_SAMPLE_LINKS));
  let links = 0;
  const matching = masks.map(() => 0);
  for (let i = 0; i < members.length; i += stride) {
    const p = members[i] as AccountProfile;
    const linked = graph.adjacency.get(p.index);
    if (linked === undefined) continue;
    for (const [other, edge] of linked) {
      // Each link once when every member is looked at; from both ends when sampling.
      if (stride === 1 && other <= p.index) continue;
      links++;
      for (let m = 0; m < masks.length; m++) if ((edge.kinds & (masks[m] ?? 0)) !== 0) matching[m] = (matching[m] ?? 0) + 1;
    }
  }
  return matching.map((n) => (links > 0 ? n / links : 0));
}

export function scoreGroup(members: readonly AccountProfile[], graph: AccountGraph): GroupScore {
  const participants: AccountProfile[] = [];
  const behaviours: Behaviour[] = [];
  for (const p of members) {
    const b = behaviourOf(p);
    if (b.harvest < PARTICIPATION_HARVEST && b.templated < PARTICIPATION_TEMPLATED) continue;
    participants.push(p);
    behaviours.push(b);
  }
  let events = 0;
  let harvestMass = 0;
  let templated = 0;
  participants.forEach((p, i) => {
    events += p.events;
    harvestMass += p.events * (behaviours[i]?.harvest ?? 0);
    templated += p.sharedTemplate;
  });
  const harvest = events > 0 ? harvestMass / events : 0;
  const infra = LINK.ipPrefix | LINK.ja4 | LINK.payment | LINK.signupIp | LINK.signupBurst;
  const [sync = 0, infraShare = 0] = linkShares(graph, participants, [LINK.sync, infra]);
  const coordination = Math.max(events > 0 ? templated / events : 0, sync, 0.5 * infraShare);
  const depth = participants.length > 0 ? events / participants.length : 0;
  const volume = Math.min(1, events / VOLUME_FULL) * Math.min(1, depth / DEPTH_FULL);
  const score = participants.length >= 2 ? volume * harvest * (0.7 + 0.3 * coordination) : 0;
  return { score, harvest, coordination, volume, events, participants, behaviours };
}

/** A one-account group for an account whose own behaviour makes it a campaign (risk.ts). */
export function scoreSolo(p: AccountProfile): GroupScore | undefined {
  const b = behaviourOf(p);
  if (!isSoloCampaign(p, b)) return undefined;
  return { score: b.probe, harvest: b.harvest, coordination: 0, volume: 1, events: p.events, participants: [p], behaviours: [b] };
}

/** A detected campaign before it is described (descriptions are built only when a report asks). */
export interface CampaignFinding {
  id: string;
  group: GroupScore;
  detection: Detection;
}

/**
 * Campaigns among `groups` (linked groups and solo candidates) as of `now`: every group whose
 * campaign id has been detected, now or before. Records new detections in the book.
 */
export function findCampaigns(groups: readonly GroupScore[], ctx: CampaignContext, now: number): CampaignFinding[] {
  const campaigns: CampaignFinding[] = [];
  for (const group of groups) {
    if (group.participants.length === 0) continue;
    let earliest = group.participants[0] as AccountProfile;
    for (const p of group.participants) if (p.firstTs < earliest.firstTs || (p.firstTs === earliest.firstTs && p.index < earliest.index)) earliest = p;
    const id = campaignIdOf(earliest, ctx.book.seed);
    // The detection this group continues: the earliest of the detected campaigns it holds most of the
    // accounts of (a merge or a new earliest member changes the id, not the campaign; a group whose links
    // lapsed for a while and came back is the same crew). A few accounts caught up in a campaign by
    // accident of linkage and split off later (app backends sharing popular questions with a reseller's
    // customers) carry nothing away, even when the campaign was named after one of them: a detection
    // belongs to the bulk of a campaign.
    const held = new Map<string, number>();
    for (const p of group.participants) {
      const before = ctx.previousCampaignOf(p) ?? id;
      held.set(before, (held.get(before) ?? 0) + 1);
    }
    let detection: Detection | undefined;
    for (const [before, count] of held) {
      const d = ctx.book.detections.get(before);
      if (d === undefined || 2 * count <= (ctx.book.sizes.get(before) ?? 0)) continue;
      if (detection === undefined || d.detectedAt < detection.detectedAt) detection = d;
    }
    if (detection === undefined && group.score >= CAMPAIGN_THRESHOLD) detection = { detectedAt: now, eventsBeforeDetection: group.events };
    if (detection !== undefined) {
      ctx.book.detections.set(id, detection);
      ctx.book.sizes.set(id, group.participants.length);
    }
    if (detection === undefined) continue;
    campaigns.push({ id, group, detection });
  }
  return campaigns;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function meanOf(group: GroupScore, pick: (b: Behaviour) => number): number {
  let sum = 0;
  group.participants.forEach((p, i) => { const b = group.behaviours[i]; if (b !== undefined) sum += p.events * pick(b); });
  return group.events > 0 ? sum / group.events : 0;
}

/** Values held by two or more participants, most shared first: [value, holders]. */
function sharedValues(values: Array<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The campaign as reports and analysts read it: techniques, targets and evidence. */
export function describeCampaign({ id, group, detection }: CampaignFinding, ctx: Pick<CampaignContext, 'graph' | 'templates'>): Campaign {
  const members = group.participants;
  const techniques: string[] = [];
  const evidence: Evidence[] = [{
    kind: 'score',
    detail: `harvest ${group.harvest.toFixed(2)} x coordination ${group.coordination.toFixed(2)} x volume ${group.volume.toFixed(2)} over ${group.events} requests from ${members.length} accounts`,
  }];
  const rate = (technique: string, kind: string, value: number, floor: number, what: string): void => {
    if (value < floor) return;
    techniques.push(technique);
    evidence.push({ kind, detail: `${percent(value)} of requests ${what}` });
  };
  rate('cot_elicitation', 'cot_elicitation', meanOf(group, (b) => b.elicitation), 0.2, 'ask for step-by-step reasoning');
  rate('rubric_harvesting', 'rubric_harvesting', meanOf(group, (b) => b.rubric), 0.15, 'ask to grade or compare answers');
  rate('system_prompt_extraction', 'system_prompt_extraction', meanOf(group, (b) => b.extraction), 0.1, 'try to extract a system prompt');
  rate('jailbreak', 'jailbreak', meanOf(group, (b) => b.jailbreak), 0.1, 'are jailbreak attempts');
  rate('logit_probing', 'logit_probing', meanOf(group, (b) => b.probing), 0.1, 'probe logprobs or logit_bias');
  rate('model_pivot', 'model_pivot', meanOf(group, (b) => b.freshModel), 0.1, 'went to a model within a day of its release');
  rate('template_sweep', 'template_sweep', meanOf(group, (b) => b.templated), 0.3, 'use prompt templates shared across the accounts');
  const habits = new Map<string, number>();
  for (const p of members) for (const [habit, n] of p.details?.habits ?? []) habits.set(habit, (habits.get(habit) ?? 0) + n);
  if ((habits.get('many_choices') ?? 0) >= group.events * 0.1) {
    techniques.push('multi_sample');
    evidence.push({ kind: 'harvest_params', detail: `${habits.get('many_choices')} requests ask for several completions (n >= 2)` });
  }

  const families = sharedValues(members.flatMap((p) => [...(p.details?.registered ?? [])].map(String)));
  for (const [family, holders] of families.slice(0, 3)) {
    const entry = ctx.templates.families[Number(family)];
    if (entry === undefined) continue;
    evidence.push({ kind: 'shared_template', detail: `template family ${family} (${entry.view}) used repeatedly by ${holders} of these accounts (${entry.members.count} overall): "${entry.skeleton}"` });
  }
  const infra: Array<[string, string, Array<string | undefined>]> = [
    ['shared_payment', 'payment fingerprint', members.map((p) => p.info.payment_fingerprint)],
    ['shared_signup_ip', 'sign-up IP', members.map((p) => p.info.signup_ip)],
    ['shared_ip_prefix', 'network', members.flatMap((p) => p.details?.ipPrefixes ?? [])],
    ['shared_ja4', 'TLS fingerprint', members.flatMap((p) => p.details?.ja4s ?? [])],
  ];
  let proxies = false;
  for (const [kind, what, values] of infra) {
    const shared = sharedValues(values);
    if (shared.length === 0) continue;
    if (kind === 'shared_ip_prefix' && (shared[0]?.[1] ?? 0) >= Math.max(2, members.length / 3)) proxies = true;
    evidence.push({ kind, detail: `${what} ${shared.slice(0, 3).map(([v, n]) => `${v} (${n} accounts)`).join(', ')}` });
  }
  if (proxies) techniques.push('proxy_infrastructure');
  const [burst = 0, sync = 0] = linkShares(ctx.graph, members, [LINK.signupBurst, LINK.sync]);
  if (burst >= 0.3) evidence.push({ kind: 'signup_burst', detail: `${percent(burst)} of links join accounts created within a day on one email domain` });
  if (sync >= 0.3) {
    techniques.push('synchronized_activity');
    evidence.push({ kind: 'synchronized_activity', detail: `${percent(sync)} of links join accounts active in the same 5-minute slots` });
  }
  const rotated = rotatedOut(members);
  if (rotated > 0) {
    techniques.push('account_rotation');
    evidence.push({ kind: 'account_rotation', detail: `${rotated} accounts went silent before other members started` });
  }
  evidence.push({ kind: 'accounts', detail: members.slice(0, 12).map((p) => p.id).join(', ') + (members.length > 12 ? `, and ${members.length - 12} more` : '') });

  return {
    id,
    accounts: members.map((p) => p.id).sort(),
    score: Math.round(Math.min(1, group.score) * 1000) / 1000,
    firstSeen: Math.min(...members.map((p) => p.firstTs)),
    detectedAt: detection.detectedAt,
    eventsBeforeDetection: detection.eventsBeforeDetection,
    techniques,
    targets: targetsOf(group),
    evidence,
  };
}

/** Accounts whose last request came well before another member's first (banned or dropped, then replaced). */
function rotatedOut(members: readonly AccountProfile[]): number {
  const latestStart = Math.max(...members.map((p) => p.firstTs));
  return members.filter((p) => p.lastTs + ROTATION_GAP_MS < latestStart).length;
}

function targetsOf(group: GroupScore): string[] {
  const mass = new Float64Array(CAPABILITIES.length);
  let scored = 0;
  for (const p of group.participants) {
    scored += p.scored;
    for (let i = 0; i < CAPABILITIES.length; i++) mass[i] = (mass[i] ?? 0) + (p.capability[i] ?? 0);
  }
  const targets: Array<[string, number]> = [];
  CAPABILITIES.forEach((area, i) => {
    const mean = scored > 0 ? (mass[i] ?? 0) / scored : 0;
    if (mean >= 0.25 && area !== 'chat') targets.push([area === 'safety' ? 'safety_rewrites' : area, mean]);
  });
  targets.sort((a, b) => b[1] - a[1]);
  const names = targets.map(([name]) => name);
  if (meanOf(group, (b) => b.extraction) >= 0.1) names.push('system_prompts');
  if (meanOf(group, (b) => b.probing) >= 0.1) names.push('output_distribution');
  return names;
}
