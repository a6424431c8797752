/**
 * reasoning_harvest: accounts sweeping a problem bank (math, code, or both) inside reasoning-elicitation
 * wrappers from the operator's handful of phrasings. Each account takes every K-th item, so the crew
 * covers the bank without repeats; long outputs, high reasoning effort or extended thinking, n > 1.
 */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { ReasoningHarvestConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';
import { harvestRequest } from './harvest.ts';

export function reasoningHarvestActors(ctx: SimContext, rng: Rng, config: ReasoningHarvestConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'reasoning_harvest', count: config.accounts, activeFrom: from });
  const bankSeed = crew.scheduleSeed & 0xffff;
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`reasoning-${config.id}-${index}`);
    let step = index;
    const perDay = config.operator.requestsPerAccountPerDay * r.logNormal(1, 0.25);
    return {
      account,
      errorRate: ctx.config.errorRate * 2,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, perDay, (at) => {
        const code = config.bank === 'code' || (config.bank === 'mixed' && r.chance(0.5));
        const item = code ? ctx.pools.codeBank(bankSeed, step) : ctx.pools.mathBank(bankSeed, step);
        step += crew.accounts.length;
        return harvestRequest(ctx, crew, r, at, item, { accountIndex: index, keyId: account.keyIds[0] ?? '', thinkingShare: config.thinkingShare, multiChoiceShare: config.multiChoiceShare, code });
      }),
    };
  });
}
