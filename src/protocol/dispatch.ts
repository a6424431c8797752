/**
 * The protocol layer's verbs, each a lookup in one table keyed by EndpointKind: the per-format
 * files hold the behaviour, this file only routes to them.
 */
import { anthropicErrorBody } from './anthropic/errors.ts';
import { countTokens } from './anthropic/count-tokens.ts';
import { messages } from './anthropic/messages.ts';
import { isRecord } from './fields.ts';
import type { EndpointHandler } from './handler.ts';
import { emptyRequest, emptyResponse } from './normalized.ts';
import { chatCompletions } from './openai/chat.ts';
import { completions } from './openai/completions.ts';
import { embeddings } from './openai/embeddings.ts';
import { openaiErrorBody } from './openai/errors.ts';
import { models } from './openai/models.ts';
import { responses } from './openai/responses.ts';
import type {
  ApiFamily, Endpoint, EndpointKind, NormalizedRequest, NormalizedResponse, NormalizedUsage, StreamAssembler,
} from './types.ts';

const HANDLERS: Readonly<Record<EndpointKind, EndpointHandler>> = {
  chat_completions: chatCompletions,
  responses,
  completions,
  embeddings,
  models,
  messages,
  count_tokens: countTokens,
};

/** Whether the response to this request will be an SSE stream. */
export function isStreamRequest(endpoint: Endpoint, body: Record<string, unknown>): boolean {
  return HANDLERS[endpoint.kind].streams && isRecord(body) && body['stream'] === true;
}

/**
 * The normalized view of a request body. Never throws and does bounded work whatever the body
 * (see limits.ts); fields of the wrong type read as absent.
 * @example normalizeRequest(endpointOf('POST', '/v1/messages')!, body).turns[0]?.text
 */
export function normalizeRequest(endpoint: Endpoint, body: Record<string, unknown>): NormalizedRequest {
  if (!isRecord(body)) return emptyRequest(endpoint.family, endpoint.kind);
  try {
    return HANDLERS[endpoint.kind].normalizeRequest(body, endpoint);
  } catch {
    // Unreachable by design (every read is type-checked); kept because the gateway's hot path
    // must never fail on a client's body, e.g. one with throwing getters handed in by a caller.
    return emptyRequest(endpoint.family, endpoint.kind);
  }
}

/** The normalized view of a (non-streamed or assembled) response body. Never throws. */
export function normalizeResponse(endpoint: Endpoint, body: Record<string, unknown>): NormalizedResponse {
  if (!isRecord(body)) return emptyResponse();
  try {
    return HANDLERS[endpoint.kind].normalizeResponse(body);
  } catch {
    return emptyResponse();
  }
}

/** Token usage, reading only the usage object. */
export function usageOf(endpoint: Endpoint, body: Record<string, unknown>): NormalizedUsage | undefined {
  return isRecord(body) ? HANDLERS[endpoint.kind].usageOf(body) : undefined;
}

/** An assembler for an endpoint that never streams: nothing to assemble. */
const NOTHING_TO_ASSEMBLE: StreamAssembler = { push: () => {}, finish: () => undefined };

/**
 * Rebuilds, from the raw SSE bytes of a streamed response, the body the endpoint would have returned
 * without streaming.
 * @example const a = createStreamAssembler(endpoint); for (const c of chunks) a.push(c); a.finish();
 */
export function createStreamAssembler(endpoint: Endpoint): StreamAssembler {
  return HANDLERS[endpoint.kind].createStreamAssembler?.() ?? NOTHING_TO_ASSEMBLE;
}

const ERROR_BODIES: Readonly<Record<ApiFamily, (status: number, message: string, code?: string) => Record<string, unknown>>> = {
  openai: openaiErrorBody,
  anthropic: anthropicErrorBody,
};

/**
 * An error response body in the wire format of the API family the client called.
 * @example errorBody('anthropic', 429, 'slow down') // { type: 'error', error: { type: 'rate_limit_error', ... } }
 */
export function errorBody(family: ApiFamily, status: number, message: string, code?: string): Record<string, unknown> {
  return ERROR_BODIES[family](status, message, code);
}
