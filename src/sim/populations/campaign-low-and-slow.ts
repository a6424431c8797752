/**
 * low_and_slow: many accounts each sending a few requests a day, far under any rate limit, spread over
 * the whole run with hours of jitter, through residential proxies that overlap ordinary households.
 * Individually invisible; together they sweep the same bank with the same few wrappers, and subsets of
 * accounts pay with the same cards.
 */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { LowAndSlowConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';
import { harvestRequest } from './harvest.ts';

export function lowAndSlowActors(ctx: SimContext, rng: Rng, config: LowAndSlowConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'low_and_slow', count: config.accounts, activeFrom: from });
  const bankSeed = crew.scheduleSeed & 0xffff;
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`slow-${config.id}-${index}`);
    let step = index;
    const perDay = config.operator.requestsPerAccountPerDay * r.logNormal(1, 0.4);
    return {
      account,
      errorRate: ctx.config.errorRate,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, perDay, (at) => {
        const code = r.chance(0.3);
        const item = code ? ctx.pools.codeBank(bankSeed, step) : ctx.pools.mathBank(bankSeed, step);
        step += crew.accounts.length;
        return harvestRequest(ctx, crew, r, at, item, { accountIndex: index, keyId: account.keyIds[0] ?? '', thinkingShare: 0.1, multiChoiceShare: 0, code });
      }),
    };
  });
}
