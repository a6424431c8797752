/**
 * Rolling per-account profiles. A profile is the fold of an explicit reducer over the account's
 * events (STYLE c): counters, per-signal sums and maxima, habits, timing, and a few small capped sets.
 * The reducer updates the state in place and returns it: one profile per account is touched per
 * event, and copying it would cost more than the rest of the engine.
 *
 * A profile has a core (kept for every account, a few hundred bytes) and details (the template
 * sketch, infrastructure sets, models, hours, activity signature) that are dropped for accounts that
 * went idle once more than `maxDetailed` accounts hold details (see evictIdleDetails).
 */
import type { AccountInfo } from '../core/traffic-event.ts';
import { CAPABILITIES } from '../signals/types.ts';
import { ipPrefixOf, isMultiTurn, type RequestEvent } from './request-event.ts';
import { createSpaceSaving, offer, type SpaceSaving } from './space-saving.ts';
import type { Behaviour } from './risk.ts';

/** An event as the profile reducer sees it: the request plus what the shared indexes said about it. */
export interface ProfiledEvent extends RequestEvent {
  /** Template families the request hit (see templates.ts). */
  families: readonly number[];
  /**
   * Whether one of those families (in the user text: a shared system prompt is how apps and tools
   * work) is used repeatedly by more than one account.
   */
  sharedTemplate: boolean;
  /** Whether the model was released (first seen by the engine) less than a day before. */
  freshModel: boolean;
}

export type ProfileReducer<S> = (state: S, ev: ProfiledEvent) => S;

/** Scores from which a request counts as showing a behaviour (the classifiers are calibrated to 0.5). */
export const SIGNAL_HIT = 0.5;
/** Harvest-parameter habits that probe the model's distribution rather than use its answers. */
const PROBING_HABITS: ReadonlySet<string> = new Set(['logprobs_with_logit_bias', 'echo_with_logprobs', 'top_logprobs_high', 'logit_bias']);
/** Capability areas a distiller wants most; the same list names campaign targets. */
export const TARGET_AREAS = ['reasoning', 'math', 'coding', 'agentic_tool_use'] as const;

const TEMPLATE_SKETCH_CAPACITY = 64;
const INFRA_CAP = 8;
const MODEL_CAP = 16;
const REASON_CAP = 16;
/** Bins of the activity signature (MinHash over active 5-minute slots). */
export const ACTIVITY_BINS = 32;
export const ACTIVITY_SLOT_MS = 5 * 60_000;
const EMPTY_BIN = 0xffffffff;

export interface AccountDetails {
  /** Heavy hitters among the template families the account hits. */
  templates: SpaceSaving;
  /** Families the account is registered under as a repeat user (see templates.registerMember). */
  registered: Set<number>;
  ipPrefixes: string[];
  asns: string[];
  ja4s: string[];
  userAgents: string[];
  /** Model -> first use (ms). */
  models: Map<string, number>;
  /** Harvest-parameter habit -> requests showing it. */
  habits: Map<string, number>;
  /** Requests per UTC hour of day. */
  hours: Uint32Array;
  /** MinHash over the 5-minute slots with activity: two accounts run by one scheduler share slots. */
  activity: Uint32Array;
  lastSlot: number;
}

export interface AccountProfile {
  id: string;
  /** Dense index, stable for the engine's lifetime (graph and union-find work on it). */
  index: number;
  info: AccountInfo;
  /** info.created_at in ms (NaN when unknown), parsed once. */
  createdAt: number;
  firstTs: number;
  lastTs: number;
  events: number;
  /** Events the signal stage could read. */
  scored: number;
  failed: number;
  multiTurn: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Per-signal sums, maxima, and requests at or above SIGNAL_HIT. */
  elicitation: SignalStats;
  jailbreak: SignalStats;
  extraction: SignalStats;
  rubric: SignalStats;
  harvestParams: SignalStats;
  /** Requests with a probing habit (logprobs with logit_bias, high top_logprobs, echo). */
  probing: number;
  /** Sum of capability scores per area (order of CAPABILITIES). */
  capability: Float64Array;
  /**
   * Single-turn requests whose strongest area is a target area scoring >= SIGNAL_HIT: a fresh problem
   * from a bank, not a step of someone's coding session or conversation.
   */
  targeted: number;
  /** Requests on a template family shared across accounts. */
  sharedTemplate: number;
  /** Requests to a model within a day of its release. */
  freshModel: number;
  /** Welford over log(1 + seconds between requests): low variance = a scheduler, not a person. */
  gapCount: number;
  gapMean: number;
  gapM2: number;
  details: AccountDetails | undefined;
  /** The last behaviour read from this profile (risk.ts behaviourOf), with what it was read from. */
  behaviour: { events: number; details: AccountDetails | undefined; value: Behaviour } | undefined;
}

