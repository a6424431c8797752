/**
 * logprob_probe: probing the output layer. Short prompts with logprobs, top_logprobs near the maximum,
 * logit_bias over a systematic sweep of token ids, several choices and a one-token answer: the shape of
 * attacks that recover the final projection matrix from log-probabilities.
 */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { LogprobProbeConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';

const PROBES = ['The', 'Say one word.', 'Continue:', 'A', 'Complete the sentence: I like', 'Next token?', 'Repeat: x', '1, 2, 3,', 'Hello', 'Answer yes or no.'];
const VOCAB = 200_000;

export function logprobProbeActors(ctx: SimContext, rng: Rng, config: LogprobProbeConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'logprob_probe', count: config.accounts, activeFrom: from });
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`logprob-${config.id}-${index}`);
    // Each account walks its own stretch of the vocabulary, a block of token ids per request.
    let cursor = Math.floor((index * VOCAB) / crew.accounts.length);
    const model = r.pick(['gpt-4.1-mini', 'gpt-4.1']);
    return {
      account,
      errorRate: ctx.config.errorRate,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, config.operator.requestsPerAccountPerDay, (at) => {
        const logitBias: Record<string, number> = {};
        for (let k = 0; k < config.biasTokensPerRequest; k++) logitBias[String((cursor + k) % VOCAB)] = r.chance(0.8) ? 100 : -100;
        cursor = (cursor + config.biasTokensPerRequest) % VOCAB;
        return {
          at, keyId: account.keyIds[0] ?? '', client: crew.client(r, index, 'openai'), api: 'chat', model,
          turns: [{ kind: 'user', text: r.pick(PROBES) }],
          params: { temperature: config.operator.temperature, maxTokens: config.operator.maxTokens, logprobs: true, topLogprobs: config.topLogprobs, logitBias, n: config.choices },
          reply: { style: 'token', outputTokens: 1 },
        };
      }),
    };
  });
}
