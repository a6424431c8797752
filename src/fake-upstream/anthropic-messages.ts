/** POST /v1/messages and /v1/messages/count_tokens — the Anthropic Messages API, plain and streamed. */
import { arrayField, isRecord, numberField, recordField, stringField, type JsonObject } from '../protocol/fields.ts';
import { contentText, countWords, lastUserText, messagesWordCount } from './prompt-text.ts';
import { missingField } from './errors.ts';
import { idSuffix, jsonReply, namedFrame, type GeneratorSettings, type ParsedRequest, type Reply, type SseEvent, wordLimit } from './reply.ts';
import { generateReasoningTokens, generateTokens, hashText, splitInPieces } from './text-generator.ts';
import { argumentsFor, chooseTool, type ToolChoice, type ToolSpec } from './tools.ts';

const ARGUMENT_PIECES = 4;

type StopReason = 'end_turn' | 'max_tokens' | 'tool_use';

/** One content block as planned: the finished block plus the deltas that stream it. */
interface BlockPlan {
  start: JsonObject;
  finished: JsonObject;
  deltas: JsonObject[];
}

export function handleCountTokens(request: ParsedRequest): Reply {
  const { body } = request;
  if (stringField(body, 'model') === undefined) return missingField('anthropic', 'model');
  const messages = arrayField(body, 'messages');
  if (messages === undefined) return missingField('anthropic', 'messages');
  return jsonReply({ input_tokens: inputTokens(body, messages) });
}

export function handleMessages(request: ParsedRequest, settings: GeneratorSettings): Reply {
  const { body, bodyHash } = request;
  const model = stringField(body, 'model');
  if (model === undefined) return missingField('anthropic', 'model');
  const messages = arrayField(body, 'messages');
  if (messages === undefined) return missingField('anthropic', 'messages');
  const maxTokens = numberField(body, 'max_tokens');
  if (maxTokens === undefined) return missingField('anthropic', 'max_tokens');

  const userText = lastUserText(messages);
  const seed = hashText(userText);
  const suffix = idSuffix(bodyHash);
  const blocks: BlockPlan[] = [];
  let outputTokens = 0;
  let thinkingTokens = 0;

  if (recordField(body, 'thinking')?.['type'] === 'enabled') {
    const thinking = generateReasoningTokens(seed, Math.max(8, settings.outputTokens >> 1));
    thinkingTokens = thinking.length;
    outputTokens += thinking.length;
    // Real signatures are opaque base64 blobs over the thinking; this one depends on the same input.
    const signature = Buffer.from(`fake-upstream-thinking-signature:${idSuffix(seed)}`).toString('base64');
    blocks.push({
      start: { type: 'thinking', thinking: '', signature: '' },
      finished: { type: 'thinking', thinking: thinking.join(''), signature },
      deltas: [...thinking.map((token) => ({ type: 'thinking_delta', thinking: token })), { type: 'signature_delta', signature }],
    });
  }

  const tool = chooseTool(anthropicTools(body), anthropicToolChoice(body['tool_choice']), userText, endsWithToolResult(messages));
  let stopReason: StopReason;
  if (tool !== undefined) {
    const input = argumentsFor(tool.schema, seed);
    const pieces = splitInPieces(JSON.stringify(input), ARGUMENT_PIECES);
    outputTokens += pieces.length;
    const toolUse = { type: 'tool_use', id: `toolu_${suffix}`, name: tool.name, caller: { type: 'direct' } };
    blocks.push({
      start: { ...toolUse, input: {} },
      finished: { ...toolUse, input },
      deltas: pieces.map((piece) => ({ type: 'input_json_delta', partial_json: piece })),
    });
    stopReason = 'tool_use';
  } else {
    const length = wordLimit(settings, maxTokens);
    const text = generateTokens(seed, length);
    outputTokens += text.length;
    blocks.push({
      start: { type: 'text', text: '', citations: null },
      finished: { type: 'text', text: text.join(''), citations: null },
      deltas: text.map((token) => ({ type: 'text_delta', text: token })),
    });
    stopReason = length < settings.outputTokens ? 'max_tokens' : 'end_turn';
  }

  const promptTokens = inputTokens(body, messages);
  const outputDetails = thinkingTokens > 0 ? { thinking_tokens: thinkingTokens } : null;
  const usage = {
    input_tokens: promptTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    inference_geo: null,
    output_tokens_details: outputDetails,
    server_tool_use: null,
    service_tier: 'standard',
    speed: null,
  };
  const message = {
    id: `msg_${suffix}`,
    type: 'message',
    role: 'assistant',
    model,
    content: blocks.map((block) => block.finished),
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage,
  };
  if (body['stream'] !== true) return jsonReply(message);

  const events: SseEvent[] = [];
  const emit = (type: string, payload: JsonObject, paced = false): void => {
    events.push({ frame: namedFrame(type, { type, ...payload }), paced });
  };
  // message_start carries the input side of usage; the output count arrives with message_delta.
  emit('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1, output_tokens_details: null } } });
  blocks.forEach((block, index) => {
    emit('content_block_start', { index, content_block: block.start });
    if (index === 0) emit('ping', {});
    for (const delta of block.deltas) emit('content_block_delta', { index, delta }, delta['type'] !== 'signature_delta');
    emit('content_block_stop', { index });
  });
  emit('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
    usage: { input_tokens: promptTokens, output_tokens: outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens_details: outputDetails, server_tool_use: null },
  });
  emit('message_stop', {});
  return { kind: 'sse', events };
}

function inputTokens(body: JsonObject, messages: unknown[]): number {
  return messagesWordCount(messages) + countWords(contentText(body['system']));
}

function endsWithToolResult(messages: unknown[]): boolean {
  const last = messages[messages.length - 1];
  if (!isRecord(last) || last['role'] !== 'user' || !Array.isArray(last['content'])) return false;
  return last['content'].some((block) => isRecord(block) && block['type'] === 'tool_result');
}

/** Client tools only: server tools (web search, code execution...) carry a versioned `type`. */
function anthropicTools(body: JsonObject): ToolSpec[] {
  const tools: ToolSpec[] = [];
  for (const tool of arrayField(body, 'tools') ?? []) {
    if (!isRecord(tool) || (tool['type'] !== undefined && tool['type'] !== 'custom')) continue;
    const name = stringField(tool, 'name');
    if (name !== undefined) tools.push({ name, schema: recordField(tool, 'input_schema') });
  }
  return tools;
}

function anthropicToolChoice(choice: unknown): ToolChoice {
  if (!isRecord(choice)) return { mode: 'auto' };
  const name = stringField(choice, 'name');
  switch (choice['type']) {
    case 'none':
      return { mode: 'none' };
    case 'any':
      return { mode: 'required' };
    case 'tool':
      return name === undefined ? { mode: 'required' } : { mode: 'required', name };
    default:
      return { mode: 'auto' };
  }
}
