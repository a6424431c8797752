/**
 * The detection engine's public shapes. One engine runs live in the gateway and offline over a log
 * (DESIGN invariant 1): `ingest` takes events in time order, and everything it says at time t rests
 * only on events up to t (invariant 2). Every verdict carries its evidence (invariant 5).
 */
import type { TrafficEvent } from '../core/traffic-event.ts';
import type { Signals } from '../signals/types.ts';

export type Verdict = 'campaign' | 'suspicious' | 'benign';

/** One line of evidence an analyst can check and a policy can cite. */
export interface Evidence {
  /** e.g. shared_template, shared_payment, shared_ip_prefix, shared_ja4, synchronized_activity, cot_elicitation, ... */
  kind: string;
  detail: string;
}

export interface AccountSignal {
  name: string;
  value: number;
  detail?: string;
}

/** What the engine says about one account now (cheap: the gateway reads it on the hot path). */
export interface AccountAssessment {
  accountId: string;
  /** 0..1 */
  risk: number;
  verdict: Verdict;
  campaignId: string | null;
  /** When the account first reached verdict `campaign` (ms since epoch), or null. */
  firstFlaggedAt: number | null;
  events: number;
  signals: AccountSignal[];
}

export interface Campaign {
  id: string;
  accounts: string[];
  /** 0..1 */
  score: number;
  /** Earliest event of any member (ms since epoch). */
  firstSeen: number;
  /** When the campaign first crossed the detection threshold (ms since epoch). */
  detectedAt: number;
  /** How many of its members' events came before detectedAt. */
  eventsBeforeDetection: number;
  /** e.g. cot_elicitation, template_sweep, account_rotation, proxy_infrastructure, jailbreak, system_prompt_extraction, logit_probing, rubric_harvesting, model_pivot */
  techniques: string[];
  /** Capability areas harvested: reasoning, math, coding, agentic_tool_use, ... */
  targets: string[];
  evidence: Evidence[];
}

export interface EngineOptions {
  /** Seed for every randomised structure (sketches, tie-breaks): same events + same seed = same verdicts. */
  seed?: number;
  /** Computes signals for an event (default: the signal stage over the normalized request). Injected so the gateway can pass signals it already computed. */
  signalsOf?: (event: TrafficEvent) => Signals | undefined;
}

export interface Engine {
  /** Consumes one event; events must come in non-decreasing `ts`. */
  ingest(event: TrafficEvent, signals?: Signals): void;
  /** The account's current assessment (undefined for an account never seen). */
  assess(accountId: string): AccountAssessment | undefined;
  /** Every account seen and every campaign found so far, for reports and exports. */
  snapshot(): { accounts: AccountAssessment[]; campaigns: Campaign[]; events: number; from: number | null; to: number | null };
}
