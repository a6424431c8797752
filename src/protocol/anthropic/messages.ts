/** POST /v1/messages: requests, `message` responses and their named-event SSE streams. */
import { type PartTypes, readParts } from '../content-parts.ts';
import { arrayField, isRecord, numberField, ownKeyCount, recordField, stringField, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import {
  Budget, joinLines, MAX_PARTS_PER_MESSAGE, MAX_REQUEST_TEXT_CHARS, MAX_RESPONSE_TEXT_CHARS, MAX_TOOL_CALLS, MAX_TURNS,
} from '../limits.ts';
import { emptyRequest, put, responseWithIdAndModel } from '../normalized.ts';
import { RepeatedDeltas, type TextDelta } from '../repeated-deltas.ts';
import { jsonEventParser } from '../sse.ts';
import { readToolSpecs, type ToolIdentity } from '../tool-specs.ts';
import type { NormalizedRequest, NormalizedResponse, StreamAssembler, ToolCall, Turn } from '../types.ts';
import { messagesUsage } from './usage.ts';

// ---- request ----

/** Tool input is an object on the wire; ToolCall keeps it as JSON text like OpenAI's arguments. */
function inputAsText(input: unknown, budget: Budget): string {
  if (input === undefined) return '';
  try {
    return budget.take(JSON.stringify(input) ?? '');
  } catch {
    return ''; // a cyclic or too deeply nested object handed in by a caller
  }
}

/** Blocks of a `tool_result` content or of `system`: text read, images and documents counted (one level, as the API allows). */
const TEXT_AND_MEDIA_BLOCKS: PartTypes = {
  text: new Map([['text', 'text']]),
  attachments: new Set(['image', 'document']),
  bareStrings: false,
};

/**
 * One message as turns. Tool results travel inside a user message; each becomes its own 'tool'
 * turn (as in OpenAI's format) ahead of whatever else the message says.
 */
function readMessage(message: JsonObject, turns: Turn[], budget: Budget): void {
  const role = message['role'];
  if (role !== 'user' && role !== 'assistant') return;
  const content = message['content'];
  if (typeof content === 'string') { turns.push({ role, text: budget.take(content) }); return; }
  if (!Array.isArray(content)) { turns.push({ role, text: '' }); return; }
  const pieces: string[] = [];
  let attachments = 0;
  const toolCalls: ToolCall[] = [];
  let toolResults = 0;
  const end = Math.min(content.length, MAX_PARTS_PER_MESSAGE);
  for (let i = 0; i < end && budget.visit(); i++) {
    const block: unknown = content[i];
    if (!isRecord(block)) continue;
    switch (block['type']) {
      case 'text': pieces.push(budget.take(stringField(block, 'text') ?? '')); break;
      case 'image': case 'document': case 'search_result': case 'container_upload': attachments++; break;
      case 'tool_use': case 'server_tool_use': {
        if (toolCalls.length >= MAX_TOOL_CALLS) break;
        const call: ToolCall = { name: stringField(block, 'name') ?? '', arguments: inputAsText(block['input'], budget) };
        put(call, 'id', stringField(block, 'id'));
        toolCalls.push(call);
        break;
      }
      case 'tool_result': {
        if (turns.length >= MAX_TURNS) break;
        const result = readParts(block['content'], budget, TEXT_AND_MEDIA_BLOCKS);
        const turn: Turn = { role: 'tool', text: result.text };
        put(turn, 'toolCallId', stringField(block, 'tool_use_id'));
        if (result.attachments > 0) turn.attachments = result.attachments;
        turns.push(turn);
        toolResults++;
        break;
      }
      default:
        break; // thinking / redacted_thinking echo the model's own output back
    }
  }
  const text = joinLines(pieces);
  if (toolResults > 0 && text === '' && attachments === 0 && toolCalls.length === 0) return;
  const turn: Turn = { role, text };
  if (attachments > 0) turn.attachments = attachments;
  if (toolCalls.length > 0) turn.toolCalls = toolCalls;
  turns.push(turn);
}

/** Client tools have an `input_schema` (and no type, or 'custom'); server tools a versioned type. */
function identifyTool(tool: JsonObject): ToolIdentity {
  const type = stringField(tool, 'type');
  return { name: stringField(tool, 'name') ?? type ?? '', type: type === undefined || type === 'custom' ? 'function' : type, holder: tool };
}

/** Shared by /v1/messages and /v1/messages/count_tokens, whose bodies differ only in a few fields. */
export function normalizeMessagesBody(body: JsonObject, req: NormalizedRequest): NormalizedRequest {
  const budget = new Budget(MAX_REQUEST_TEXT_CHARS);
  put(req, 'model', stringField(body, 'model'));
  req.system = readParts(body['system'], budget, TEXT_AND_MEDIA_BLOCKS).text;
  for (const message of arrayField(body, 'messages') ?? []) {
    if (req.turns.length >= MAX_TURNS || !budget.visit()) break;
    if (isRecord(message)) readMessage(message, req.turns, budget);
  }
  if (req.turns.length > MAX_TURNS) req.turns.length = MAX_TURNS;
  req.tools = readToolSpecs(body, budget, identifyTool);

  const p = req.params;
  put(p, 'max_tokens', numberField(body, 'max_tokens'));
  put(p, 'temperature', numberField(body, 'temperature'));
  put(p, 'top_p', numberField(body, 'top_p'));
  put(p, 'top_k', numberField(body, 'top_k'));
  const thinking = recordField(body, 'thinking');
  if (thinking && thinking['type'] === 'enabled') put(p, 'thinking_budget', numberField(thinking, 'budget_tokens'));
  const stops = arrayField(body, 'stop_sequences');
  if (stops) p.stop_sequences = stops.length;
  const toolChoice = recordField(body, 'tool_choice');
  if (toolChoice) put(p, 'tool_choice', stringField(toolChoice, 'type'));
  const metadata = recordField(body, 'metadata');
  if (metadata) put(p, 'user', stringField(metadata, 'user_id'));
  return req;
}

function normalizeMessagesRequest(body: JsonObject): NormalizedRequest {
  const req = emptyRequest('anthropic', 'messages');
  req.stream = body['stream'] === true;
  return normalizeMessagesBody(body, req);
}

// ---- response ----

function normalizeMessagesResponse(body: JsonObject): NormalizedResponse {
  const res = responseWithIdAndModel(body);
  const budget = new Budget(MAX_RESPONSE_TEXT_CHARS);
  const text: string[] = [];
  const reasoning: string[] = [];
  for (const block of arrayField(body, 'content') ?? []) {
    if (!budget.visit()) break;
    if (!isRecord(block)) continue;
    switch (block['type']) {
      case 'text': text.push(budget.take(stringField(block, 'text') ?? '')); break;
      case 'thinking': reasoning.push(budget.take(stringField(block, 'thinking') ?? '')); break;
      case 'tool_use': case 'server_tool_use': {
        if (res.toolCalls.length >= MAX_TOOL_CALLS) break;
        const call: ToolCall = { name: stringField(block, 'name') ?? '', arguments: inputAsText(block['input'], budget) };
        put(call, 'id', stringField(block, 'id'));
        res.toolCalls.push(call);
        break;
      }
      default: break;
    }
  }
  res.text = joinLines(text);
  res.reasoning = joinLines(reasoning);
  put(res, 'finishReason', stringField(body, 'stop_reason'));
  put(res, 'usage', messagesUsage(body['usage']));
  return res;
}

// ---- stream ----

interface BlockState {
  block: JsonObject;
  /** Streamed text for the block's `text` / `thinking` / `signature` field, joined at the end. */
  text: string[] | undefined;
  thinking: string[] | undefined;
  signature: string[] | undefined;
  /** `input_json_delta` pieces of a tool_use block, parsed once at content_block_stop. */
  json: string[] | undefined;
  citations: unknown[] | undefined;
}

function parseToolInput(pieces: string[]): unknown {
  const text = pieces.join('');
  if (text.length === 0) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {}; // a cut stream leaves partial JSON; the block keeps an empty input, as it started
  }
}

