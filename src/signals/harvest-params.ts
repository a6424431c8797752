/**
 * harvest_params: how strongly a request's parameters look like harvesting or probing the model rather
 * than using it. Transparent on purpose: each parameter habit has one documented weight, the habits seen
 * are listed as reasons, and the score is their noisy-OR, 1 - Π(1 - weight), so it stays in [0,1], any one
 * habit alone gives its weight, and each extra habit can only raise it.
 *
 * Not visible per request, left to the engine's account profile: temperature sweeps (the same prompt at
 * many temperatures), seed sweeps, and the same prompt resent with `n` = 1 many times.
 */
import type { NormalizedRequest, RequestParams } from '../protocol/types.ts';
import type { HarvestParamsSignal, SignalFn } from './types.ts';

export type HarvestHabit =
  | 'logprobs_with_logit_bias'
  | 'echo_with_logprobs'
  | 'top_logprobs_high'
  | 'logprobs'
  | 'logit_bias'
  | 'many_choices'
  | 'deterministic_seed'
  | 'huge_max_tokens'
  | 'high_reasoning_effort'
  | 'large_thinking_budget'
  | 'encrypted_reasoning';

/** Weight of each habit: the score it gives when it is the only one seen. */
export const HARVEST_WEIGHTS: Readonly<Record<HarvestHabit, number>> = {
  // Logprobs of chosen tokens while biasing others recovers the output projection (the model's last layer)
  // about ten times cheaper than logprobs alone: the one habit with almost no benign use.
  logprobs_with_logit_bias: 0.9,
  // Legacy completions scoring the prompt itself: the teacher's full distribution over text the client chose.
  echo_with_logprobs: 0.7,
  // Many alternatives per token: soft labels for distillation (top_logprobs >= 5).
  top_logprobs_high: 0.45,
  // A few logprobs are common in evaluation and calibration work.
  logprobs: 0.12,
  // Alone, logit_bias is mostly used to ban or force words; with many entries it probes the vocabulary.
  logit_bias: 0.25,
  // Several samples per prompt: a dataset, not an answer (n >= 2; see MANY_CHOICES_STRONG).
  many_choices: 0.3,
  // temperature 0 with a fixed seed: reproducible outputs, wanted by labelers and by evaluators alike.
  deterministic_seed: 0.2,
  // Very long outputs (>= 16k tokens) carry the most teacher text per request.
  huge_max_tokens: 0.2,
  // Maximal reasoning: the most reasoning tokens per request to harvest.
  high_reasoning_effort: 0.15,
  large_thinking_budget: 0.15,
  // Asking for the encrypted reasoning item: legitimate for stateless multi-turn, also a way to keep traces.
  encrypted_reasoning: 0.2,
};

/** top_logprobs from which the request gets the high-logprobs weight. */
export const TOP_LOGPROBS_HIGH = 5;
/** logit_bias entries from which the bias counts as probing the vocabulary (weight raised to 0.45). */
export const LOGIT_BIAS_MANY = 50;
/** n from which many_choices counts double (weight raised to 0.5). */
export const MANY_CHOICES_STRONG = 8;
/** max_tokens from which an output counts as very large. */
export const HUGE_MAX_TOKENS = 16_384;
/** Anthropic thinking budget from which it counts as large. */
export const LARGE_THINKING_BUDGET = 16_384;

const HIGH_EFFORTS: ReadonlySet<string> = new Set(['high', 'xhigh', 'max', 'maximum']);

/** A finite number, or undefined: signals may be handed hand-built requests, not only normalized ones. */
function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function wantsLogprobs(p: RequestParams): boolean {
  return p.logprobs === true || (finite(p.top_logprobs) ?? 0) > 0;
}

/** The habits seen in the parameters, each with the weight it contributes. */
export function harvestHabits(req: NormalizedRequest): Array<[HarvestHabit, number]> {
  const p = req.params;
  const seen: Array<[HarvestHabit, number]> = [];
  const add = (habit: HarvestHabit, weight: number = HARVEST_WEIGHTS[habit]) => { seen.push([habit, weight]); };

  const logprobs = wantsLogprobs(p);
  const topLogprobs = finite(p.top_logprobs) ?? 0;
  const biasEntries = finite(p.logit_bias_entries) ?? 0;
  if (logprobs && biasEntries > 0) add('logprobs_with_logit_bias');
  else if (biasEntries > 0) add('logit_bias', biasEntries >= LOGIT_BIAS_MANY ? 0.45 : HARVEST_WEIGHTS.logit_bias);
  if (logprobs && p.echo === true) add('echo_with_logprobs');
  if (topLogprobs >= TOP_LOGPROBS_HIGH) add('top_logprobs_high');
  else if (logprobs && biasEntries === 0 && p.echo !== true) add('logprobs');

  const n = finite(p.n) ?? 1;
  if (n >= 2) add('many_choices', n >= MANY_CHOICES_STRONG ? 0.5 : HARVEST_WEIGHTS.many_choices);
  if (finite(p.temperature) === 0 && finite(p.seed) !== undefined) add('deterministic_seed');
  if ((finite(p.max_tokens) ?? 0) >= HUGE_MAX_TOKENS) add('huge_max_tokens');
  if (typeof p.reasoning_effort === 'string' && HIGH_EFFORTS.has(p.reasoning_effort.toLowerCase())) add('high_reasoning_effort');
  if ((finite(p.thinking_budget) ?? 0) >= LARGE_THINKING_BUDGET) add('large_thinking_budget');
  if (Array.isArray(p.include) && p.include.includes('reasoning.encrypted_content')) add('encrypted_reasoning');
  return seen;
}

/** Noisy-OR of the habit weights, with the habits as reasons (strongest first). */
export const harvestParams: SignalFn<HarvestParamsSignal> = (req) => {
  const habits = harvestHabits(req);
  let none = 1;
  for (const [, weight] of habits) none *= 1 - weight;
  habits.sort((a, b) => b[1] - a[1]);
  return { score: 1 - none, reasons: habits.map(([habit]) => habit) };
};
