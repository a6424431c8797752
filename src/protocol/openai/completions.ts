/** POST /v1/completions (legacy): prompt in, `text_completion` out, streamed as `text_completion` chunks. */
import { arrayField, booleanField, isNull, isRecord, keyCount, numberField, recordField, stopCount, stringField, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import { Budget, joinLines, MAX_PARTS_PER_MESSAGE, MAX_REQUEST_TEXT_CHARS, MAX_RESPONSE_TEXT_CHARS } from '../limits.ts';
import { put, requestWithModelAndStream, responseWithIdAndModel } from '../normalized.ts';
import type { NormalizedRequest, NormalizedResponse } from '../types.ts';
import { ChoiceChunkAssembler, type ChoiceFormat } from './choice-stream.ts';
import { readSamplingParams } from './sampling-params.ts';
import { completionUsage } from './usage.ts';

/**
 * The prompt as one user turn. A prompt is a string, an array of strings (a batch, joined with "\n"),
 * or token ids (one array or an array of arrays), which carry no text we could keep.
 * Returns the number of prompts, for `params.inputs`.
 */
function readPrompt(prompt: unknown, budget: Budget, pieces: string[]): number {
  if (typeof prompt === 'string') { pieces.push(budget.take(prompt)); return 1; }
  if (!Array.isArray(prompt)) return 0;
  if (prompt.length > 0 && typeof prompt[0] === 'number') return 1; // one prompt of token ids
  const end = Math.min(prompt.length, MAX_PARTS_PER_MESSAGE);
  for (let i = 0; i < end && budget.visit(); i++) {
    const item: unknown = prompt[i];
    if (typeof item === 'string') pieces.push(budget.take(item));
  }
  return prompt.length;
}

function normalizeCompletionsRequest(body: JsonObject): NormalizedRequest {
  const req = requestWithModelAndStream(body, 'openai', 'completions');
  const budget = new Budget(MAX_REQUEST_TEXT_CHARS);
  const pieces: string[] = [];
  const prompts = readPrompt(body['prompt'], budget, pieces);
  const suffix = stringField(body, 'suffix');
  if (suffix) pieces.push(budget.take(suffix));
  if (prompts > 0) req.turns.push({ role: 'user', text: joinLines(pieces) });

  const p = req.params;
  readSamplingParams(body, p);
  put(p, 'max_tokens', numberField(body, 'max_tokens'));
  // Legacy `logprobs` is the number of alternatives per token, which is what top_logprobs means elsewhere.
  const logprobs = numberField(body, 'logprobs');
  if (logprobs !== undefined) { p.logprobs = true; p.top_logprobs = logprobs; }
  put(p, 'logit_bias_entries', keyCount(body, 'logit_bias'));
  put(p, 'stop_sequences', stopCount(body['stop']));
  put(p, 'echo', booleanField(body, 'echo'));
  const bestOf = numberField(body, 'best_of');
  // best_of generates that many completions server-side: for harvesting it counts like n.
  if (bestOf !== undefined && bestOf > (p.n ?? 1)) p.n = bestOf;
  if (prompts > 1) p.inputs = prompts;
  put(p, 'user', stringField(body, 'user'));
  return req;
}

function normalizeCompletionsResponse(body: JsonObject): NormalizedResponse {
  const res = responseWithIdAndModel(body);
  const budget = new Budget(MAX_RESPONSE_TEXT_CHARS);
  const choices = arrayField(body, 'choices') ?? [];
  res.choices = choices.length;
  const text: string[] = [];
  for (const choice of choices) {
    if (!budget.visit()) break;
    if (!isRecord(choice)) continue;
    text.push(budget.take(stringField(choice, 'text') ?? ''));
    if (res.finishReason === undefined) put(res, 'finishReason', stringField(choice, 'finish_reason'));
    if (isRecord(choice['logprobs'])) res.logprobs = true;
  }
  res.text = joinLines(text);
  put(res, 'usage', completionUsage(body['usage']));
  return res;
}

// ---- stream ----

const LOGPROB_LISTS = ['tokens', 'token_logprobs', 'top_logprobs', 'text_offset'] as const;

interface ChoiceState {
  index: number;
  text: string[];
  logprobs: Map<string, unknown[]> | undefined;
  finishReason: unknown;
}

function applyChunkChoice(choice: ChoiceState, item: JsonObject): void {
  const text = stringField(item, 'text');
  if (text) choice.text.push(text);
  const finish = item['finish_reason'];
  if (finish !== null && finish !== undefined) choice.finishReason = finish;
  const logprobs = recordField(item, 'logprobs');
  if (logprobs) {
    choice.logprobs ??= new Map();
    for (const name of LOGPROB_LISTS) {
      const values = arrayField(logprobs, name);
      if (!values) continue;
      const kept = choice.logprobs.get(name);
      if (kept) for (const v of values) kept.push(v);
      else choice.logprobs.set(name, values.slice());
    }
  }
}

/** The `text_completion` object, rebuilt from its streamed chunks (which share its object name). */
const COMPLETION_CHOICES: ChoiceFormat<ChoiceState> = {
  objectName: (streamed) => streamed ?? 'text_completion',
  newChoice: (index) => ({ index, text: [], logprobs: undefined, finishReason: null }),
  apply: applyChunkChoice,
  textDelta(choice, item) {
    if (!isNull(item['finish_reason']) || !isNull(item['logprobs']) || typeof item['text'] !== 'string') return undefined;
    return {
      path: ['text'],
      apply(text) {
        if (text) choice.text.push(text);
      },
    };
  },
  output: (choice) => ({
    text: choice.text.join(''),
    index: choice.index,
    logprobs: choice.logprobs ? Object.fromEntries(choice.logprobs) : null,
    finish_reason: choice.finishReason,
  }),
};

export const completions: EndpointHandler = {
  streams: true,
  normalizeRequest: normalizeCompletionsRequest,
  normalizeResponse: normalizeCompletionsResponse,
  usageOf: (body) => completionUsage(body['usage']),
  createStreamAssembler: () => new ChoiceChunkAssembler(COMPLETION_CHOICES),
};
