/** POST /v1/responses — the OpenAI Responses API, plain and streamed with its full event sequence. */
import { arrayField, isRecord, numberField, recordField, stringField, type JsonObject } from '../protocol/fields.ts';
import { countWords, lastUserText, messagesWordCount } from './prompt-text.ts';
import { missingField } from './errors.ts';
import { FIXED_CREATED_SECONDS, idSuffix, jsonReply, namedFrame, type GeneratorSettings, type ParsedRequest, type Reply, type SseEvent, wordLimit } from './reply.ts';
import { generateReasoningTokens, generateTokens, hashText, splitInPieces } from './text-generator.ts';
import { argumentsFor, chooseTool, type ToolChoice, type ToolSpec } from './tools.ts';

const ARGUMENT_PIECES = 4;

interface ResponsePlan {
  bodyHash: number;
  reasoning: string[];
  text: string[];
  toolCall: { name: string; argumentPieces: string[] } | undefined;
  truncated: boolean;
}

export function handleResponses(request: ParsedRequest, settings: GeneratorSettings): Reply {
  const { body, bodyHash } = request;
  const model = stringField(body, 'model');
  if (model === undefined) return missingField('openai', 'model');
  const input = body['input'];
  const items = Array.isArray(input) ? input : [];
  const userText = typeof input === 'string' ? input : lastUserText(items);
  const seed = hashText(userText);
  const instructions = stringField(body, 'instructions');
  const promptTokens = (typeof input === 'string' ? countWords(input) : messagesWordCount(items)) + countWords(instructions ?? '');
  const maxOutputTokens = numberField(body, 'max_output_tokens');
  const answerLength = wordLimit(settings, maxOutputTokens);
  const lastItem = items[items.length - 1];
  const answersToolResult = isRecord(lastItem) && lastItem['type'] === 'function_call_output';
  const tool = chooseTool(responseTools(body), responseToolChoice(body['tool_choice']), userText, answersToolResult);
  const withReasoning = isRecord(body['reasoning']);
  const plan: ResponsePlan = {
    bodyHash,
    reasoning: withReasoning ? generateReasoningTokens(seed, Math.max(8, settings.outputTokens >> 1)) : [],
    text: tool === undefined ? generateTokens(seed, answerLength) : [],
    toolCall: tool === undefined ? undefined : { name: tool.name, argumentPieces: splitInPieces(JSON.stringify(argumentsFor(tool.schema, seed)), ARGUMENT_PIECES) },
    truncated: tool === undefined && answerLength < settings.outputTokens,
  };
  const outputTokens = plan.reasoning.length + plan.text.length + (plan.toolCall?.argumentPieces.length ?? 0);
  const usage = {
    input_tokens: promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: plan.reasoning.length },
    total_tokens: promptTokens + outputTokens,
  };
  const shell = responseShell(body, model, bodyHash);
  const finalResponse = {
    ...shell,
    status: plan.truncated ? 'incomplete' : 'completed',
    completed_at: plan.truncated ? null : FIXED_CREATED_SECONDS,
    incomplete_details: plan.truncated ? { reason: 'max_output_tokens' } : null,
    output: outputItems(plan, 'done'),
    usage,
  };
  if (body['stream'] === true) return { kind: 'sse', events: responseStreamEvents(plan, { ...shell, status: 'in_progress' }, finalResponse) };
  return jsonReply(finalResponse);
}

/** Everything of a Response object that does not depend on progress: echoes the request's settings. */
function responseShell(body: JsonObject, model: string, bodyHash: number): JsonObject {
  const reasoning = recordField(body, 'reasoning');
  return {
    id: `resp_${idSuffix(bodyHash)}`,
    object: 'response',
    created_at: FIXED_CREATED_SECONDS,
    status: 'in_progress',
    background: false,
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: stringField(body, 'instructions') ?? null,
    max_output_tokens: numberField(body, 'max_output_tokens') ?? null,
    max_tool_calls: null,
    model,
    output: [],
    parallel_tool_calls: body['parallel_tool_calls'] !== false,
    previous_response_id: stringField(body, 'previous_response_id') ?? null,
    reasoning: { effort: reasoning?.['effort'] ?? null, summary: reasoning?.['summary'] ?? null },
    service_tier: 'default',
    store: body['store'] !== false,
    temperature: numberField(body, 'temperature') ?? 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: body['tool_choice'] ?? 'auto',
    tools: arrayField(body, 'tools') ?? [],
    top_logprobs: 0,
    top_p: numberField(body, 'top_p') ?? 1,
    truncation: 'disabled',
    usage: null,
    user: null,
    metadata: recordField(body, 'metadata') ?? {},
  };
}

