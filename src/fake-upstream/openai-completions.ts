/** POST /v1/completions — the legacy OpenAI Completions API, plain and streamed. */
import { numberField, recordField, stringField, type JsonObject } from '../protocol/fields.ts';
import { countWords } from './prompt-text.ts';
import { errorReply, missingField } from './errors.ts';
import { DONE_FRAME, FIXED_CREATED_SECONDS, idSuffix, jsonReply, type GeneratorSettings, type ParsedRequest, type Reply, type SseEvent, wordLimit } from './reply.ts';
import { generateTokens, hashText, mixHash, tokenLogprobs } from './text-generator.ts';

const SYSTEM_FINGERPRINT = 'fp_fakeupstream';

interface CompletionPlan {
  index: number;
  seed: number;
  tokens: string[];
  finishReason: 'stop' | 'length';
}

export function handleCompletions(request: ParsedRequest, settings: GeneratorSettings): Reply {
  const { body, bodyHash } = request;
  const model = stringField(body, 'model');
  if (model === undefined) return missingField('openai', 'model');
  const prompts = promptTexts(body['prompt']);
  if (prompts === undefined) return missingField('openai', 'prompt');
  const perPrompt = numberField(body, 'n') ?? 1;
  if (!Number.isInteger(perPrompt) || perPrompt < 1 || perPrompt > 128) {
    return errorReply('openai', 'invalid_request', `Invalid 'n': expected an integer between 1 and 128.`, 'n');
  }
  const maxTokens = numberField(body, 'max_tokens');
  const answerLength = wordLimit(settings, maxTokens);
  const finishReason = answerLength < settings.outputTokens ? 'length' : 'stop';
  // The API returns n choices per prompt, indexed prompt-major.
  const plans: CompletionPlan[] = [];
  let promptTokens = 0;
  prompts.forEach((prompt, promptIndex) => {
    promptTokens += countWords(prompt);
    const promptSeed = hashText(prompt);
    for (let copy = 0; copy < perPrompt; copy++) {
      const seed = copy === 0 ? promptSeed : mixHash(promptSeed, copy);
      plans.push({ index: promptIndex * perPrompt + copy, seed, tokens: generateTokens(seed, answerLength), finishReason });
    }
  });
  const completionTokens = plans.reduce((sum, plan) => sum + plan.tokens.length, 0);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const logprobsCount = numberField(body, 'logprobs');
  const envelope = { id: `cmpl-${idSuffix(bodyHash)}`, object: 'text_completion', created: FIXED_CREATED_SECONDS, model, system_fingerprint: SYSTEM_FINGERPRINT };

  if (body['stream'] === true) {
    const includeUsage = recordField(body, 'stream_options')?.['include_usage'] === true;
    const head = `data: ${JSON.stringify(envelope).slice(0, -1)},"choices":[`;
    const tail = includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
    const events: SseEvent[] = [];
    for (const plan of plans) {
      const logprobs = logprobsCount !== undefined ? legacyLogprobs(plan, logprobsCount) : undefined;
      plan.tokens.forEach((token, position) => {
        const tokenLogprobs = logprobs === undefined ? null : sliceLogprobs(logprobs, position);
        const choice = { text: token, index: plan.index, logprobs: tokenLogprobs, finish_reason: null };
        events.push({ frame: head + JSON.stringify(choice) + tail, paced: true });
      });
      events.push({ frame: head + JSON.stringify({ text: '', index: plan.index, logprobs: null, finish_reason: plan.finishReason }) + tail, paced: false });
    }
    if (includeUsage) events.push({ frame: `${head}],"usage":${JSON.stringify(usage)}}\n\n`, paced: false });
    events.push({ frame: DONE_FRAME, paced: false });
    return { kind: 'sse', events };
  }
  return jsonReply({
    ...envelope,
    choices: plans.map((plan) => ({
      text: plan.tokens.join(''),
      index: plan.index,
      logprobs: logprobsCount !== undefined ? legacyLogprobs(plan, logprobsCount) : null,
      finish_reason: plan.finishReason,
    })),
    usage,
  });
}

/** Prompts as texts: a string, a list of strings, or token arrays (whose numbers stand in for words). */
function promptTexts(prompt: unknown): string[] | undefined {
  if (typeof prompt === 'string') return [prompt];
  if (!Array.isArray(prompt) || prompt.length === 0) return undefined;
  if (prompt.every((entry) => typeof entry === 'number')) return [prompt.join(' ')];
  return prompt.map((entry) => (typeof entry === 'string' ? entry : Array.isArray(entry) ? entry.join(' ') : ''));
}

interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: number[];
  top_logprobs: Record<string, number>[];
  text_offset: number[];
}

function legacyLogprobs(plan: CompletionPlan, topCount: number): LegacyLogprobs {
  const entries = tokenLogprobs(plan.seed, plan.tokens, Math.min(5, Math.max(0, topCount)));
  const offsets: number[] = [];
  let offset = 0;
  for (const token of plan.tokens) {
    offsets.push(offset);
    offset += token.length;
  }
  return {
    tokens: entries.map((entry) => entry.token),
    token_logprobs: entries.map((entry) => entry.logprob),
    top_logprobs: entries.map((entry) => Object.fromEntries(entry.alternatives.slice(0, topCount).map((alternative) => [alternative.token, alternative.logprob]))),
    text_offset: offsets,
  };
}

function sliceLogprobs(logprobs: LegacyLogprobs, position: number): JsonObject {
  return {
    tokens: logprobs.tokens.slice(position, position + 1),
    token_logprobs: logprobs.token_logprobs.slice(position, position + 1),
    top_logprobs: logprobs.top_logprobs.slice(position, position + 1),
    text_offset: logprobs.text_offset.slice(position, position + 1),
  };
}