export interface SignalStats {
  sum: number;
  max: number;
  hits: number;
}

function signalStats(): SignalStats {
  return { sum: 0, max: 0, hits: 0 };
}

function addSignal(stats: SignalStats, value: number): void {
  stats.sum += value;
  if (value > stats.max) stats.max = value;
  if (value >= SIGNAL_HIT) stats.hits++;
}

export function createDetails(): AccountDetails {
  return {
    templates: createSpaceSaving(TEMPLATE_SKETCH_CAPACITY),
    registered: new Set(),
    ipPrefixes: [], asns: [], ja4s: [], userAgents: [],
    models: new Map(), habits: new Map(),
    hours: new Uint32Array(24),
    activity: new Uint32Array(ACTIVITY_BINS).fill(EMPTY_BIN),
    lastSlot: -1,
  };
}

export function createProfile(id: string, index: number, ts: number): AccountProfile {
  return {
    id, index, info: {}, createdAt: NaN, firstTs: ts, lastTs: ts, events: 0, scored: 0, failed: 0, multiTurn: 0,
    inputTokens: 0, outputTokens: 0, reasoningTokens: 0,
    elicitation: signalStats(), jailbreak: signalStats(), extraction: signalStats(), rubric: signalStats(), harvestParams: signalStats(),
    probing: 0, capability: new Float64Array(CAPABILITIES.length), targeted: 0, sharedTemplate: 0, freshModel: 0,
    gapCount: 0, gapMean: 0, gapM2: 0, details: createDetails(), behaviour: undefined,
  };
}

function addCapped(set: string[], value: string | undefined): void {
  if (value === undefined || value.length === 0 || set.length >= INFRA_CAP || set.includes(value)) return;
  set.push(value);
}

