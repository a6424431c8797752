/** GET /v1/models and GET /v1/models/{id}: no body in, a model list or one model out. */
import { stringField, type JsonObject } from '../fields.ts';
import type { EndpointHandler } from '../handler.ts';
import { emptyRequest, emptyResponse, put } from '../normalized.ts';
import type { Endpoint, NormalizedRequest, NormalizedResponse } from '../types.ts';

function normalizeModelsRequest(_body: JsonObject, endpoint: Endpoint): NormalizedRequest {
  const req = emptyRequest('openai', 'models');
  put(req, 'model', endpoint.modelId);
  return req;
}

/** A model lookup carries no output text; the one model's id is all worth keeping. */
function normalizeModelsResponse(body: JsonObject): NormalizedResponse {
  const res = emptyResponse();
  if (body['object'] === 'model') {
    put(res, 'id', stringField(body, 'id'));
    put(res, 'model', stringField(body, 'id'));
  }
  return res;
}

export const models: EndpointHandler = {
  streams: false,
  normalizeRequest: normalizeModelsRequest,
  normalizeResponse: normalizeModelsResponse,
  usageOf: () => undefined,
};