function closeBlock(state: BlockState): JsonObject {
  const block = state.block;
  if (state.text) block['text'] = state.text.join('');
  if (state.thinking) block['thinking'] = state.thinking.join('');
  if (state.signature) block['signature'] = state.signature.join('');
  if (state.citations) block['citations'] = state.citations;
  if (state.json) block['input'] = parseToolInput(state.json);
  state.text = state.thinking = state.signature = state.json = state.citations = undefined;
  return block;
}

function appendPiece(list: string[] | undefined, value: string | undefined): string[] | undefined {
  if (value === undefined) return list;
  if (list === undefined) return [value];
  list.push(value);
  return list;
}

/** The text-carrying deltas of a content block: the field each carries and where a block keeps it. */
const BLOCK_DELTAS = {
  text_delta: { field: 'text', append: (s: BlockState, v: string | undefined) => { s.text = appendPiece(s.text ?? [stringField(s.block, 'text') ?? ''], v); } },
  thinking_delta: { field: 'thinking', append: (s: BlockState, v: string | undefined) => { s.thinking = appendPiece(s.thinking ?? [stringField(s.block, 'thinking') ?? ''], v); } },
  signature_delta: { field: 'signature', append: (s: BlockState, v: string | undefined) => { s.signature = appendPiece(s.signature ?? [], v); } },
  input_json_delta: { field: 'partial_json', append: (s: BlockState, v: string | undefined) => { s.json = appendPiece(s.json, v); } },
} as const;

