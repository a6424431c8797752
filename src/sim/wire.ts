/**
 * Turns a request plan into a traffic event: the provider's wire format for the request and response
 * bodies (OpenAI chat completions and responses, Anthropic messages, embeddings), usage, status and
 * latency. Token counts are estimated from text length (about four characters a token).
 */
import type { TrafficEvent, Usage } from '../core/traffic-event.ts';
import type { IdFactory } from './accounts.ts';
import type { Rng } from './random.ts';
import { replyText, thinkingText } from './prompts/replies.ts';
import type { Api, RequestPlan, SimAccount, ToolDef, Turn } from './types.ts';

export const ENDPOINTS: Readonly<Record<Api, string>> = {
  chat: '/v1/chat/completions',
  responses: '/v1/responses',
  messages: '/v1/messages',
  embeddings: '/v1/embeddings',
};

type Json = Record<string, unknown>;

function turnsChars(system: string | undefined, turns: readonly Turn[]): number {
  let chars = system?.length ?? 0;
  for (const turn of turns) {
    if (turn.kind === 'tool_call') chars += turn.name.length + JSON.stringify(turn.arguments).length;
    else chars += turn.text.length + 4;
  }
  return chars;
}

function jsonSchema(tool: ToolDef): Json {
  const properties: Json = {};
  for (const name of tool.parameters) properties[name] = { type: 'string' };
  return { type: 'object', properties, required: tool.parameters };
}

function usesCompletionTokens(model: string): boolean {
  return /^(o\d|gpt-5)/.test(model);
}

// ---- OpenAI chat completions -------------------------------------------------------------------

function chatMessages(system: string | undefined, turns: readonly Turn[]): Json[] {
  const out: Json[] = [];
  if (system !== undefined) out.push({ role: 'system', content: system });
  for (const turn of turns) {
    if (turn.kind === 'user') out.push({ role: 'user', content: turn.text });
    else if (turn.kind === 'assistant') out.push({ role: 'assistant', content: turn.text });
    else if (turn.kind === 'tool_call') out.push({ role: 'assistant', content: null, tool_calls: [{ id: turn.callId, type: 'function', function: { name: turn.name, arguments: JSON.stringify(turn.arguments) } }] });
    else out.push({ role: 'tool', tool_call_id: turn.callId, content: turn.text });
  }
  return out;
}

function chatRequest(plan: RequestPlan): Json {
  const p = plan.params;
  const body: Json = { model: plan.model, messages: chatMessages(plan.system, plan.turns) };
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.maxTokens !== undefined) body[usesCompletionTokens(plan.model) ? 'max_completion_tokens' : 'max_tokens'] = p.maxTokens;
  if (p.n !== undefined) body.n = p.n;
  if (p.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  if (p.logprobs) body.logprobs = true;
  if (p.topLogprobs !== undefined) body.top_logprobs = p.topLogprobs;
  if (p.logitBias !== undefined) body.logit_bias = p.logitBias;
  if (p.tools !== undefined) {
    body.tools = p.tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: jsonSchema(tool) } }));
    body.tool_choice = 'auto';
  }
  if (p.jsonOutput) body.response_format = { type: 'json_object' };
  if (p.reasoningEffort !== undefined) body.reasoning_effort = p.reasoningEffort;
  if (p.seed !== undefined) body.seed = p.seed;
  if (p.endUser !== undefined) body.user = p.endUser;
  return body;
}

const LOGPROB_TOKENS = ['The', ' the', 'A', 'Yes', 'No', ' of', '1', ' and', 'I', ' is', ' a', 'To', 'In', ' to', 'It', ' that', '2', 'This', ' in', 'As', 'We', ' for', 'Sure', '0'];

function logprobsContent(rng: Rng, top: number): Json {
  const alternatives: Json[] = [];
  let logprob = -rng.range(0.001, 0.8);
  for (const token of rng.sample(LOGPROB_TOKENS, top)) {
    alternatives.push({ token, logprob: Math.round(logprob * 1e6) / 1e6 });
    logprob -= rng.range(0.3, 2.5);
  }
  const chosen = alternatives[0] ?? { token: 'The', logprob: -0.01 };
  return { content: [{ ...chosen, top_logprobs: alternatives }] };
}