interface ItemIds {
  reasoning: string;
  message: string;
  functionCall: string;
  callId: string;
}

function itemIds(bodyHash: number): ItemIds {
  return { reasoning: `rs_${idSuffix(bodyHash, 1)}`, message: `msg_${idSuffix(bodyHash, 2)}`, functionCall: `fc_${idSuffix(bodyHash, 3)}`, callId: `call_${idSuffix(bodyHash, 4)}` };
}

/** Output items either as first announced (`added`, empty) or finished (`done`). */
function outputItems(plan: ResponsePlan, stage: 'added' | 'done'): JsonObject[] {
  const ids = itemIds(plan.bodyHash);
  const done = stage === 'done';
  const items: JsonObject[] = [];
  if (plan.reasoning.length > 0) {
    items.push({ id: ids.reasoning, type: 'reasoning', summary: done ? [{ type: 'summary_text', text: plan.reasoning.join('') }] : [] });
  }
  if (plan.toolCall !== undefined) {
    items.push({
      id: ids.functionCall,
      type: 'function_call',
      status: done ? 'completed' : 'in_progress',
      arguments: done ? plan.toolCall.argumentPieces.join('') : '',
      call_id: ids.callId,
      name: plan.toolCall.name,
    });
  } else {
    items.push({
      id: ids.message,
      type: 'message',
      status: done ? (plan.truncated ? 'incomplete' : 'completed') : 'in_progress',
      content: done ? [outputText(plan.text.join(''))] : [],
      role: 'assistant',
    });
  }
  return items;
}

function outputText(text: string): JsonObject {
  return { type: 'output_text', annotations: [], logprobs: [], text };
}

function responseStreamEvents(plan: ResponsePlan, inProgress: JsonObject, finalResponse: JsonObject & { status: string }): SseEvent[] {
  const events: SseEvent[] = [];
  let sequenceNumber = 0;
  const emit = (type: string, fields: JsonObject, paced = false): void => {
    events.push({ frame: namedFrame(type, { type, sequence_number: sequenceNumber++, ...fields }), paced });
  };
  emit('response.created', { response: inProgress });
  emit('response.in_progress', { response: inProgress });
  const added = outputItems(plan, 'added');
  const done = outputItems(plan, 'done');
  added.forEach((item, outputIndex) => {
    const itemId = item['id'];
    const finished = done[outputIndex] ?? item;
    emit('response.output_item.added', { output_index: outputIndex, item });
    if (item['type'] === 'reasoning') {
      const text = plan.reasoning.join('');
      const where = { item_id: itemId, output_index: outputIndex, summary_index: 0 };
      emit('response.reasoning_summary_part.added', { ...where, part: { type: 'summary_text', text: '' } });
      for (const token of plan.reasoning) emit('response.reasoning_summary_text.delta', { ...where, delta: token }, true);
      emit('response.reasoning_summary_text.done', { ...where, text });
      emit('response.reasoning_summary_part.done', { ...where, part: { type: 'summary_text', text } });
    } else if (item['type'] === 'function_call' && plan.toolCall !== undefined) {
      const where = { item_id: itemId, output_index: outputIndex };
      for (const piece of plan.toolCall.argumentPieces) emit('response.function_call_arguments.delta', { ...where, delta: piece }, true);
      emit('response.function_call_arguments.done', { ...where, name: plan.toolCall.name, arguments: plan.toolCall.argumentPieces.join('') });
    } else {
      const text = plan.text.join('');
      const where = { item_id: itemId, output_index: outputIndex, content_index: 0 };
      emit('response.content_part.added', { ...where, part: outputText('') });
      for (const token of plan.text) emit('response.output_text.delta', { ...where, delta: token, logprobs: [] }, true);
      emit('response.output_text.done', { ...where, text, logprobs: [] });
      emit('response.content_part.done', { ...where, part: outputText(text) });
    }
    emit('response.output_item.done', { output_index: outputIndex, item: finished });
  });
  emit(finalResponse.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: finalResponse });
  return events;
}

function responseTools(body: JsonObject): ToolSpec[] {
  const tools: ToolSpec[] = [];
  for (const tool of arrayField(body, 'tools') ?? []) {
    if (!isRecord(tool) || tool['type'] !== 'function') continue;
    const name = stringField(tool, 'name');
    if (name !== undefined) tools.push({ name, schema: recordField(tool, 'parameters') });
  }
  return tools;
}

function responseToolChoice(choice: unknown): ToolChoice {
  if (choice === 'none' || choice === 'required') return { mode: choice };
  if (isRecord(choice)) {
    const name = stringField(choice, 'name');
    if (choice['type'] === 'function' && name !== undefined) return { mode: 'required', name };
  }
  return { mode: 'auto' };
}
