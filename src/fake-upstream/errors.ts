/** Error bodies in each API's own wire format, so SDKs map them to their typed error classes. */
import type { ApiFamily, JsonReply } from './reply.ts';

export type ErrorKind = 'invalid_request' | 'not_found' | 'rate_limit' | 'server' | 'overloaded';

interface ErrorShape {
  status: number;
  openaiType: string;
  openaiCode: string | null;
  anthropicType: string;
}

const ERROR_SHAPES: Record<ErrorKind, ErrorShape> = {
  invalid_request: { status: 400, openaiType: 'invalid_request_error', openaiCode: null, anthropicType: 'invalid_request_error' },
  not_found: { status: 404, openaiType: 'invalid_request_error', openaiCode: 'unknown_url', anthropicType: 'not_found_error' },
  rate_limit: { status: 429, openaiType: 'requests', openaiCode: 'rate_limit_exceeded', anthropicType: 'rate_limit_error' },
  server: { status: 500, openaiType: 'server_error', openaiCode: null, anthropicType: 'api_error' },
  overloaded: { status: 503, openaiType: 'server_error', openaiCode: 'overloaded', anthropicType: 'overloaded_error' },
};

export function errorReply(family: ApiFamily, kind: ErrorKind, message: string, param: string | null = null): JsonReply {
  const shape = ERROR_SHAPES[kind];
  // Anthropic signals overload with its own non-standard 529; OpenAI uses 503.
  const status = family === 'anthropic' && kind === 'overloaded' ? 529 : shape.status;
  const payload =
    family === 'anthropic'
      ? { type: 'error', error: { type: shape.anthropicType, message } }
      : { error: { message, type: shape.openaiType, param, code: shape.openaiCode } };
  const reply: JsonReply = { kind: 'json', status, payload: JSON.stringify(payload) };
  if (kind === 'rate_limit') reply.extraHeaders = { 'retry-after': '1' };
  return reply;
}

export function missingField(family: ApiFamily, field: string): JsonReply {
  const message =
    family === 'anthropic' ? `${field}: Field required` : `Missing required parameter: '${field}'.`;
  return errorReply(family, 'invalid_request', message, field);
}

/** Models whose name asks for a failure instead of an answer (table in this folder's README). */
export type InjectedFault = 'rate_limit' | 'server' | 'overloaded' | 'hang' | 'cut_stream';

const FAULTS_BY_MODEL: ReadonlyMap<string, InjectedFault> = new Map([
  ['fake-error-429', 'rate_limit'],
  ['fake-error-500', 'server'],
  ['fake-error-503', 'overloaded'],
  ['fake-hang', 'hang'],
  ['fake-cut-stream', 'cut_stream'],
]);

export function faultForModel(model: unknown): InjectedFault | undefined {
  return typeof model === 'string' ? FAULTS_BY_MODEL.get(model) : undefined;
}

const FAULT_MESSAGES: Record<'rate_limit' | 'server' | 'overloaded', string> = {
  rate_limit: 'Rate limit reached for requests (injected by fake-upstream).',
  server: 'The server had an error while processing your request (injected by fake-upstream).',
  overloaded: 'The server is overloaded, please try again later (injected by fake-upstream).',
};

export function faultReply(family: ApiFamily, fault: 'rate_limit' | 'server' | 'overloaded'): JsonReply {
  return errorReply(family, fault, FAULT_MESSAGES[fault]);
}
