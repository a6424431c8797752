/** POST /v1/chat/completions: requests, responses and `chat.completion.chunk` streams. */
import { type PartTypes, readParts } from '../content-parts.ts';
import {
  arrayField, booleanField, isNull, isRecord, keyCount, numberField, recordField, stopCount, stringField,
  type JsonObject,
} from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import { Budget, joinLines, MAX_REQUEST_TEXT_CHARS, MAX_RESPONSE_TEXT_CHARS, MAX_TOOL_CALLS, MAX_TURNS } from '../limits.ts';
import { put, requestWithModelAndStream, responseWithIdAndModel } from '../normalized.ts';
import type { JsonPath } from '../repeated-deltas.ts';
import type { NormalizedRequest, NormalizedResponse, ToolCall, Turn } from '../types.ts';
import { ChoiceChunkAssembler, type ChoiceFormat } from './choice-stream.ts';
import { readSamplingParams } from './sampling-params.ts';
import { readFunctionTools, toolChoiceOf } from './tools.ts';
import { completionUsage } from './usage.ts';

// ---- request ----

/** Parts of a message `content`: text and refusal parts are read, images, audio and files counted. */
const MESSAGE_PARTS: PartTypes = {
  text: new Map([['text', 'text'], ['refusal', 'refusal']]),
  attachments: new Set(['image_url', 'input_audio', 'file']),
  bareStrings: true,
};

/** Assistant `tool_calls` (function and custom) plus the legacy single `function_call`. */
function readToolCalls(message: JsonObject, budget: Budget): ToolCall[] {
  const calls: ToolCall[] = [];
  const list = arrayField(message, 'tool_calls');
  if (list) {
    const end = Math.min(list.length, MAX_TOOL_CALLS);
    for (let i = 0; i < end && budget.visit(); i++) {
      const call: unknown = list[i];
      if (!isRecord(call)) continue;
      const fn = recordField(call, 'function');
      const custom = recordField(call, 'custom');
      const body = fn ?? custom;
      if (!body) continue;
      const toolCall: ToolCall = {
        name: stringField(body, 'name') ?? '',
        arguments: budget.take(stringField(body, fn ? 'arguments' : 'input') ?? ''),
      };
      put(toolCall, 'id', stringField(call, 'id'));
      calls.push(toolCall);
    }
  }
  const legacy = recordField(message, 'function_call');
  if (legacy) {
    calls.push({ name: stringField(legacy, 'name') ?? '', arguments: budget.take(stringField(legacy, 'arguments') ?? '') });
  }
  return calls;
}

function normalizeChatRequest(body: JsonObject): NormalizedRequest {
  const req = requestWithModelAndStream(body, 'openai', 'chat_completions');
  const budget = new Budget(MAX_REQUEST_TEXT_CHARS);
  const system: string[] = [];
  const messages = arrayField(body, 'messages') ?? [];
  for (const message of messages) {
    if (req.turns.length >= MAX_TURNS || !budget.visit()) break;
    if (!isRecord(message)) continue;
    const role = message['role'];
    const { text, attachments } = readParts(message['content'], budget, MESSAGE_PARTS);
    // System and developer messages form the normalized `system`, wherever they stand.
    if (role === 'system' || role === 'developer') { if (text) system.push(text); continue; }
    let turn: Turn;
    if (role === 'user') turn = { role: 'user', text };
    else if (role === 'assistant') {
      const refusal = stringField(message, 'refusal');
      turn = { role: 'assistant', text: refusal ? joinLines([text, budget.take(refusal)]) : text };
      const calls = readToolCalls(message, budget);
      if (calls.length > 0) turn.toolCalls = calls;
    } else if (role === 'tool' || role === 'function') {
      turn = { role: 'tool', text };
      put(turn, 'toolCallId', stringField(message, role === 'tool' ? 'tool_call_id' : 'name'));
    } else continue;
    if (attachments > 0) turn.attachments = attachments;
    req.turns.push(turn);
  }
  req.system = joinLines(system);
  req.tools = readFunctionTools(body, budget, 'nested');

  const p = req.params;
  readSamplingParams(body, p);
  put(p, 'max_tokens', numberField(body, 'max_completion_tokens') ?? numberField(body, 'max_tokens'));
  put(p, 'logprobs', booleanField(body, 'logprobs'));
  put(p, 'top_logprobs', numberField(body, 'top_logprobs'));
  put(p, 'logit_bias_entries', keyCount(body, 'logit_bias'));
  put(p, 'reasoning_effort', stringField(body, 'reasoning_effort'));
  const format = recordField(body, 'response_format');
  if (format) put(p, 'response_format', stringField(format, 'type'));
  put(p, 'tool_choice', toolChoiceOf(body['tool_choice']));
  put(p, 'stop_sequences', stopCount(body['stop']));
  put(p, 'user', stringField(body, 'user') ?? stringField(body, 'safety_identifier'));
  return req;
}

