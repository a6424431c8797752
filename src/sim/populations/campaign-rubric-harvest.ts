/**
 * rubric_harvest: using the model as a reward model. Grading frames (score a response against a rubric)
 * and pairwise comparisons over questions with candidate answers, temperature 0, JSON output often,
 * short structured replies, in the operator's office hours from a small hosting pool.
 */
import type { SimContext } from '../context.ts';
import { replyText } from '../prompts/replies.ts';
import { PAIRWISE_FRAMES, RUBRIC_FRAMES } from '../prompts/wrappers.ts';
import type { Rng } from '../random.ts';
import type { RubricHarvestConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';

export function rubricHarvestActors(ctx: SimContext, rng: Rng, config: RubricHarvestConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'rubric_harvest', count: config.accounts, activeFrom: from });
  const setup = rng.fork(`rubric-frames-${config.id}`);
  const rubricFrames = setup.sample(RUBRIC_FRAMES, config.operator.wrapperCount);
  const pairwiseFrames = setup.sample(PAIRWISE_FRAMES, Math.max(1, Math.floor(config.operator.wrapperCount / 3)));
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`rubric-${config.id}-${index}`);
    const perDay = config.operator.requestsPerAccountPerDay * r.logNormal(1, 0.3);
    const candidate = (): string => replyText(r, { style: r.chance(0.3) ? 'steps' : 'chat', outputTokens: 200 });
    return {
      account,
      errorRate: ctx.config.errorRate,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, perDay, (at) => {
        const question = r.chance(0.5) ? ctx.pools.chat(r) : ctx.pools.math(r).text;
        const pairwise = r.chance(config.pairwiseShare);
        const text = pairwise
          ? r.pick(pairwiseFrames).replace('{question}', question).replace('{a}', candidate()).replace('{b}', candidate())
          : r.pick(rubricFrames).replace('{question}', question).replace('{response}', candidate());
        return {
          at, keyId: account.keyIds[0] ?? '', client: crew.client(r, index, 'openai'), api: r.chance(0.8) ? 'chat' : 'responses', model: r.pick(['gpt-4.1', 'gpt-5-mini', 'o4-mini']),
          turns: [{ kind: 'user', text }],
          params: { temperature: config.operator.temperature, maxTokens: config.operator.maxTokens, jsonOutput: !pairwise && r.chance(0.6) },
          reply: { style: 'grade', outputTokens: r.int(20, 180), literal: pairwise ? `${r.pick(['[[A]]', '[[B]]', 'A', 'B', 'tie'])} ${r.pick(['Response A is more accurate.', 'B explains the steps better.', 'Both are similar.'])}` : undefined },
        };
      }),
    };
  });
}
