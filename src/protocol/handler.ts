import type { Endpoint, NormalizedRequest, NormalizedResponse, NormalizedUsage, StreamAssembler } from './types.ts';
import type { JsonObject } from './fields.ts';

/**
 * What each wire-format file provides for its endpoint. `index.ts` keys one of these per EndpointKind,
 * so adding an endpoint is one row there and one file here, never a new branch in a switch.
 */
export interface EndpointHandler {
  /** False for endpoints that never stream whatever the body says. */
  readonly streams: boolean;
  /** Never throws; bounded work (see limits.ts). */
  normalizeRequest(body: JsonObject, endpoint: Endpoint): NormalizedRequest;
  /** Never throws. */
  normalizeResponse(body: JsonObject): NormalizedResponse;
  /** Reads only the usage object. */
  usageOf(body: JsonObject): NormalizedUsage | undefined;
  /** Absent for endpoints that never stream. */
  createStreamAssembler?(): StreamAssembler;
}
