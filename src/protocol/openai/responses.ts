/** POST /v1/responses: input items in, a `response` out, streamed as typed `response.*` events. */
import { type PartTypes, readParts } from '../content-parts.ts';
import { arrayField, isRecord, numberField, recordField, stringField, stringList, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import {
  Budget, joinLines, MAX_LIST_ENTRIES, MAX_REQUEST_TEXT_CHARS, MAX_RESPONSE_TEXT_CHARS,
  MAX_TOOL_CALLS, MAX_TURNS,
} from '../limits.ts';
import { put, requestWithModelAndStream, responseWithIdAndModel } from '../normalized.ts';
import { RepeatedDeltas, type JsonPath, type TextDelta } from '../repeated-deltas.ts';
import { jsonEventParser } from '../sse.ts';
import type { NormalizedRequest, NormalizedResponse, StreamAssembler, ToolCall, Turn } from '../types.ts';
import { readFunctionTools, toolChoiceOf } from './tools.ts';
import { responsesUsage } from './usage.ts';

// ---- request ----

/** Parts of an item's `content`, a reasoning `summary` or a tool output: text-like parts read, inputs of other media counted. */
const ITEM_PARTS: PartTypes = {
  text: new Map([
    ['input_text', 'text'], ['output_text', 'text'], ['summary_text', 'text'], ['reasoning_text', 'text'], ['refusal', 'refusal'],
  ]),
  attachments: new Set(['input_image', 'input_file', 'input_audio']),
  bareStrings: false,
};

/** A function or custom tool call joins the assistant turn before it, as chat's `tool_calls` would. */
function addToolCall(turns: Turn[], call: ToolCall): void {
  const last = turns[turns.length - 1];
  if (last && last.role === 'assistant' && (last.toolCalls?.length ?? 0) < MAX_TOOL_CALLS) {
    (last.toolCalls ??= []).push(call);
    return;
  }
  turns.push({ role: 'assistant', text: '', toolCalls: [call] });
}

function readInputItem(item: JsonObject, req: NormalizedRequest, system: string[], budget: Budget): void {
  const type = stringField(item, 'type') ?? (item['role'] !== undefined ? 'message' : undefined);
  switch (type) {
    case 'message': {
      const role = item['role'];
      const { text, attachments } = readParts(item['content'], budget, ITEM_PARTS);
      if (role === 'system' || role === 'developer') { if (text) system.push(text); return; }
      if (role !== 'user' && role !== 'assistant') return;
      const turn: Turn = { role, text };
      if (attachments > 0) turn.attachments = attachments;
      req.turns.push(turn);
      return;
    }
    case 'function_call': case 'custom_tool_call': {
      const call: ToolCall = {
        name: stringField(item, 'name') ?? '',
        arguments: budget.take(stringField(item, type === 'function_call' ? 'arguments' : 'input') ?? ''),
      };
      put(call, 'id', stringField(item, 'call_id'));
      addToolCall(req.turns, call);
      return;
    }
    case 'function_call_output': case 'custom_tool_call_output': {
      const { text, attachments } = readParts(item['output'], budget, ITEM_PARTS);
      const turn: Turn = { role: 'tool', text };
      put(turn, 'toolCallId', stringField(item, 'call_id'));
      if (attachments > 0) turn.attachments = attachments;
      req.turns.push(turn);
      return;
    }
    default:
      return; // reasoning items echo the model's own output; item references point at stored items
  }
}

function normalizeResponsesRequest(body: JsonObject): NormalizedRequest {
  const req = requestWithModelAndStream(body, 'openai', 'responses');
  const budget = new Budget(MAX_REQUEST_TEXT_CHARS);
  const system: string[] = [];
  const instructions = stringField(body, 'instructions');
  if (instructions) system.push(budget.take(instructions));
  const input = body['input'];
  if (typeof input === 'string') req.turns.push({ role: 'user', text: budget.take(input) });
  else if (Array.isArray(input)) {
    for (const item of input) {
      if (req.turns.length >= MAX_TURNS || !budget.visit()) break;
      if (isRecord(item)) readInputItem(item, req, system, budget);
    }
  }
  req.system = joinLines(system);
  req.tools = readFunctionTools(body, budget, 'flat');

  const p = req.params;
  put(p, 'temperature', numberField(body, 'temperature'));
  put(p, 'top_p', numberField(body, 'top_p'));
  put(p, 'max_tokens', numberField(body, 'max_output_tokens'));
  const topLogprobs = numberField(body, 'top_logprobs');
  put(p, 'top_logprobs', topLogprobs);
  const reasoning = recordField(body, 'reasoning');
  if (reasoning) put(p, 'reasoning_effort', stringField(reasoning, 'effort'));
  const include = stringList(body, 'include', MAX_LIST_ENTRIES);
  if (include && include.length > 0) p.include = include;
  // Logprobs come back in the responses API only when asked for through `include`.
  if (include?.includes('message.output_text.logprobs')) p.logprobs = true;
  const format = recordField(recordField(body, 'text') ?? {}, 'format');
  if (format) put(p, 'response_format', stringField(format, 'type'));
  put(p, 'tool_choice', toolChoiceOf(body['tool_choice']));
  put(p, 'previous_response_id', stringField(body, 'previous_response_id'));
  put(p, 'user', stringField(body, 'safety_identifier') ?? stringField(body, 'user'));
  return req;
}

// ---- response ----

function normalizeResponsesResponse(body: JsonObject): NormalizedResponse {
  const res = responseWithIdAndModel(body);
  const budget = new Budget(MAX_RESPONSE_TEXT_CHARS);
  const text: string[] = [];
  const reasoning: string[] = [];
  for (const item of arrayField(body, 'output') ?? []) {
    if (!budget.visit()) break;
    if (!isRecord(item)) continue;
    switch (item['type']) {
      case 'message':
        text.push(readParts(item['content'], budget, ITEM_PARTS).text);
        for (const part of arrayField(item, 'content') ?? []) {
          const logprobs = isRecord(part) ? arrayField(part, 'logprobs') : undefined;
          if (logprobs && logprobs.length > 0) res.logprobs = true;
        }
        break;
      case 'reasoning':
        reasoning.push(readParts(item['summary'], budget, ITEM_PARTS).text, readParts(item['content'], budget, ITEM_PARTS).text);
        break;
      case 'function_call': case 'custom_tool_call': {
        if (res.toolCalls.length >= MAX_TOOL_CALLS) break;
        const call: ToolCall = {
          name: stringField(item, 'name') ?? '',
          arguments: budget.take(stringField(item, item['type'] === 'function_call' ? 'arguments' : 'input') ?? ''),
        };
        put(call, 'id', stringField(item, 'call_id'));
        res.toolCalls.push(call);
        break;
      }
      default:
        break;
    }
  }
  res.text = joinLines(text);
  res.reasoning = joinLines(reasoning);
  const status = stringField(body, 'status');
  const incomplete = recordField(body, 'incomplete_details');
  put(res, 'finishReason', status === 'incomplete' && incomplete ? stringField(incomplete, 'reason') ?? status : status);
  put(res, 'usage', responsesUsage(body['usage']));
  return res;
}

// ---- stream ----

interface ItemState {
  item: JsonObject;
  /** Set by `response.output_item.done`, whose item is complete and replaces what the deltas built. */
  done: boolean;
  /** Streamed text per target ("text:0", "refusal:0", "summary:1", "arguments", "input"). */
  pieces: Map<string, string[]>;
  logprobs: Map<number, unknown[]> | undefined;
}

const SNAPSHOT_EVENTS = new Set(['response.created', 'response.in_progress', 'response.queued']);
const FINAL_EVENTS = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/** Which streamed text an event adds to (delta) or sets (done), by event type. */
interface TextTarget {
  key: (ev: JsonObject) => string;
  field: 'delta' | 'text' | 'refusal' | 'arguments' | 'input';
  set: boolean;
}

const TEXT_TARGETS: Record<string, TextTarget> = {
  'response.output_text.delta': { key: (ev) => `text:${numberField(ev, 'content_index') ?? 0}`, field: 'delta', set: false },
  'response.output_text.done': { key: (ev) => `text:${numberField(ev, 'content_index') ?? 0}`, field: 'text', set: true },
  'response.reasoning_text.delta': { key: (ev) => `text:${numberField(ev, 'content_index') ?? 0}`, field: 'delta', set: false },
  'response.reasoning_text.done': { key: (ev) => `text:${numberField(ev, 'content_index') ?? 0}`, field: 'text', set: true },
  'response.refusal.delta': { key: (ev) => `refusal:${numberField(ev, 'content_index') ?? 0}`, field: 'delta', set: false },
  'response.refusal.done': { key: (ev) => `refusal:${numberField(ev, 'content_index') ?? 0}`, field: 'refusal', set: true },
  'response.reasoning_summary_text.delta': { key: (ev) => `summary:${numberField(ev, 'summary_index') ?? 0}`, field: 'delta', set: false },
  'response.reasoning_summary_text.done': { key: (ev) => `summary:${numberField(ev, 'summary_index') ?? 0}`, field: 'text', set: true },
  'response.function_call_arguments.delta': { key: () => 'arguments', field: 'delta', set: false },
  'response.function_call_arguments.done': { key: () => 'arguments', field: 'arguments', set: true },
  'response.custom_tool_call_input.delta': { key: () => 'input', field: 'delta', set: false },
  'response.custom_tool_call_input.done': { key: () => 'input', field: 'input', set: true },
};

function addText(state: ItemState, target: TextTarget, key: string, value: string): void {
  const pieces = state.pieces.get(key);
  if (target.set || !pieces) state.pieces.set(key, [value]);
  else pieces.push(value);
}

/** Fields of a delta event that change with every event but mean nothing to the rebuilt response. */
const IGNORED_DELTA_FIELDS: readonly JsonPath[] = [['sequence_number'], ['obfuscation']];

function partAt(item: JsonObject, listName: 'content' | 'summary', index: number, type: string): JsonObject {
  const existing = item[listName];
  const parts: unknown[] = Array.isArray(existing) ? existing : [];
  if (parts !== existing) item[listName] = parts;
  const current: unknown = parts[index];
  if (isRecord(current)) return current;
  const part: JsonObject = { type, text: '' };
  parts[index] = part;
  return part;
}

/** Writes the streamed pieces of an item that never got its `output_item.done` (a cut stream). */
function materialize(state: ItemState): JsonObject {
  if (state.done) return state.item;
  const item = state.item;
  const textType = item['type'] === 'reasoning' ? 'reasoning_text' : 'output_text';
  for (const [key, pieces] of state.pieces) {
    const text = pieces.join('');
    const colon = key.indexOf(':');
    const target = colon === -1 ? key : key.slice(0, colon);
    const index = colon === -1 ? 0 : Number(key.slice(colon + 1));
    if (target === 'arguments' || target === 'input') item[target] = text;
    else if (target === 'summary') partAt(item, 'summary', index, 'summary_text')['text'] = text;
    else if (target === 'refusal') {
      const part = partAt(item, 'content', index, 'refusal');
      part['type'] = 'refusal';
      delete part['text'];
      part['refusal'] = text;
    } else partAt(item, 'content', index, textType)['text'] = text;
  }
  if (state.logprobs) {
    for (const [index, values] of state.logprobs) partAt(item, 'content', index, textType)['logprobs'] = values;
  }
  return item;
}

/**
 * Rebuilds the `response` object. `response.completed` (or failed / incomplete) carries the whole
 * response and is returned as is; only when the stream was cut before it are the items rebuilt from
 * their `output_item.*`, `content_part.added` and delta events.
 */
class ResponsesAssembler implements StreamAssembler {
  private readonly repeats = new RepeatedDeltas((ev) => this.textDeltaOf(ev));
  private readonly parser = jsonEventParser((ev) => this.onEvent(ev), this.repeats);
  private snapshot: JsonObject | undefined;
  private final: JsonObject | undefined;
  private readonly items = new Map<number, ItemState>();
  private error: JsonObject | undefined;

  push(chunk: Uint8Array): void {
    this.parser.push(chunk);
  }

  private onEvent(ev: JsonObject): void {
    const type = stringField(ev, 'type');
    if (type === undefined) return;
    if (SNAPSHOT_EVENTS.has(type) || FINAL_EVENTS.has(type)) {
      const response = recordField(ev, 'response');
      if (!response) return;
      if (FINAL_EVENTS.has(type)) this.final = response;
      else this.snapshot = response;
      return;
    }
    if (type === 'error') {
      this.error = {};
      put(this.error, 'code', ev['code']);
      put(this.error, 'message', ev['message']);
      return;
    }
    const index = numberField(ev, 'output_index');
    if (index === undefined) return;
    if (type === 'response.output_item.added' || type === 'response.output_item.done') {
      const item = recordField(ev, 'item');
      if (!item) return;
      const done = type === 'response.output_item.done';
      this.items.set(index, { item: done ? item : { ...item }, done, pieces: new Map(), logprobs: undefined });
      return;
    }
    const state = this.items.get(index);
    if (!state || state.done) return;
    if (type === 'response.content_part.added' || type === 'response.reasoning_summary_part.added') {
      const part = recordField(ev, 'part');
      const summary = type === 'response.reasoning_summary_part.added';
      const at = numberField(ev, summary ? 'summary_index' : 'content_index') ?? 0;
      if (!part) return;
      const slot = partAt(state.item, summary ? 'summary' : 'content', at, 'output_text');
      for (const key of Object.keys(slot)) delete slot[key];
      Object.assign(slot, part);
      return;
    }
    const target = TEXT_TARGETS[type];
    if (!target) return;
    const value = stringField(ev, target.field);
    if (value === undefined) return;
    addText(state, target, target.key(ev), value);
    if (type === 'response.output_text.delta') {
      const logprobs = arrayField(ev, 'logprobs');
      if (logprobs && logprobs.length > 0) {
        const at = numberField(ev, 'content_index') ?? 0;
        state.logprobs ??= new Map();
        const kept = state.logprobs.get(at);
        if (kept) for (const lp of logprobs) kept.push(lp);
        else state.logprobs.set(at, logprobs.slice());
      }
    }
  }

  /** A text delta event (no logprobs) for an item still being streamed. */
  private textDeltaOf(ev: JsonObject): TextDelta | undefined {
    const type = stringField(ev, 'type');
    const target = type === undefined ? undefined : TEXT_TARGETS[type];
    const index = numberField(ev, 'output_index');
    if (!target || target.set || index === undefined || typeof ev[target.field] !== 'string') return undefined;
    const logprobs = ev['logprobs'];
    if (logprobs !== undefined && !(Array.isArray(logprobs) && logprobs.length === 0)) return undefined;
    const key = target.key(ev);
    return {
      text: [target.field],
      ignored: IGNORED_DELTA_FIELDS,
      apply: (text) => {
        const state = this.items.get(index);
        if (state && !state.done) addText(state, target, key, text);
      },
    };
  }

  finish(): JsonObject | undefined {
    this.parser.end();
    if (this.final) return this.final;
    if (!this.snapshot && this.items.size === 0) return undefined;
    const out: JsonObject = { ...(this.snapshot ?? { object: 'response' }) };
    out['output'] = [...this.items.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => materialize(s));
    if (this.error && !isRecord(out['error'])) {
      out['error'] = this.error;
      out['status'] = 'failed';
    }
    return out;
  }
}

export const responses: EndpointHandler = {
  streams: true,
  normalizeRequest: normalizeResponsesRequest,
  normalizeResponse: normalizeResponsesResponse,
  usageOf: (body) => responsesUsage(body['usage']),
  createStreamAssembler: () => new ResponsesAssembler(),
};