/** Mixes a slot number into a well-spread 32-bit value (murmur3 finalizer). */
function slotHash(slot: number): number {
  let h = Math.imul(slot ^ (slot / 0x100000000), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The profile reducer: folds one event into the account's profile (in place; see the file comment). */
export const reduceProfile: ProfileReducer<AccountProfile> = (p, ev) => {
  const { event, signals, ts } = ev;
  if (p.events > 0) {
    const gap = Math.log1p(Math.max(0, ts - p.lastTs) / 1000);
    p.gapCount++;
    const delta = gap - p.gapMean;
    p.gapMean += delta / p.gapCount;
    p.gapM2 += delta * (gap - p.gapMean);
  }
  p.events++;
  if (ts > p.lastTs) p.lastTs = ts;
  if (event.account !== undefined && p.events === 1) {
    mergeInfo(p.info, event.account);
    if (p.info.created_at !== undefined) p.createdAt = Date.parse(p.info.created_at);
  }
  if ((event.status ?? 200) >= 400) p.failed++;
  const multiTurn = isMultiTurn(event.request);
  if (multiTurn) p.multiTurn++;
  const usage = event.usage;
  if (usage !== undefined) {
    p.inputTokens += usage.input_tokens ?? 0;
    p.outputTokens += usage.output_tokens ?? 0;
    p.reasoningTokens += usage.reasoning_tokens ?? 0;
  }
  if (ev.sharedTemplate) p.sharedTemplate++;
  if (ev.freshModel) p.freshModel++;
  const d = p.details;
  if (signals !== undefined) {
    p.scored++;
    addSignal(p.elicitation, signals.reasoning_elicitation);
    addSignal(p.jailbreak, signals.jailbreak);
    addSignal(p.extraction, signals.prompt_extraction);
    addSignal(p.rubric, signals.rubric_harvest);
    addSignal(p.harvestParams, signals.harvest_params.score);
    let probing = false;
    for (const reason of signals.harvest_params.reasons) {
      if (PROBING_HABITS.has(reason)) probing = true;
      if (d !== undefined && (d.habits.has(reason) || d.habits.size < REASON_CAP)) d.habits.set(reason, (d.habits.get(reason) ?? 0) + 1);
    }
    if (probing) p.probing++;
    let best = 0;
    let bestArea = -1;
    for (let i = 0; i < CAPABILITIES.length; i++) {
      const area = CAPABILITIES[i];
      const value = area === undefined ? 0 : signals.capability[area];
      p.capability[i] = (p.capability[i] ?? 0) + value;
      if (value > best) { best = value; bestArea = i; }
    }
    const bestName = CAPABILITIES[bestArea];
    if (!multiTurn && best >= SIGNAL_HIT && bestName !== undefined && (TARGET_AREAS as readonly string[]).includes(bestName)) p.targeted++;
  }
  if (d !== undefined) {
    for (const family of ev.families) offer(d.templates, family);
    const client = event.client;
    if (client !== undefined) {
      if (client.ip !== undefined) addCapped(d.ipPrefixes, ipPrefixOf(client.ip));
      if (client.asn !== undefined) addCapped(d.asns, String(client.asn));
      addCapped(d.ja4s, client.ja4);
      addCapped(d.userAgents, client.user_agent);
    }
    if (event.model !== undefined && !d.models.has(event.model) && d.models.size < MODEL_CAP) d.models.set(event.model, ts);
    const hour = Math.floor(ts / 3_600_000) % 24;
    d.hours[hour] = (d.hours[hour] ?? 0) + 1;
    const slot = Math.floor(ts / ACTIVITY_SLOT_MS);
    if (slot !== d.lastSlot) {
      d.lastSlot = slot;
      const h = slotHash(slot);
      const bin = h >>> 27;
      const value = h & 0x07ffffff;
      if (value < (d.activity[bin] ?? EMPTY_BIN)) d.activity[bin] = value;
    }
  }
  return p;
};

/** Sign-up facts arrive on every event; the first value seen for each field wins (they do not change). */
function mergeInfo(into: AccountInfo, from: AccountInfo): void {
  if (into.created_at === undefined && from.created_at !== undefined) into.created_at = from.created_at;
  if (into.email_domain === undefined && from.email_domain !== undefined) into.email_domain = from.email_domain;
  if (into.payment_fingerprint === undefined && from.payment_fingerprint !== undefined) into.payment_fingerprint = from.payment_fingerprint;
  if (into.signup_ip === undefined && from.signup_ip !== undefined) into.signup_ip = from.signup_ip;
  if (into.tier === undefined && from.tier !== undefined) into.tier = from.tier;
  if (into.verified === undefined && from.verified !== undefined) into.verified = from.verified;
}

/**
 * Estimated Jaccard similarity of two accounts' active 5-minute slots (0..1): loosely synchronized
 * accounts (one operator's scheduler) share many slots; independent users share few.
 */
export function activityOverlap(a: AccountDetails, b: AccountDetails): number {
  let equal = 0;
  let both = 0;
  for (let i = 0; i < ACTIVITY_BINS; i++) {
    const x = a.activity[i] ?? EMPTY_BIN;
    const y = b.activity[i] ?? EMPTY_BIN;
    if (x === EMPTY_BIN || y === EMPTY_BIN) continue;
    both++;
    if (x === y) equal++;
  }
  return both < ACTIVITY_BINS / 2 ? 0 : equal / both;
}

/** Distinct UTC hours with activity: 20+ is a scheduler running around the clock. */
export function activeHours(d: AccountDetails): number {
  let n = 0;
  for (const count of d.hours) if (count > 0) n++;
  return n;
}

/**
 * Drops the details of the least recently active accounts until at most `maxDetailed` keep them.
 * Returns how many were dropped. Cost O(n log n) in the accounts with details; call it rarely.
 */
export function evictIdleDetails(profiles: readonly AccountProfile[], maxDetailed: number): number {
  const detailed = profiles.filter((p) => p.details !== undefined);
  if (detailed.length <= maxDetailed) return 0;
  detailed.sort((a, b) => a.lastTs - b.lastTs || a.index - b.index);
  const drop = detailed.length - maxDetailed;
  for (let i = 0; i < drop; i++) {
    const p = detailed[i];
    if (p !== undefined) p.details = undefined;
  }
  return drop;
}
