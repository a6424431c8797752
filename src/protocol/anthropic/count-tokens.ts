/** POST /v1/messages/count_tokens: a messages body in, `{ input_tokens }` out; never streamed. */
import { numberField, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import { emptyRequest, emptyResponse, put } from '../normalized.ts';
import type { NormalizedRequest, NormalizedResponse, NormalizedUsage } from '../types.ts';
import { normalizeMessagesBody } from './messages.ts';

function normalizeCountTokensRequest(body: JsonObject): NormalizedRequest {
  return normalizeMessagesBody(body, emptyRequest('anthropic', 'count_tokens'));
}

/** The count sits at the top level, not under `usage`. */
function countTokensUsage(body: JsonObject): NormalizedUsage | undefined {
  const inputTokens = numberField(body, 'input_tokens');
  return inputTokens === undefined ? undefined : { input_tokens: inputTokens };
}

function normalizeCountTokensResponse(body: JsonObject): NormalizedResponse {
  const res = emptyResponse();
  put(res, 'usage', countTokensUsage(body));
  return res;
}

export const countTokens: EndpointHandler = {
  streams: false,
  normalizeRequest: normalizeCountTokensRequest,
  normalizeResponse: normalizeCountTokensResponse,
  usageOf: countTokensUsage,
};