function chatResponse(plan: RequestPlan, rng: Rng, texts: string[], created: number, usage: Usage): Json {
  const toolCall = plan.reply.style === 'tool_call';
  const choices = texts.map((text, index) => ({
    index,
    message: toolCall
      ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${rng.token(24)}`, type: 'function', function: { name: plan.reply.toolName ?? 'run_command', arguments: JSON.stringify({ path: 'src/index.ts' }) } }] }
      : { role: 'assistant', content: text, refusal: null },
    logprobs: plan.params.logprobs ? logprobsContent(rng, plan.params.topLogprobs ?? 1) : null,
    finish_reason: toolCall ? 'tool_calls' : plan.params.maxTokens !== undefined && plan.reply.outputTokens >= plan.params.maxTokens ? 'length' : 'stop',
  }));
  const details = usage.reasoning_tokens ? { completion_tokens_details: { reasoning_tokens: usage.reasoning_tokens } } : {};
  return {
    id: `chatcmpl-${rng.token(29)}`,
    object: 'chat.completion',
    created,
    model: plan.model,
    choices,
    usage: { prompt_tokens: usage.input_tokens, completion_tokens: usage.output_tokens, total_tokens: (usage.input_tokens ?? 0) + (usage.output_tokens ?? 0), ...details },
  };
}

// ---- OpenAI responses --------------------------------------------------------------------------

function responsesRequest(plan: RequestPlan): Json {
  const p = plan.params;
  const single = plan.turns.length === 1 && plan.turns[0]?.kind === 'user';
  const input = single
    ? (plan.turns[0] as { text: string }).text
    : plan.turns.map((turn): Json => {
        if (turn.kind === 'user') return { role: 'user', content: turn.text };
        if (turn.kind === 'assistant') return { role: 'assistant', content: turn.text };
        if (turn.kind === 'tool_call') return { type: 'function_call', call_id: turn.callId, name: turn.name, arguments: JSON.stringify(turn.arguments) };
        return { type: 'function_call_output', call_id: turn.callId, output: turn.text };
      });
  const body: Json = { model: plan.model, input };
  if (plan.system !== undefined) body.instructions = plan.system;
  if (p.maxTokens !== undefined) body.max_output_tokens = p.maxTokens;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.reasoningEffort !== undefined) body.reasoning = { effort: p.reasoningEffort, summary: 'auto' };
  if (p.tools !== undefined) body.tools = p.tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description, parameters: jsonSchema(tool) }));
  if (p.jsonOutput) body.text = { format: { type: 'json_object' } };
  if (p.stream) body.stream = true;
  if (p.endUser !== undefined) body.user = p.endUser;
  return body;
}

function responsesResponse(plan: RequestPlan, rng: Rng, text: string, created: number, usage: Usage): Json {
  const output: Json[] = [];
  if (usage.reasoning_tokens) output.push({ type: 'reasoning', id: `rs_${rng.hex(48)}`, summary: [] });
  if (plan.reply.style === 'tool_call') {
    output.push({ type: 'function_call', id: `fc_${rng.hex(48)}`, call_id: `call_${rng.token(24)}`, name: plan.reply.toolName ?? 'run_command', arguments: '{"command":"npm test"}', status: 'completed' });
  } else {
    output.push({ type: 'message', id: `msg_${rng.hex(48)}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] });
  }
  return {
    id: `resp_${rng.hex(48)}`,
    object: 'response',
    created_at: created,
    status: 'completed',
    model: plan.model,
    output,
    usage: {
      input_tokens: usage.input_tokens,
      output_tokens: usage.output_tokens,
      total_tokens: (usage.input_tokens ?? 0) + (usage.output_tokens ?? 0),
      output_tokens_details: { reasoning_tokens: usage.reasoning_tokens ?? 0 },
    },
  };
}

// ---- Anthropic messages ------------------------------------------------------------------------

function messagesRequest(plan: RequestPlan): Json {
  const p = plan.params;
  const messages: Json[] = [];
  for (const turn of plan.turns) {
    if (turn.kind === 'user') messages.push({ role: 'user', content: turn.text });
    else if (turn.kind === 'assistant') messages.push({ role: 'assistant', content: turn.text });
    else if (turn.kind === 'tool_call') messages.push({ role: 'assistant', content: [{ type: 'tool_use', id: turn.callId, name: turn.name, input: turn.arguments }] });
    else messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: turn.callId, content: turn.text }] });
  }
  const body: Json = { model: plan.model, max_tokens: p.maxTokens ?? 1024 };
  if (plan.system !== undefined) body.system = plan.system;
  body.messages = messages;
  if (p.temperature !== undefined && p.thinkingBudget === undefined) body.temperature = Math.min(1, p.temperature);
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.thinkingBudget !== undefined) body.thinking = { type: 'enabled', budget_tokens: p.thinkingBudget };
  if (p.tools !== undefined) body.tools = p.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: jsonSchema(tool) }));
  if (p.stream) body.stream = true;
  if (p.endUser !== undefined) body.metadata = { user_id: p.endUser };
  return body;
}

function messagesResponse(plan: RequestPlan, rng: Rng, text: string, usage: Usage): Json {
  const content: Json[] = [];
  if (plan.params.thinkingBudget !== undefined) content.push({ type: 'thinking', thinking: thinkingText(rng), signature: rng.token(64) });
  const toolCall = plan.reply.style === 'tool_call';
  if (toolCall) content.push({ type: 'tool_use', id: `toolu_${rng.token(24)}`, name: plan.reply.toolName ?? 'run_command', input: { command: 'npm test' } });
  else content.push({ type: 'text', text });
  return {
    id: `msg_${rng.token(24)}`,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content,
    stop_reason: toolCall ? 'tool_use' : plan.reply.outputTokens >= (plan.params.maxTokens ?? Infinity) ? 'max_tokens' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens },
  };
}

