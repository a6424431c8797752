/**
 * coding_agent: developers driving agentic coding tools. Long sessions of many quick steps, tools defined
 * on every request, the history of tool calls and results resent each step (kept to the recent window
 * the tool keeps), a long fixed agent system prompt, streaming, mostly Anthropic messages.
 */
import { agedSignup, companyDomain, createAccount, webmailDomain } from '../accounts.ts';
import { codingCli } from '../clients.ts';
import { clientInfo, household, modelAt, type SimContext } from '../context.ts';
import { agentToolResult, CODE_TOOLS, repoPath } from '../prompts/code.ts';
import type { Rng } from '../random.ts';
import { activity } from '../timing.ts';
import type { Actor, RequestPlan, ToolDef, Turn } from '../types.ts';
import { reply, sessions, withReasoning } from './shared.ts';

const AGENT_SYSTEM =
  'You are an autonomous coding agent working in the user\'s repository. Use the tools to read files, run commands and edit code. ' +
  'Prefer small, reviewable changes. Always run the tests after editing. Never commit secrets. When the task is done, summarize the changes ' +
  'and any follow-up work. Respect the project\'s style guide, keep functions short, and explain non-obvious decisions in comments. ' +
  'If a command fails, read the error carefully before retrying. Ask the user only when a decision cannot be inferred from the code.';

const TASK_FRAMES = [
  'Fix the failing test in {path}', 'Add input validation to {path}', 'Refactor {path} to remove the duplicated parsing logic',
  'Why is {path} slow on large inputs? Find out and fix it', 'Add a --json flag to the CLI and document it', 'Update the dependency and fix the breaking changes in {path}',
  'Write tests for the edge cases in {path}', 'Implement pagination in {path}', 'Port {path} to async/await',
];

export function codingAgentActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.codingAgent;
  const tools: ToolDef[] = CODE_TOOLS.map((tool) => ({ name: tool.name, description: tool.description, parameters: [...tool.parameters] }));
  const actors: Actor[] = [];
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`coder-${i}`);
    const home = household(r);
    const software = codingCli(r);
    const family = software.family === 'anthropic' ? 'anthropic' : 'openai';
    const favourite = family === 'anthropic' ? r.pick(['claude-sonnet-4-5', 'claude-opus-4-1']) : r.pick(['gpt-5-mini', 'gpt-4.1', 'o4-mini']);
    const account = createAccount(ctx.ids, {
      role: 'coding_agent', campaignId: null, createdAt: agedSignup(r, ctx.startMs), emailDomain: r.chance(0.5) ? webmailDomain(r) : companyDomain(r),
      payment: ctx.ids.payment(), signupIp: home.ip, tier: r.pick(['standard', 'startup'] as const), verified: r.chance(0.6), keys: r.int(1, 2),
    });
    const client = clientInfo(home.ip, software, home.network);
    const perDay = r.logNormal(cfg.sessionsPerDayMedian, 0.6);
    const session = function* (start: number): Generator<RequestPlan> {
      const task: Turn = { kind: 'user', text: r.pick(TASK_FRAMES).replace('{path}', repoPath(r)) };
      const recent: Turn[] = [];
      const model = modelAt(ctx, family, favourite, start, 0.08, r);
      let at = start;
      for (let step = 0, n = r.geometric(cfg.stepsPerSessionMean); step < n; step++) {
        const last = step === n - 1;
        const toolName = r.pick(CODE_TOOLS).name;
        const plan = last ? reply(r, 'chat', 220) : { style: 'tool_call' as const, outputTokens: r.int(30, 160), toolName };
        yield {
          at, keyId: account.keyIds[0] ?? '', client, api: family === 'anthropic' ? 'messages' : r.chance(0.5) ? 'responses' : 'chat', model,
          system: AGENT_SYSTEM, turns: [task, ...recent], params: { tools, stream: true, maxTokens: 8192 }, reply: withReasoning(plan, model, r, 0.4),
        };
        const callId = `call_${r.token(20)}`;
        recent.push({ kind: 'tool_call', callId, name: toolName, arguments: toolName === 'run_command' ? { command: r.pick(['npm test', 'pytest -q', 'go test ./...', 'cargo test']) } : { path: repoPath(r) } });
        recent.push({ kind: 'tool_result', callId, text: agentToolResult(r, toolName) });
        // Keep whole call/result pairs so the history stays well formed.
        while (recent.length > cfg.maxHistoryTurns) recent.splice(0, 2);
        at += r.int(1500, 25_000);
      }
    };
    actors.push({ account, errorRate: ctx.config.errorRate, timeline: sessions(r, ctx.startMs, ctx.endMs, perDay / 24 / 0.55, (ms) => activity('human', ms, home.utcOffset), session) });
  }
  return actors;
}
