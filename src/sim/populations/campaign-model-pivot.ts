/**
 * model_pivot: an operator harvesting the current models that re-points about half its traffic to the
 * new release within a day of its launch, on all accounts at once (ordinary users drift over weeks).
 */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { ModelPivotConfig } from '../scenario.ts';
import { DAY, HOUR } from '../timing.ts';
import type { Actor } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';
import { harvestRequest } from './harvest.ts';

export function modelPivotActors(ctx: SimContext, rng: Rng, config: ModelPivotConfig): Actor[] {
  const from = ctx.startMs + config.startDay * DAY;
  const crew = createCrew(ctx, rng, config, { role: 'model_pivot', count: config.accounts, activeFrom: from });
  const bankSeed = crew.scheduleSeed & 0xffff;
  const release = ctx.config.models.release;
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`pivot-${config.id}-${index}`);
    // Accounts switch within hours of each other: the operator flips a config, workers pick it up.
    const pivotAt = ctx.releaseMs + (config.pivotDelayHours + r.range(-2, 2)) * HOUR;
    let step = index;
    return {
      account,
      errorRate: ctx.config.errorRate * 2,
      timeline: crewSchedule(crew, r, from, ctx.startMs + config.endDay * DAY, config.operator.requestsPerAccountPerDay * r.logNormal(1, 0.2), (at) => {
        const pivoted = at >= pivotAt && r.chance(config.pivotShare);
        const code = r.chance(0.4);
        const item = code ? ctx.pools.codeBank(bankSeed, step) : ctx.pools.mathBank(bankSeed, step);
        step += crew.accounts.length;
        return harvestRequest(ctx, crew, r, at, item, {
          accountIndex: index, keyId: account.keyIds[0] ?? '', thinkingShare: 0.35, multiChoiceShare: 0.15, code,
          model: pivoted ? { openai: release.openai, anthropic: release.anthropic } : { openai: 'gpt-4.1', anthropic: 'claude-sonnet-4-5' },
        });
      }),
    };
  });
}