// ---- response ----

function normalizeChatResponse(body: JsonObject): NormalizedResponse {
  const res = responseWithIdAndModel(body);
  const budget = new Budget(MAX_RESPONSE_TEXT_CHARS);
  const choices = arrayField(body, 'choices') ?? [];
  res.choices = choices.length;
  const text: string[] = [];
  const reasoning: string[] = [];
  for (const choice of choices) {
    if (!budget.visit()) break;
    if (!isRecord(choice)) continue;
    if (res.finishReason === undefined) put(res, 'finishReason', stringField(choice, 'finish_reason'));
    if (isRecord(choice['logprobs'])) res.logprobs = true;
    const message = recordField(choice, 'message');
    if (!message) continue;
    text.push(readParts(message['content'], budget, MESSAGE_PARTS).text);
    const refusal = stringField(message, 'refusal');
    if (refusal) text.push(budget.take(refusal));
    const thought = stringField(message, 'reasoning_content') ?? stringField(message, 'reasoning');
    if (thought) reasoning.push(budget.take(thought));
    for (const call of readToolCalls(message, budget)) {
      if (res.toolCalls.length >= MAX_TOOL_CALLS) break;
      res.toolCalls.push(call);
    }
  }
  res.text = joinLines(text);
  res.reasoning = joinLines(reasoning);
  put(res, 'usage', completionUsage(body['usage']));
  return res;
}

// ---- stream ----

interface ToolCallState {
  id: string | undefined;
  type: string | undefined;
  name: string;
  /** Argument pieces of a function call, or input pieces of a custom tool call. */
  pieces: string[];
}

interface ChoiceState {
  index: number;
  role: string | undefined;
  content: string[] | undefined;
  reasoningContent: string[] | undefined;
  /** Some servers name the reasoning delta `reasoning` instead of `reasoning_content`; kept as named. */
  reasoning: string[] | undefined;
  refusal: string[] | undefined;
  toolCalls: Map<number, ToolCallState> | undefined;
  functionCall: ToolCallState | undefined;
  annotations: unknown[] | undefined;
  finishReason: unknown;
  logprobsContent: unknown[] | undefined;
  logprobsRefusal: unknown[] | undefined;
}

function appendText(list: string[] | undefined, value: unknown): string[] | undefined {
  if (typeof value !== 'string') return list;
  if (list === undefined) return [value];
  list.push(value);
  return list;
}

function appendAll(list: unknown[] | undefined, value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return list;
  if (list === undefined) return value.slice();
  for (const item of value) list.push(item);
  return list;
}

function newChoice(index: number): ChoiceState {
  return {
    index, role: undefined, content: undefined, reasoningContent: undefined, reasoning: undefined, refusal: undefined,
    toolCalls: undefined, functionCall: undefined, annotations: undefined, finishReason: null,
    logprobsContent: undefined, logprobsRefusal: undefined,
  };
}

function applyToolCallDelta(choice: ChoiceState, delta: JsonObject): void {
  const index = numberField(delta, 'index') ?? 0;
  choice.toolCalls ??= new Map();
  let state = choice.toolCalls.get(index);
  if (!state) {
    state = { id: undefined, type: undefined, name: '', pieces: [] };
    choice.toolCalls.set(index, state);
  }
  state.id ??= stringField(delta, 'id');
  state.type ??= stringField(delta, 'type');
  const fn = recordField(delta, 'function');
  const custom = recordField(delta, 'custom');
  if (custom) state.type ??= 'custom';
  const body = fn ?? custom;
  if (!body) return;
  // The name arrives whole in the first delta; later deltas carry only argument pieces.
  if (state.name === '') state.name = stringField(body, 'name') ?? '';
  const piece = stringField(body, fn ? 'arguments' : 'input');
  if (piece) state.pieces.push(piece);
}

