/**
 * Error bodies in OpenAI's shape: `{"error": {"message", "type", "param", "code"}}`.
 * The types follow what api.openai.com actually sends, which is coarser than its SDK's class names:
 * a bad or missing key is a 401 of type `invalid_request_error` with code `invalid_api_key`, a rate
 * limit is type `requests` with code `rate_limit_exceeded`, and server faults are `server_error`.
 */
import { isRecord, stringField, type JsonObject } from '../fields.ts';

interface ErrorKind {
  type: string;
  code: string | null;
}

const BY_STATUS: Readonly<Record<number, ErrorKind>> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: null },
  404: { type: 'invalid_request_error', code: null },
  405: { type: 'invalid_request_error', code: null },
  413: { type: 'invalid_request_error', code: null },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: null },
  502: { type: 'server_error', code: null },
  503: { type: 'server_error', code: null },
  504: { type: 'server_error', code: null },
};

function kindOf(status: number): ErrorKind {
  return BY_STATUS[status] ?? (status >= 500 ? { type: 'server_error', code: null } : { type: 'invalid_request_error', code: null });
}

/** @example openaiErrorBody(401, 'Incorrect API key provided.') */
export function openaiErrorBody(status: number, message: string, code?: string): JsonObject {
  const kind = kindOf(status);
  return { error: { message, type: kind.type, param: null, code: code ?? kind.code } };
}

/** The message of an OpenAI error body (upstream errors recorded by the gateway), if it is one. */
export function openaiErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = body['error'];
  return isRecord(error) ? stringField(error, 'message') : undefined;
}
