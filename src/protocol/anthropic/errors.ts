/**
 * Error bodies in Anthropic's shape: `{"type": "error", "error": {"type", "message"}}`, with the
 * error type Anthropic documents for each status (529 is its own "overloaded" status).
 */
import { isRecord, stringField, type JsonObject } from '../fields.ts';

export type AnthropicErrorType =
  | 'invalid_request_error' | 'authentication_error' | 'billing_error' | 'permission_error' | 'not_found_error'
  | 'request_too_large' | 'rate_limit_error' | 'api_error' | 'timeout_error' | 'overloaded_error';

const BY_STATUS: Readonly<Record<number, AnthropicErrorType>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'overloaded_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function anthropicErrorType(status: number): AnthropicErrorType {
  return BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/**
 * Anthropic bodies carry no `code` field, so none is added: clients match on `error.type`.
 * @example anthropicErrorBody(401, 'invalid x-api-key')
 */
export function anthropicErrorBody(status: number, message: string): JsonObject {
  return { type: 'error', error: { type: anthropicErrorType(status), message } };
}

/** The message of an Anthropic error body (also sent as an `error` stream event), if it is one. */
export function anthropicErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || body['type'] !== 'error') return undefined;
  const error = body['error'];
  return isRecord(error) ? stringField(error, 'message') : undefined;
}
