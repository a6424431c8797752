/** POST /v1/chat/completions — the OpenAI Chat Completions API, plain and streamed. */
import { arrayField, isRecord, numberField, recordField, stringField, type JsonObject } from '../protocol/fields.ts';
import { lastUserText, messagesWordCount } from './prompt-text.ts';
import { errorReply, missingField } from './errors.ts';
import { DONE_FRAME, FIXED_CREATED_SECONDS, idSuffix, jsonReply, type GeneratorSettings, type ParsedRequest, type Reply, type SseEvent, wordLimit } from './reply.ts';
import { generateReasoningTokens, generateTokens, hashText, mixHash, splitInPieces, tokenLogprobs } from './text-generator.ts';
import { argumentsFor, chooseTool, type ToolChoice, type ToolSpec } from './tools.ts';

const SYSTEM_FINGERPRINT = 'fp_fakeupstream';
const ARGUMENT_PIECES = 4;

interface ChoicePlan {
  index: number;
  seed: number;
  reasoning: string[];
  content: string[];
  toolCall: { id: string; name: string; argumentPieces: string[] } | undefined;
  finishReason: 'stop' | 'length' | 'tool_calls';
}

export function handleChatCompletions(request: ParsedRequest, settings: GeneratorSettings): Reply {
  const { body, bodyHash } = request;
  const model = stringField(body, 'model');
  if (model === undefined) return missingField('openai', 'model');
  const messages = arrayField(body, 'messages');
  if (messages === undefined) return missingField('openai', 'messages');
  if (messages.length === 0) return errorReply('openai', 'invalid_request', "[] is too short - 'messages'", 'messages');
  const choiceCount = numberField(body, 'n') ?? 1;
  if (!Number.isInteger(choiceCount) || choiceCount < 1 || choiceCount > 128) {
    return errorReply('openai', 'invalid_request', `Invalid 'n': expected an integer between 1 and 128.`, 'n');
  }

  const userText = lastUserText(messages);
  const textSeed = hashText(userText);
  const lastMessage = messages[messages.length - 1];
  const answersToolResult = isRecord(lastMessage) && lastMessage['role'] === 'tool';
  const tool = chooseTool(chatTools(body), chatToolChoice(body['tool_choice']), userText, answersToolResult);
  const maxTokens = numberField(body, 'max_completion_tokens') ?? numberField(body, 'max_tokens');
  const answerLength = wordLimit(settings, maxTokens);
  const withReasoning = body['reasoning_effort'] !== undefined && body['reasoning_effort'] !== null;
  const plans: ChoicePlan[] = [];
  for (let index = 0; index < choiceCount; index++) {
    const seed = index === 0 ? textSeed : mixHash(textSeed, index);
    const reasoning = withReasoning ? generateReasoningTokens(seed, Math.max(8, settings.outputTokens >> 1)) : [];
    if (tool !== undefined) {
      const argumentsJson = JSON.stringify(argumentsFor(tool.schema, seed));
      const toolCall = { id: `call_${idSuffix(bodyHash, index + 1)}`, name: tool.name, argumentPieces: splitInPieces(argumentsJson, ARGUMENT_PIECES) };
      plans.push({ index, seed, reasoning, content: [], toolCall, finishReason: 'tool_calls' });
    } else {
      const finishReason = answerLength < settings.outputTokens ? 'length' : 'stop';
      plans.push({ index, seed, reasoning, content: generateTokens(seed, answerLength), toolCall: undefined, finishReason });
    }
  }

  let completionTokens = 0;
  let reasoningTokens = 0;
  for (const plan of plans) {
    reasoningTokens += plan.reasoning.length;
    completionTokens += plan.reasoning.length + plan.content.length + (plan.toolCall?.argumentPieces.length ?? 0);
  }
  const promptTokens = messagesWordCount(messages);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  const logprobsWanted = body['logprobs'] === true;
  const topLogprobs = Math.min(20, Math.max(0, numberField(body, 'top_logprobs') ?? 0));
  const envelope = { id: `chatcmpl-${idSuffix(bodyHash)}`, created: FIXED_CREATED_SECONDS, model };

  if (body['stream'] === true) {
    const includeUsage = recordField(body, 'stream_options')?.['include_usage'] === true;
    return { kind: 'sse', events: chatStreamEvents(envelope, plans, logprobsWanted ? topLogprobs : -1, includeUsage ? usage : undefined) };
  }
  return jsonReply({
    ...envelope,
    object: 'chat.completion',
    choices: plans.map((plan) => ({
      index: plan.index,
      message: chatMessage(plan),
      logprobs: logprobsWanted && plan.toolCall === undefined ? { content: chatLogprobs(plan.seed, plan.content, topLogprobs), refusal: null } : null,
      finish_reason: plan.finishReason,
    })),
    usage,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  });
}