function applyChoiceDelta(choice: ChoiceState, chunkChoice: JsonObject): void {
  const delta = recordField(chunkChoice, 'delta');
  if (delta) {
    choice.role ??= stringField(delta, 'role');
    choice.content = appendText(choice.content, delta['content']);
    choice.reasoningContent = appendText(choice.reasoningContent, delta['reasoning_content']);
    choice.reasoning = appendText(choice.reasoning, delta['reasoning']);
    choice.refusal = appendText(choice.refusal, delta['refusal']);
    choice.annotations = appendAll(choice.annotations, delta['annotations']);
    const calls = arrayField(delta, 'tool_calls');
    if (calls) for (const call of calls) if (isRecord(call)) applyToolCallDelta(choice, call);
    const legacy = recordField(delta, 'function_call');
    if (legacy) {
      choice.functionCall ??= { id: undefined, type: undefined, name: '', pieces: [] };
      if (choice.functionCall.name === '') choice.functionCall.name = stringField(legacy, 'name') ?? '';
      const piece = stringField(legacy, 'arguments');
      if (piece) choice.functionCall.pieces.push(piece);
    }
  }
  const finish = chunkChoice['finish_reason'];
  if (finish !== null && finish !== undefined) choice.finishReason = finish;
  const logprobs = recordField(chunkChoice, 'logprobs');
  if (logprobs) {
    choice.logprobsContent = appendAll(choice.logprobsContent ?? [], logprobs['content']);
    choice.logprobsRefusal = appendAll(choice.logprobsRefusal, logprobs['refusal']);
  }
}

function toolCallOut(state: ToolCallState): JsonObject {
  const type = state.type ?? 'function';
  const out: JsonObject = {};
  if (state.id !== undefined) out['id'] = state.id;
  out['type'] = type;
  const joined = state.pieces.join('');
  out[type === 'custom' ? 'custom' : 'function'] =
    type === 'custom' ? { name: state.name, input: joined } : { name: state.name, arguments: joined };
  return out;
}

function choiceOut(choice: ChoiceState): JsonObject {
  const message: JsonObject = {
    role: choice.role ?? 'assistant',
    content: choice.content ? choice.content.join('') : null,
    refusal: choice.refusal ? choice.refusal.join('') : null,
  };
  if (choice.reasoningContent) message['reasoning_content'] = choice.reasoningContent.join('');
  if (choice.reasoning) message['reasoning'] = choice.reasoning.join('');
  if (choice.annotations) message['annotations'] = choice.annotations;
  if (choice.toolCalls) {
    message['tool_calls'] = [...choice.toolCalls.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => toolCallOut(s));
  }
  if (choice.functionCall) {
    message['function_call'] = { name: choice.functionCall.name, arguments: choice.functionCall.pieces.join('') };
  }
  const logprobs = choice.logprobsContent === undefined && choice.logprobsRefusal === undefined
    ? null
    : { content: choice.logprobsContent ?? null, refusal: choice.logprobsRefusal ?? null };
  return { index: choice.index, message, logprobs, finish_reason: choice.finishReason };
}

/** The text fields of a delta, each with where a choice keeps its pieces. */
const DELTA_TEXT_FIELDS = {
  content: (choice: ChoiceState, text: string) => { choice.content = appendText(choice.content, text); },
  reasoning_content: (choice: ChoiceState, text: string) => { choice.reasoningContent = appendText(choice.reasoningContent, text); },
  reasoning: (choice: ChoiceState, text: string) => { choice.reasoning = appendText(choice.reasoning, text); },
  refusal: (choice: ChoiceState, text: string) => { choice.refusal = appendText(choice.refusal, text); },
} as const;

/** A chunk entry whose delta is one text field and nothing else (no role, finish reason or logprobs). */
function textDeltaOf(choice: ChoiceState, chunkChoice: JsonObject): { path: JsonPath; apply(text: string): void } | undefined {
  if (!isNull(chunkChoice['finish_reason']) || !isNull(chunkChoice['logprobs'])) return undefined;
  const delta = recordField(chunkChoice, 'delta');
  if (!delta) return undefined;
  let field: string | undefined;
  for (const key in delta) {
    if (!Object.hasOwn(delta, key)) continue;
    if (field !== undefined) return undefined;
    field = key;
  }
  if (field === undefined || typeof delta[field] !== 'string' || !Object.hasOwn(DELTA_TEXT_FIELDS, field)) return undefined;
  const add = DELTA_TEXT_FIELDS[field as keyof typeof DELTA_TEXT_FIELDS];
  return { path: ['delta', field], apply: (text) => add(choice, text) };
}

/** The `chat.completion` object, rebuilt from `chat.completion.chunk` events. */
const CHAT_CHOICES: ChoiceFormat<ChoiceState> = {
  objectName: () => 'chat.completion',
  newChoice,
  apply: applyChoiceDelta,
  textDelta: textDeltaOf,
  output: choiceOut,
};

export const chatCompletions: EndpointHandler = {
  streams: true,
  normalizeRequest: normalizeChatRequest,
  normalizeResponse: normalizeChatResponse,
  usageOf: (body) => completionUsage(body['usage']),
  createStreamAssembler: () => new ChoiceChunkAssembler(CHAT_CHOICES),
};
