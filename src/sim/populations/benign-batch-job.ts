/**
 * batch_job: a nightly classification job. One template thousands of times per run with only the item
 * changing, temperature 0, a tiny max_tokens and one-word answers, at a steady machine pace from one
 * cloud address. It repeats a prompt frame like a distillation sweep does, yet harvests nothing.
 */
import { agedSignup, companyDomain, createAccount } from '../accounts.ts';
import { openaiPython, pythonRequests } from '../clients.ts';
import { clientInfo, type SimContext } from '../context.ts';
import { batchTemplate } from '../prompts/chat.ts';
import { fill } from '../prompts/wrappers.ts';
import { hostIn, networksOf, subnet24 } from '../network.ts';
import type { Rng } from '../random.ts';
import { DAY, HOUR } from '../timing.ts';
import type { Actor, RequestPlan } from '../types.ts';

export function batchJobActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.batchJob;
  const actors: Actor[] = [];
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`batch-${i}`);
    const template = batchTemplate(r);
    const cloud = r.pick(networksOf('hosting'));
    const ip = hostIn(subnet24(cloud, r.int(0, 1 << 16)), r.int(0, 255));
    const software = r.chance(0.7) ? openaiPython(r) : pythonRequests(r);
    const client = clientInfo(ip, software, cloud);
    const model = r.pick(['gpt-4.1-mini', 'gpt-5-mini', 'gpt-4.1']);
    const account = createAccount(ctx.ids, {
      role: 'batch_job', campaignId: null, createdAt: agedSignup(r, ctx.startMs), emailDomain: companyDomain(r),
      payment: ctx.ids.payment(), signupIp: ip, tier: r.pick(['standard', 'startup', 'enterprise'] as const), verified: r.chance(0.7), keys: 1,
    });
    const runHour = r.int(0, 5);
    const runDays = r.sample(Array.from({ length: ctx.config.days }, (_, d) => d), cfg.runsPerAccount).sort((a, b) => a - b);
    const timeline = function* (): Generator<RequestPlan> {
      for (const day of runDays) {
        let at = ctx.startMs + day * DAY + runHour * HOUR + r.int(0, 20 * 60_000);
        const items = Math.round(r.logNormal(cfg.itemsPerRunMedian, 0.4));
        for (let k = 0; k < items; k++) {
          at += Math.max(20, Math.round(r.exponential(1000 / cfg.itemsPerSecond)));
          if (at >= ctx.endMs) return;
          yield {
            at, keyId: account.keyIds[0] ?? '', client, api: 'chat', model,
            turns: [{ kind: 'user', text: fill(template.frame, 'item', template.item(r)) }],
            params: { temperature: 0, maxTokens: cfg.maxTokens }, reply: { style: 'label', outputTokens: r.int(1, 3), literal: r.pick(template.labels) },
          };
        }
      }
    };
    actors.push({ account, errorRate: ctx.config.errorRate, timeline: timeline() });
  }
  return actors;
}
