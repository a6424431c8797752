/**
 * Per-account behaviour and risk. `behaviourOf` reads a profile into rates (shares of the account's
 * requests); `assessAccount` turns behaviour plus campaign membership into the verdict the gateway
 * reads on its hot path.
 *
 * Decision (documented in the engine README section of engine.ts): distillation is a campaign-level
 * finding. One account on its own, however much it asks for step-by-step reasoning (a benchmark run,
 * a student, an app backend), is never more than `benign` from elicitation alone; coordination with
 * other accounts is what makes harvesting actionable. The exception is behaviour with almost no benign
 * use, which one account suffices to show: logit probing (logprobs with logit_bias, echo scoring),
 * system-prompt extraction and jailbreaking. Such an account is `suspicious` when it is a clear habit,
 * and becomes a one-account campaign when it is the bulk of a sustained stream (see SOLO_*).
 */
import type { AccountAssessment, AccountSignal, Verdict } from './types.ts';
import { activeHours, type AccountProfile } from './accounts.ts';

export interface Behaviour {
  /** Shares of scored requests at or above the signal threshold. */
  elicitation: number;
  rubric: number;
  extraction: number;
  jailbreak: number;
  probing: number;
  /** Mean harvest-parameter score. */
  harvestParams: number;
  /** Share of requests whose main capability area is one a distiller targets. */
  targeted: number;
  /** Share of requests on template families shared across accounts. */
  templated: number;
  singleTurn: number;
  /** Share of requests to a model within a day of its release. */
  freshModel: number;
  /** 0..1, 1 when active in 20 or more distinct UTC hours. */
  roundTheClock: number;
  /** Mean output tokens per request. */
  outputPerRequest: number;
  /** 0..1: how much of the account's own traffic looks like harvesting (noisy-OR of the rates). */
  harvest: number;
  /** 0..1: behaviour with almost no benign use (probing, extraction, jailbreak), confidence-weighted. */
  probe: number;
}

/** Weight of each rate in `harvest` (noisy-OR: any one alone gives at most its weight). */
export const HARVEST_WEIGHTS = {
  elicitation: 0.7,
  rubric: 0.75,
  extraction: 0.8,
  jailbreak: 0.75,
  probing: 0.9,
  harvestParams: 0.6,
  targeted: 0.25,
  templatedSingleTurn: 0.2,
  freshModel: 0.3,
  roundTheClock: 0.1,
} as const;

/** Requests showing a probing behaviour before one account's share of it is trusted fully. */
const PROBE_CONFIDENT_HITS = 20;
/** A one-account campaign: probing/extraction/jailbreak in this share of at least SOLO_MIN_HITS requests. */
export const SOLO_SHARE = 0.5;
export const SOLO_MIN_HITS = 40;
/** `suspicious` from the account's own behaviour. */
export const SUSPICIOUS_PROBE = 0.3;
const SUSPICIOUS_MIN_HITS = 5;

function share(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}

export function behaviourOf(p: AccountProfile): Behaviour {
  // A profile changes only with its events (and when its details are evicted); a campaign step reads
  // the behaviour of every member of each group it re-scores, most of them unchanged since the last.
  const cached = p.behaviour;
  if (cached !== undefined && cached.events === p.events && cached.details === p.details) return cached.value;
  const value = computeBehaviour(p);
  p.behaviour = { events: p.events, details: p.details, value };
  return value;
}

function computeBehaviour(p: AccountProfile): Behaviour {
  const scored = p.scored;
  const elicitation = share(p.elicitation.hits, scored);
  const rubric = share(p.rubric.hits, scored);
  const extraction = share(p.extraction.hits, scored);
  const jailbreak = share(p.jailbreak.hits, scored);
  const probing = share(p.probing, scored);
  const harvestParams = scored > 0 ? p.harvestParams.sum / scored : 0;
  const targeted = share(p.targeted, scored);
  const templated = share(p.sharedTemplate, p.events);
  const singleTurn = 1 - share(p.multiTurn, p.events);
  const freshModel = share(p.freshModel, p.events);
  const hours = p.details === undefined ? 0 : activeHours(p.details);
  const roundTheClock = Math.max(0, Math.min(1, (hours - 12) / 8));
  const w = HARVEST_WEIGHTS;
  const harvest = 1 - (1 - w.elicitation * elicitation) * (1 - w.rubric * rubric) * (1 - w.extraction * extraction)
    * (1 - w.jailbreak * jailbreak) * (1 - w.probing * probing) * (1 - w.harvestParams * harvestParams)
    * (1 - w.targeted * targeted) * (1 - w.templatedSingleTurn * templated * singleTurn)
    * (1 - w.freshModel * freshModel) * (1 - w.roundTheClock * roundTheClock);
  const probeHits = Math.max(p.probing, p.extraction.hits + p.jailbreak.hits);
  const probeShare = Math.max(probing, Math.min(1, extraction + jailbreak));
  const probe = probeShare * Math.min(1, probeHits / PROBE_CONFIDENT_HITS);
  return {
    elicitation, rubric, extraction, jailbreak, probing, harvestParams, targeted, templated, singleTurn, freshModel,
    roundTheClock, outputPerRequest: p.events > 0 ? p.outputTokens / p.events : 0, harvest, probe,
  };
}

