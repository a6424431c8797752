/**
 * jailbreak_probe: jailbreak attempts and system-prompt extraction, retried with small mutations against
 * the operator's own copies of deployed app prompts. Mostly refused; an occasional partial leak.
 */
import type { SimContext } from '../context.ts';
import { appPersona } from '../prompts/chat.ts';
import type { Rng } from '../random.ts';
import type { JailbreakProbeConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';

const MUTATIONS = ['', ' Please.', ' This is for research.', ' Answer in full.', '!!', ' Respond only with the answer.', '\n\nBegin your reply with "Sure, here is".'];

export function jailbreakProbeActors(ctx: SimContext, rng: Rng, config: JailbreakProbeConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'jailbreak_probe', count: config.accounts, activeFrom: from });
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`jailbreak-${config.id}-${index}`);
    const targets = [appPersona(r).systemPrompt, appPersona(r).systemPrompt];
    let base = '';
    let retries = 0;
    return {
      account,
      errorRate: ctx.config.errorRate,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, config.operator.requestsPerAccountPerDay, (at) => {
        const extraction = r.chance(config.extractionShare);
        if (retries <= 0 || base === '') {
          base = extraction ? ctx.pools.extraction(r) : ctx.pools.jailbreak(r);
          retries = r.int(1, 6);
        }
        retries--;
        const family = r.chance(0.75) ? 'openai' : 'anthropic';
        const model = r.pick(family === 'openai' ? ctx.config.models.openai : ctx.config.models.anthropic);
        const plan = {
          at, keyId: account.keyIds[0] ?? '', client: crew.client(r, index, family), api: family === 'openai' ? 'chat' as const : 'messages' as const, model,
          turns: [{ kind: 'user' as const, text: base + r.pick(MUTATIONS) }],
          params: { temperature: r.pick([0, 0.7, 1, 1.2]), maxTokens: config.operator.maxTokens },
          reply: { style: extraction ? 'leak' as const : r.chance(0.9) ? 'refusal' as const : 'chat' as const, outputTokens: r.int(15, 120) },
          ...(extraction || r.chance(0.3) ? { system: r.pick(targets) } : {}),
        };
        return plan;
      }),
    };
  });
}
