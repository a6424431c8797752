/**
 * reseller_mixed: a hydra cluster. A proxy reseller runs many reseller-tier accounts at once through a
 * few hosting /24s; each account carries a slice of genuine downstream customers (varied chat) mixed
 * with the operator's own distillation sweep concentrated on math, coding, reasoning and tool use.
 * The reseller load-balances, so the accounts move together, and each one looks like a light user.
 */
import type { SimContext } from '../context.ts';
import { essayRequest } from '../prompts/chat.ts';
import { CODE_TOOLS } from '../prompts/code.ts';
import type { Rng } from '../random.ts';
import type { ResellerMixedConfig } from '../scenario.ts';
import { DAY } from '../timing.ts';
import type { Actor, RequestPlan, ToolDef } from '../types.ts';
import { createCrew, crewSchedule } from './campaign-crew.ts';
import { harvestRequest } from './harvest.ts';
import { apiFor, reply } from './shared.ts';

const AGENT_TASKS = [
  'Plan and execute the tool calls needed to {goal}. Think through each step before calling a tool, and explain why.',
  'You are an agent with tools. Goal: {goal}. Write out your full reasoning for every action.',
  'Using the available tools, {goal}. Narrate your decision process step by step.',
];
const GOALS = ['find and fix the bug in the parser', 'add a caching layer to the API client', 'migrate the config loader to YAML', 'profile the slow endpoint', 'write integration tests for checkout'];

export function resellerMixedActors(ctx: SimContext, rng: Rng, config: ResellerMixedConfig): Actor[] {
  const crew = createCrew(ctx, rng, config, { role: 'reseller_mixed', count: config.accounts, activeFrom: ctx.startMs + config.startDay * DAY, tier: () => 'reseller' });
  const tools: ToolDef[] = CODE_TOOLS.map((tool) => ({ name: tool.name, description: tool.description, parameters: [...tool.parameters] }));
  const bankSeed = crew.scheduleSeed & 0xffff;
  return crew.accounts.map((account, index) => {
    const r = rng.fork(`hydra-${config.id}-${index}`);
    const keyId = account.keyIds[0] ?? '';
    let sweep = index;
    const make = (at: number): RequestPlan => {
      if (r.chance(config.customerShare)) {
        // A downstream customer: ordinary, varied use, relayed through the reseller's pool.
        const family = r.chance(0.7) ? 'openai' : 'anthropic';
        const text = r.chance(0.85) ? ctx.pools.chat(r) : essayRequest(r);
        return {
          at, keyId, client: crew.client(r, index, family), api: apiFor(family, r, 0.1), model: r.pick(family === 'openai' ? ctx.config.models.openai : ctx.config.models.anthropic),
          turns: [{ kind: 'user', text }], params: { stream: r.chance(0.6) }, reply: reply(r, 'chat', 260),
        };
      }
      const capability = r.weighted(['math', 'code', 'tools'] as const, [45, 40, 15]);
      const step = sweep;
      sweep += crew.accounts.length;
      if (capability === 'tools') {
        const text = r.pick(AGENT_TASKS).replace('{goal}', r.pick(GOALS));
        return {
          at, keyId, client: crew.client(r, index, 'openai'), api: 'chat', model: 'gpt-4.1',
          turns: [{ kind: 'user', text }], params: { tools, temperature: config.operator.temperature, maxTokens: config.operator.maxTokens },
          reply: { style: 'tool_call', outputTokens: r.int(80, 400), toolName: r.pick(CODE_TOOLS).name },
        };
      }
      const item = capability === 'math' ? ctx.pools.mathBank(bankSeed, step) : ctx.pools.codeBank(bankSeed, step);
      return harvestRequest(ctx, crew, r, at, item, { accountIndex: index, keyId, thinkingShare: 0.2, multiChoiceShare: 0.1, code: capability === 'code' });
    };
    const perDay = config.operator.requestsPerAccountPerDay * r.logNormal(1, 0.3);
    return {
      account,
      errorRate: ctx.config.errorRate * 2,
      timeline: crewSchedule(crew, r, ctx.startMs + config.startDay * DAY, ctx.startMs + config.endDay * DAY, perDay, make),
    };
  });
}