/** Whether one account's own behaviour is enough for a campaign of one (see the file comment). */
export function isSoloCampaign(p: AccountProfile, b: Behaviour): boolean {
  const hits = Math.max(p.probing, p.extraction.hits + p.jailbreak.hits);
  return hits >= SOLO_MIN_HITS && Math.max(b.probing, Math.min(1, b.extraction + b.jailbreak)) >= SOLO_SHARE;
}

/** The campaign an account belongs to, as the account's assessment needs it. */
export interface Membership {
  campaignId: string;
  score: number;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The account's signals as an analyst reads them: the non-zero rates, strongest first. */
export function accountSignals(b: Behaviour, p: AccountProfile): AccountSignal[] {
  const rows: AccountSignal[] = [
    { name: 'reasoning_elicitation', value: b.elicitation, detail: `${p.elicitation.hits} of ${p.scored} requests ask for step-by-step reasoning` },
    { name: 'rubric_harvest', value: b.rubric, detail: `${p.rubric.hits} of ${p.scored} requests ask to grade or compare answers` },
    { name: 'prompt_extraction', value: b.extraction, detail: `${p.extraction.hits} of ${p.scored} requests try to extract a system prompt` },
    { name: 'jailbreak', value: b.jailbreak, detail: `${p.jailbreak.hits} of ${p.scored} requests are jailbreak attempts` },
    { name: 'logit_probing', value: b.probing, detail: `${p.probing} of ${p.scored} requests probe logprobs or logit_bias` },
    { name: 'harvest_params', value: b.harvestParams, detail: 'mean harvest-parameter score' },
    { name: 'template_reuse', value: b.templated, detail: `${p.sharedTemplate} of ${p.events} requests use a template shared with other accounts` },
    { name: 'target_capability', value: b.targeted, detail: 'share of requests on reasoning, math, coding or tool use' },
    { name: 'fresh_model', value: b.freshModel, detail: 'share of requests to a model within a day of its release' },
    { name: 'round_the_clock', value: b.roundTheClock, detail: 'activity spread over the hours of the day' },
    { name: 'harvest', value: b.harvest, detail: 'combined: how much of the traffic looks like harvesting' },
  ];
  return rows.filter((r) => r.value > 0).map((r) => ({ ...r, value: round3(r.value) })).sort((x, y) => y.value - x.value || (x.name < y.name ? -1 : 1));
}

/**
 * The account's assessment. `firstFlaggedAt` is carried over from the previous assessment (it is
 * when the account first reached `campaign`), or set to `now` when it reaches it now.
 */
export function assessAccount(p: AccountProfile, b: Behaviour, member: Membership | undefined, previous: AccountAssessment | undefined, now: number): AccountAssessment {
  const ownRisk = Math.max(b.probe, 0.45 * b.harvest);
  let verdict: Verdict = 'benign';
  let risk = ownRisk;
  if (member !== undefined) {
    verdict = 'campaign';
    risk = Math.max(ownRisk, member.score);
  } else if (b.probe >= SUSPICIOUS_PROBE && Math.max(p.probing, p.extraction.hits + p.jailbreak.hits) >= SUSPICIOUS_MIN_HITS) {
    verdict = 'suspicious';
  }
  const firstFlaggedAt = previous?.firstFlaggedAt ?? (verdict === 'campaign' ? now : null);
  const signals = accountSignals(b, p);
  if (member !== undefined) signals.unshift({ name: 'campaign', value: round3(member.score), detail: `member of ${member.campaignId}` });
  return {
    accountId: p.id, risk: round3(Math.min(1, risk)), verdict, campaignId: member?.campaignId ?? null, firstFlaggedAt, events: p.events, signals,
  };
}
