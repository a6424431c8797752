/** The protocol layer: wire formats of model APIs in, one normalized view out. Pure, no I/O. */
export { endpointOf, knownPath } from './endpoint.ts';
export {
  createStreamAssembler, errorBody, isStreamRequest, normalizeRequest, normalizeResponse, usageOf,
} from './dispatch.ts';
export { SSE_DONE, SseParser, jsonEventParser, type SseEvent } from './sse.ts';
export {
  MAX_EMBEDDING_INPUTS, MAX_LIST_ENTRIES, MAX_PARTS_PER_MESSAGE, MAX_REQUEST_TEXT_CHARS, MAX_RESPONSE_TEXT_CHARS,
  MAX_TOOL_CALLS, MAX_TOOLS, MAX_TURNS, MAX_VISITS,
} from './limits.ts';
export type {
  ApiFamily, Endpoint, EndpointKind, NormalizedRequest, NormalizedResponse, NormalizedUsage, RequestParams, Role,
  StreamAssembler, ToolCall, ToolSpec, Turn,
} from './types.ts';