// ---- errors ------------------------------------------------------------------------------------

function errorBody(api: Api, status: number, rng: Rng): Json {
  const limited = status === 429;
  if (status === 403) {
    const message = 'This account has been suspended for violating the usage policies.';
    return api === 'messages' ? { type: 'error', error: { type: 'permission_error', message } } : { error: { message, type: 'invalid_request_error', param: null, code: 'account_deactivated' } };
  }
  if (api === 'messages') {
    return {
      type: 'error',
      error: limited
        ? { type: 'rate_limit_error', message: 'This request would exceed the rate limit for your organization. Please try again later.' }
        : { type: 'invalid_request_error', message: rng.pick(['max_tokens: Field required', 'messages: roles must alternate between "user" and "assistant"', 'prompt is too long']) },
    };
  }
  return {
    error: limited
      ? { message: `Rate limit reached for requests per min (RPM): Limit ${rng.pick([60, 500, 3500])}. Please try again in ${rng.int(1, 60)}s.`, type: 'requests', param: null, code: 'rate_limit_exceeded' }
      : { message: rng.pick(["Invalid value for 'temperature': must be between 0 and 2.", "'messages' must contain at least one message.", 'This model\'s maximum context length was exceeded.']), type: 'invalid_request_error', param: null, code: null },
  };
}

// ---- the event ---------------------------------------------------------------------------------

function requestBody(plan: RequestPlan): Json {
  switch (plan.api) {
    case 'chat':
      return chatRequest(plan);
    case 'responses':
      return responsesRequest(plan);
    case 'messages':
      return messagesRequest(plan);
    case 'embeddings': {
      const texts = plan.turns.flatMap((turn) => (turn.kind === 'user' ? [turn.text] : []));
      return { model: plan.model, input: texts.length === 1 ? texts[0] : texts, encoding_format: 'float' };
    }
  }
}

export function renderEvent(plan: RequestPlan, account: SimAccount, ids: IdFactory, rng: Rng, errorRate: number): TrafficEvent {
  const request = requestBody(plan);
  const status = plan.status ?? (rng.chance(errorRate) ? (rng.chance(0.7) ? 429 : 400) : 200);
  const inputTokens = Math.ceil(turnsChars(plan.system, plan.turns) / 4) + 8 * plan.turns.length + (plan.params.tools?.length ?? 0) * 60;
  const event: TrafficEvent = {
    id: ids.event(),
    ts: new Date(plan.at).toISOString(),
    account_id: account.id,
    api_key_id: plan.keyId,
    endpoint: ENDPOINTS[plan.api],
    model: plan.model,
    client: plan.client,
    account: account.info,
    request,
  };
  if (status !== 200) {
    event.response = errorBody(plan.api, status, rng);
    event.status = status;
    event.latency_ms = Math.round(rng.range(15, 120) * 1000) / 1000;
    if (plan.params.stream) event.stream = true;
    return event;
  }
  const created = Math.floor(plan.at / 1000);
  const choices = plan.params.n ?? 1;
  const reasoning = plan.reply.reasoningTokens ?? 0;
  const output = plan.reply.outputTokens * choices;
  const usage: Usage = { input_tokens: inputTokens, output_tokens: output + reasoning };
  if (reasoning > 0) usage.reasoning_tokens = reasoning;
  if (plan.api === 'embeddings') {
    event.usage = { input_tokens: inputTokens, output_tokens: 0 };
  } else {
    const texts: string[] = [];
    for (let i = 0; i < choices; i++) texts.push(replyText(rng, plan.reply));
    const first = texts[0] ?? '';
    event.response =
      plan.api === 'chat' ? chatResponse(plan, rng, texts, created, usage)
        : plan.api === 'responses' ? responsesResponse(plan, rng, first, created, usage)
          : messagesResponse(plan, rng, first, usage);
    event.usage = usage;
  }
  event.status = 200;
  // Time to first token plus generation at a per-model pace; reasoning adds its own tokens.
  const perToken = plan.model.includes('mini') || plan.model.includes('haiku') ? 6 : 14;
  // Choices are generated in parallel, so one choice's length sets the pace; upstreams cut off at 10 minutes.
  const latency = Math.min(600_000, rng.range(180, 700) + (plan.reply.outputTokens + reasoning) * perToken * rng.range(0.7, 1.4) + inputTokens * 0.02);
  event.latency_ms = Math.round(latency * 1000) / 1000;
  if (plan.params.stream) event.stream = true;
  return event;
}
