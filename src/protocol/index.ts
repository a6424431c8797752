/** The protocol layer: wire formats of model APIs in, one normalized view out. Pure, no I/O. */
export { endpointOf, knownPath } from './endpoint.ts';
export {
  createStreamAssembler, errorBody, isStreamRequest, normalizeRequest, normalizeResponse, usageOf,
} from './dispatch.ts';
export { SSE_DONE, SseParser, jsonEventParser, type SseEvent } from './sse.ts';
export * from './limits.ts';
export type {
  ApiFamily, Endpoint, EndpointKind, NormalizedRequest, NormalizedResponse, NormalizedUsage, RequestParams, Role,
  StreamAssembler, ToolCall, ToolSpec, Turn,
} from './types.ts';