/** Rebuilds the `message` object from message_start, content_block_* and message_delta events. */
class MessagesAssembler implements StreamAssembler {
  private readonly repeats = new RepeatedDeltas((ev) => this.textDeltaOf(ev));
  private readonly parser = jsonEventParser((ev) => this.onEvent(ev), this.repeats);
  private message: JsonObject | undefined;
  private readonly blocks = new Map<number, BlockState>();
  private usage: JsonObject = {};

  push(chunk: Uint8Array): void {
    this.parser.push(chunk);
  }

  private onEvent(ev: JsonObject): void {
    switch (ev['type']) {
      case 'message_start': {
        const message = recordField(ev, 'message');
        if (!message) return;
        this.message = { ...message };
        const usage = recordField(message, 'usage');
        if (usage) this.usage = { ...usage };
        return;
      }
      case 'content_block_start': {
        const block = recordField(ev, 'content_block');
        if (!block) return;
        const state: BlockState = {
          block: { ...block }, text: undefined, thinking: undefined, signature: undefined, json: undefined, citations: undefined,
        };
        this.blocks.set(numberField(ev, 'index') ?? this.blocks.size, state);
        return;
      }
      case 'content_block_delta': {
        const state = this.blocks.get(numberField(ev, 'index') ?? -1);
        const delta = recordField(ev, 'delta');
        if (!state || !delta) return;
        const type = delta['type'];
        if (typeof type === 'string' && Object.hasOwn(BLOCK_DELTAS, type)) {
          const kind = BLOCK_DELTAS[type as keyof typeof BLOCK_DELTAS];
          kind.append(state, stringField(delta, kind.field));
          return;
        }
        switch (type) {
          case 'citations_delta': {
            const citation = delta['citation'];
            if (citation !== undefined) (state.citations ??= [...(arrayField(state.block, 'citations') ?? [])]).push(citation);
            break;
          }
          default: break;
        }
        return;
      }
      case 'content_block_stop': {
        const state = this.blocks.get(numberField(ev, 'index') ?? -1);
        if (state) closeBlock(state);
        return;
      }
      case 'message_delta': {
        const delta = recordField(ev, 'delta');
        if (this.message && delta) {
          for (const key in delta) if (Object.hasOwn(delta, key)) this.message[key] = delta[key];
        }
        // Usage here is cumulative: its non-null counts replace those from message_start.
        const usage = recordField(ev, 'usage');
        if (usage) for (const key in usage) if (Object.hasOwn(usage, key) && usage[key] !== null) this.usage[key] = usage[key];
        return;
      }
      default:
        return; // message_stop, ping, error: nothing to add to the message
    }
  }

  /** A `content_block_delta` with nothing but one text field, for a block that has started. */
  private textDeltaOf(ev: JsonObject): TextDelta | undefined {
    if (ev['type'] !== 'content_block_delta' || ownKeyCount(ev) !== 3) return undefined;
    const index = numberField(ev, 'index');
    const delta = recordField(ev, 'delta');
    if (index === undefined || !delta || ownKeyCount(delta) !== 2 || !this.blocks.has(index)) return undefined;
    const type = delta['type'];
    if (typeof type !== 'string' || !Object.hasOwn(BLOCK_DELTAS, type)) return undefined;
    const kind = BLOCK_DELTAS[type as keyof typeof BLOCK_DELTAS];
    if (typeof delta[kind.field] !== 'string') return undefined;
    return {
      text: ['delta', kind.field],
      ignored: [],
      apply: (text) => {
        const state = this.blocks.get(index);
        if (state) kind.append(state, text);
      },
    };
  }

  finish(): JsonObject | undefined {
    this.parser.end();
    if (!this.message) return undefined;
    const out = this.message;
    out['content'] = [...this.blocks.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => closeBlock(s));
    out['usage'] = this.usage;
    return out;
  }
}

export const messages: EndpointHandler = {
  streams: true,
  normalizeRequest: normalizeMessagesRequest,
  normalizeResponse: normalizeMessagesResponse,
  usageOf: (body) => messagesUsage(body['usage']),
  createStreamAssembler: () => new MessagesAssembler(),
};
