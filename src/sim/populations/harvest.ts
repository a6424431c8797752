/** The request a distillation operator sends for one bank item: a wrapper, long outputs, reasoning asked for. */
import type { SimContext } from '../context.ts';
import type { BankItem } from '../prompts/pools.ts';
import { fill } from '../prompts/wrappers.ts';
import type { Rng } from '../random.ts';
import type { Crew } from './campaign-crew.ts';
import type { RequestPlan } from '../types.ts';
import { reply } from './shared.ts';

export interface HarvestOptions {
  accountIndex: number;
  keyId: string;
  /** Chance of asking Anthropic messages with extended thinking instead of OpenAI chat. */
  thinkingShare: number;
  multiChoiceShare: number;
  /** Overrides the model (the pivot campaign); else the operator's usual model for the API. */
  model?: { openai: string; anthropic: string };
  code?: boolean;
}

export function harvestRequest(ctx: SimContext, crew: Crew, r: Rng, at: number, item: BankItem, options: HarvestOptions): RequestPlan {
  const op = crew.config.operator;
  const thinking = r.chance(options.thinkingShare);
  const family = thinking ? 'anthropic' : 'openai';
  const model = thinking ? options.model?.anthropic ?? 'claude-sonnet-4-5' : options.model?.openai ?? (r.chance(0.5) ? 'o4-mini' : 'gpt-4.1');
  const text = fill(r.pick(crew.wrappers), 'problem', item.text);
  const plan = reply(r, options.code ? 'code' : 'steps', Math.min(op.maxTokens, 900), item.answer);
  const reasoning = /^(o\d|gpt-5|claude-opus-5)/.test(model) || thinking ? Math.round(r.logNormal(2500, 0.5)) : undefined;
  if (reasoning !== undefined) plan.reasoningTokens = reasoning;
  const request: RequestPlan = {
    at, keyId: options.keyId, client: crew.client(r, options.accountIndex, family), api: thinking ? 'messages' : 'chat', model,
    turns: [{ kind: 'user', text }],
    params: { temperature: op.temperature, maxTokens: op.maxTokens },
    reply: plan,
  };
  if (thinking) request.params.thinkingBudget = r.pick([8000, 16000, 32000]);
  else if (/^(o\d|gpt-5)/.test(model)) request.params.reasoningEffort = 'high';
  if (!thinking && r.chance(options.multiChoiceShare)) request.params.n = r.int(2, 8);
  return request;
}
