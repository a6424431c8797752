/** POST /v1/embeddings: inputs in, vectors out; never streamed. */
import { arrayField, numberField, stringField, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import { Budget, MAX_EMBEDDING_INPUTS, MAX_REQUEST_TEXT_CHARS } from '../limits.ts';
import { emptyRequest, emptyResponse, put } from '../normalized.ts';
import type { NormalizedRequest, NormalizedResponse } from '../types.ts';
import { completionUsage } from './usage.ts';

/**
 * One user turn per input, at most MAX_EMBEDDING_INPUTS of them; `params.inputs` counts all.
 * An input is a string or token ids (an array of numbers: one input; an array of arrays: many).
 */
function normalizeEmbeddingsRequest(body: JsonObject): NormalizedRequest {
  const req = emptyRequest('openai', 'embeddings');
  const budget = new Budget(MAX_REQUEST_TEXT_CHARS);
  put(req, 'model', stringField(body, 'model'));
  const input = body['input'];
  let inputs = 0;
  if (typeof input === 'string') {
    inputs = 1;
    req.turns.push({ role: 'user', text: budget.take(input) });
  } else if (Array.isArray(input)) {
    const tokenIds = input.length > 0 && typeof input[0] === 'number';
    inputs = tokenIds ? 1 : input.length;
    const kept = tokenIds ? 1 : Math.min(input.length, MAX_EMBEDDING_INPUTS);
    for (let i = 0; i < kept; i++) {
      const item: unknown = input[i];
      req.turns.push({ role: 'user', text: typeof item === 'string' ? budget.take(item) : '' });
    }
  }
  const p = req.params;
  if (inputs > 0) p.inputs = inputs;
  put(p, 'encoding_format', stringField(body, 'encoding_format'));
  put(p, 'dimensions', numberField(body, 'dimensions'));
  put(p, 'user', stringField(body, 'user'));
  return req;
}

/** The vectors are not kept: only their count, the model and the usage. */
function normalizeEmbeddingsResponse(body: JsonObject): NormalizedResponse {
  const res = emptyResponse();
  put(res, 'model', stringField(body, 'model'));
  res.choices = arrayField(body, 'data')?.length ?? 0;
  put(res, 'usage', completionUsage(body['usage']));
  return res;
}

export const embeddings: EndpointHandler = {
  streams: false,
  normalizeRequest: normalizeEmbeddingsRequest,
  normalizeResponse: normalizeEmbeddingsResponse,
  usageOf: (body) => completionUsage(body['usage']),
};
