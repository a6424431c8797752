/** Helpers the population files share: session loops, endpoint choice, reply sizes. */
import type { Rng } from '../random.ts';
import type { ModelFamily } from '../context.ts';
import type { Api, ReplyPlan, ReplyStyle, RequestPlan } from '../types.ts';
import { arrivals } from '../timing.ts';

/**
 * Sessions arriving at `peakPerHour` × curve, each expanded by `session` into time-ordered requests.
 * A session that would start while the previous one is still going is dropped, so output stays ordered.
 */
export function* sessions(
  rng: Rng,
  from: number,
  to: number,
  peakPerHour: number,
  curve: (ms: number) => number,
  session: (start: number) => Iterable<RequestPlan>,
): Generator<RequestPlan, void> {
  let busyUntil = from;
  for (const start of arrivals(rng, from, to, peakPerHour, curve)) {
    if (start < busyUntil) continue;
    for (const plan of session(start)) {
      if (plan.at >= to) return;
      busyUntil = plan.at;
      yield plan;
    }
  }
}

/** The endpoint a client of `family` uses; OpenAI users split between chat completions and responses. */
export function apiFor(family: ModelFamily, rng: Rng, responsesShare = 0.2): Api {
  if (family === 'anthropic') return 'messages';
  return rng.chance(responsesShare) ? 'responses' : 'chat';
}

export function reply(rng: Rng, style: ReplyStyle, medianTokens: number, literal?: string): ReplyPlan {
  const plan: ReplyPlan = { style, outputTokens: Math.max(1, Math.round(rng.logNormal(medianTokens, 0.5))) };
  if (literal !== undefined) plan.literal = literal;
  return plan;
}

/** Reasoning tokens a reasoning model spends, or none for the others. */
export function reasoningTokens(model: string, rng: Rng, scale = 1): number | undefined {
  return /^(o\d|gpt-5|claude-opus-5)/.test(model) ? Math.round(rng.logNormal(600 * scale, 0.7)) : undefined;
}

export function withReasoning(plan: ReplyPlan, model: string, rng: Rng, scale = 1): ReplyPlan {
  const reasoning = reasoningTokens(model, rng, scale);
  if (reasoning !== undefined) plan.reasoningTokens = reasoning;
  return plan;
}

/** Seconds between two turns of a person: reading the answer, thinking, typing. */
export function thinkGap(rng: Rng, medianSeconds: number): number {
  return Math.round(rng.logNormal(medianSeconds, 0.7) * 1000);
}
