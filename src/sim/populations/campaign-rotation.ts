/**
 * rotation_worker: account rotation after bans. A generation of accounts harvests until the provider bans
 * it (its last requests get 403), then a fresh generation signs up with new cards and new emails but the
 * same proxy pool, TLS stack, wrappers and bank position carries on.
 */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { RotationConfig } from '../scenario.ts';
import { DAY, HOUR } from '../timing.ts';
import type { Actor, RequestPlan } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';
import { harvestRequest } from './harvest.ts';

export function rotationActors(ctx: SimContext, rng: Rng, config: RotationConfig): Actor[] {
  const actors: Actor[] = [];
  const runFrom = ctx.startMs + config.startDay * DAY;
  const runTo = ctx.startMs + config.endDay * DAY;
  const bankSeed = rng.fork(`rotation-bank-${config.id}`).int(0, 0xffff);
  for (let g = 0; g < config.generations; g++) {
    // The next generation starts a few hours after the ban lands.
    const from = runFrom + g * config.banAfterDays * DAY + (g === 0 ? 0 : 3 * HOUR);
    if (from >= runTo) break;
    const banAt = g === config.generations - 1 ? Infinity : runFrom + (g + 1) * config.banAfterDays * DAY;
    const crew = createCrew(ctx, rng, config, { role: 'rotation_worker', count: config.accounts, activeFrom: from, label: `gen-${g}` });
    crew.accounts.forEach((account, index) => {
      const r = rng.fork(`rotation-${config.id}-${g}-${index}`);
      const lane = g * config.accounts + index;
      let step = lane;
      let refused = 0;
      const make = (at: number): RequestPlan => {
        const plan = harvestRequest(ctx, crew, r, at, ctx.pools.mathBank(bankSeed, step), { accountIndex: index, keyId: account.keyIds[0] ?? '', thinkingShare: 0, multiChoiceShare: 0.2 });
        step += config.accounts * config.generations;
        if (at >= banAt) {
          plan.status = 403;
          refused++;
        }
        return plan;
      };
      const timeline = function* (): Generator<RequestPlan> {
        for (const plan of crewSchedule(crew, r, from, Math.min(runTo, banAt + 2 * HOUR), config.operator.requestsPerAccountPerDay, make)) {
          yield plan;
          if (refused >= 3) return;
        }
      };
      actors.push({ account, errorRate: ctx.config.errorRate * 2, timeline: timeline() });
    });
  }
  return actors;
}