function chatMessage(plan: ChoicePlan): JsonObject {
  const message: JsonObject = { role: 'assistant', content: plan.toolCall ? null : plan.content.join(''), refusal: null, annotations: [] };
  if (plan.reasoning.length > 0) message['reasoning_content'] = plan.reasoning.join('');
  if (plan.toolCall) {
    message['tool_calls'] = [{ id: plan.toolCall.id, type: 'function', function: { name: plan.toolCall.name, arguments: plan.toolCall.argumentPieces.join('') } }];
  }
  return message;
}

/** `topLogprobs` is -1 when logprobs were not requested. */
function chatStreamEvents(
  envelope: { id: string; created: number; model: string },
  plans: readonly ChoicePlan[],
  topLogprobs: number,
  usage: JsonObject | undefined,
): SseEvent[] {
  // Every chunk shares its envelope; serialise it once and splice the choice in.
  const head = `data: ${JSON.stringify({ ...envelope, object: 'chat.completion.chunk', service_tier: 'default', system_fingerprint: SYSTEM_FINGERPRINT }).slice(0, -1)},"choices":[`;
  const tail = usage === undefined ? ']}\n\n' : '],"usage":null}\n\n';
  const frame = (choice: JsonObject): string => head + JSON.stringify(choice) + tail;
  const events: SseEvent[] = [];
  for (const plan of plans) {
    const index = plan.index;
    const opening: JsonObject = plan.toolCall
      ? { role: 'assistant', content: null, refusal: null, tool_calls: [{ index: 0, id: plan.toolCall.id, type: 'function', function: { name: plan.toolCall.name, arguments: '' } }] }
      : { role: 'assistant', content: '', refusal: null };
    events.push({ frame: frame({ index, delta: opening, logprobs: null, finish_reason: null }), paced: false });
    for (const token of plan.reasoning) {
      events.push({ frame: frame({ index, delta: { reasoning_content: token }, logprobs: null, finish_reason: null }), paced: true });
    }
    const logprobs = topLogprobs >= 0 ? chatLogprobs(plan.seed, plan.content, topLogprobs) : undefined;
    plan.content.forEach((token, position) => {
      const tokenLogprob = logprobs?.[position];
      const choiceLogprobs = tokenLogprob ? { content: [tokenLogprob], refusal: null } : null;
      events.push({ frame: frame({ index, delta: { content: token }, logprobs: choiceLogprobs, finish_reason: null }), paced: true });
    });
    for (const piece of plan.toolCall?.argumentPieces ?? []) {
      events.push({ frame: frame({ index, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, logprobs: null, finish_reason: null }), paced: true });
    }
    events.push({ frame: frame({ index, delta: {}, logprobs: null, finish_reason: plan.finishReason }), paced: false });
  }
  if (usage !== undefined) events.push({ frame: `${head}],"usage":${JSON.stringify(usage)}}\n\n`, paced: false });
  events.push({ frame: DONE_FRAME, paced: false });
  return events;
}

function chatLogprobs(seed: number, tokens: readonly string[], topLogprobs: number): JsonObject[] {
  return tokenLogprobs(seed, tokens, topLogprobs).map((entry) => ({
    token: entry.token,
    logprob: entry.logprob,
    bytes: utf8Bytes(entry.token),
    top_logprobs: entry.alternatives.slice(0, topLogprobs).map((alternative) => ({ token: alternative.token, logprob: alternative.logprob, bytes: utf8Bytes(alternative.token) })),
  }));
}

function utf8Bytes(text: string): number[] {
  return Array.from(Buffer.from(text, 'utf8'));
}

function chatTools(body: JsonObject): ToolSpec[] {
  const tools: ToolSpec[] = [];
  for (const tool of arrayField(body, 'tools') ?? []) {
    const fn = isRecord(tool) ? recordField(tool, 'function') : undefined;
    const name = fn ? stringField(fn, 'name') : undefined;
    if (fn && name !== undefined) tools.push({ name, schema: recordField(fn, 'parameters') });
  }
  return tools;
}

function chatToolChoice(choice: unknown): ToolChoice {
  if (choice === 'none' || choice === 'required') return { mode: choice };
  if (isRecord(choice)) {
    const fn = recordField(choice, 'function');
    const name = fn ? stringField(fn, 'name') : undefined;
    if (name !== undefined) return { mode: 'required', name };
  }
  return { mode: 'auto' };
}
