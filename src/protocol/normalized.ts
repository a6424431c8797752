import { stringField, type JsonObject } from './fields.ts';
import type { ApiFamily, EndpointKind, NormalizedRequest, NormalizedResponse } from './types.ts';

/** The view of a request with nothing in it, filled in by each format. */
export function emptyRequest(family: ApiFamily, kind: EndpointKind): NormalizedRequest {
  return { family, kind, stream: false, system: '', turns: [], tools: [], params: {} };
}

/** The view of a request to an endpoint that may stream, with its `model` and `stream` read from the body. */
export function requestWithModelAndStream(body: JsonObject, family: ApiFamily, kind: EndpointKind): NormalizedRequest {
  const req = emptyRequest(family, kind);
  put(req, 'model', stringField(body, 'model'));
  req.stream = body['stream'] === true;
  return req;
}

/** The view of a response with nothing in it, filled in by each format. */
export function emptyResponse(): NormalizedResponse {
  return { text: '', reasoning: '', toolCalls: [], choices: 1, logprobs: false };
}

/** The view of a generated response with its `id` and `model` read from the body; each format fills in the rest. */
export function responseWithIdAndModel(body: JsonObject): NormalizedResponse {
  const res = emptyResponse();
  put(res, 'id', stringField(body, 'id'));
  put(res, 'model', stringField(body, 'model'));
  return res;
}

/** Sets `target[key]` only when there is a value, so absent stays absent (not `key: undefined`). */
export function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
