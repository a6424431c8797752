/**
 * benchmark_run: a lab evaluating a model once. Every problem of a bank exactly once (the same public
 * banks distillers sweep), one frame for the whole run, often "think step by step", temperature 0,
 * at a steady pace over a few hours, then silence. One account, one address, verified research tier.
 */
import { agedSignup, createAccount, eduDomain } from '../accounts.ts';
import { openaiPython, anthropicPython } from '../clients.ts';
import { clientInfo, type SimContext } from '../context.ts';
import { addressIn, networksOf } from '../network.ts';
import { BENCHMARK_FRAMES, fill } from '../prompts/wrappers.ts';
import type { Rng } from '../random.ts';
import { DAY, HOUR } from '../timing.ts';
import type { Actor, RequestPlan } from '../types.ts';
import { reply, withReasoning } from './shared.ts';

export function benchmarkRunActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.benchmarkRun;
  const actors: Actor[] = [];
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`bench-${i}`);
    const network = r.pick(networksOf('university'));
    const ip = addressIn(network, r.int(0, 1 << 16));
    const software = r.chance(0.6) ? openaiPython(r) : anthropicPython(r);
    const api = software.family === 'anthropic' ? 'messages' : 'chat';
    const model = api === 'messages' ? r.pick(ctx.config.models.anthropic) : r.pick(ctx.config.models.openai);
    const account = createAccount(ctx.ids, {
      role: 'benchmark_run', campaignId: null, createdAt: agedSignup(r, ctx.startMs), emailDomain: eduDomain(r, i),
      payment: ctx.ids.payment(), signupIp: ip, tier: 'research', verified: true, keys: 1,
    });
    const client = clientInfo(ip, software, network);
    const stepByStep = r.chance(cfg.stepByStepShare);
    const frame = stepByStep ? r.pick(BENCHMARK_FRAMES.filter((f) => f.includes('step'))) : r.pick(BENCHMARK_FRAMES.filter((f) => !f.includes('step')));
    const coding = r.chance(0.25);
    const bankSeed = r.int(0, 1 << 20);
    const start = ctx.startMs + r.range(0.5, Math.max(0.6, ctx.config.days - 1)) * DAY + r.int(8, 16) * HOUR;
    const timeline = function* (): Generator<RequestPlan> {
      let at = start;
      for (let k = 0; k < cfg.problemsPerRun; k++) {
        at += Math.max(50, Math.round(r.exponential(1000 / cfg.requestsPerSecond)));
        if (at >= ctx.endMs) return;
        const item = coding ? ctx.pools.codeBank(bankSeed, k) : ctx.pools.mathBank(bankSeed, k);
        const plan = coding ? reply(r, 'code', 300) : reply(r, 'steps', stepByStep ? 260 : 40, item.answer);
        yield {
          at, keyId: account.keyIds[0] ?? '', client, api, model,
          turns: [{ kind: 'user', text: fill(frame, 'problem', item.text) }],
          params: { temperature: 0, maxTokens: 1024, seed: 1234 }, reply: withReasoning(plan, model, r),
        };
      }
    };
    actors.push({ account, errorRate: ctx.config.errorRate, timeline: timeline() });
  }
  return actors;
}
