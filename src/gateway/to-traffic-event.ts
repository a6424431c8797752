import type { RecordingConfig } from '../config/config.ts';
import type { TrafficEvent, Usage } from '../core/traffic-event.ts';
import { createStreamAssembler, usageOf } from '../protocol/index.ts';
import { redactRequestBody, redactResponseBody, sha256Hex } from '../recording/redact.ts';
import type { Exchange } from './exchange.ts';

/** Accounts for requests that never proved who they are (401s, malformed HTTP). */
export const UNAUTHENTICATED = 'unauthenticated';

const MAX_ENDPOINT_CHARS = 256;

/**
 * The recorded event for an exchange that has ended. Runs after the response has gone to the
 * client, so its cost (stream assembly, redaction, hashing) is off the latency path.
 */
export function toTrafficEvent(ex: Exchange, recording: RecordingConfig): TrafficEvent {
  const queryAt = ex.url.indexOf('?');
  const path = queryAt === -1 ? ex.url : ex.url.slice(0, queryAt);
  const event: TrafficEvent = {
    id: ex.id,
    ts: new Date(ex.arrivedAt).toISOString(),
    account_id: ex.identity?.accountId ?? UNAUTHENTICATED,
    endpoint: path.length > MAX_ENDPOINT_CHARS ? path.slice(0, MAX_ENDPOINT_CHARS) : path,
    request: {},
    status: ex.status,
    latency_ms: round3((ex.endedAt ?? ex.startedAt) - ex.startedAt),
    outcome: ex.outcome,
  };
  if (ex.identity?.apiKeyId) event.api_key_id = ex.identity.apiKeyId;
  if (typeof ex.json?.model === 'string') event.model = ex.json.model;
  else if (ex.endpoint?.kind === 'models' && path.length > '/v1/models/'.length) event.model = decodeSafe(path.slice('/v1/models/'.length));
  if (Object.keys(ex.client).length > 0) event.client = ex.client;
  if (ex.stream) event.stream = true;
  if (ex.error) event.error = ex.error;
  if (ex.firstByteAt !== undefined) event.ttfb_ms = round3(ex.firstByteAt - ex.startedAt);

  const responseBytes = ex.responseChunks.length === 0 ? undefined : ex.responseChunks.length === 1 ? ex.responseChunks[0]! : Buffer.concat(ex.responseChunks, ex.responseBytes);
  const response = responseBytes && !ex.responseTruncated ? responseBody(ex, responseBytes) : undefined;
  if (response && ex.endpoint) {
    const usage = usageOf(ex.endpoint, response);
    if (usage) {
      const out: Usage = {};
      if (usage.input_tokens !== undefined) out.input_tokens = usage.input_tokens;
      if (usage.output_tokens !== undefined) out.output_tokens = usage.output_tokens;
      if (usage.reasoning_tokens !== undefined) out.reasoning_tokens = usage.reasoning_tokens;
      event.usage = out;
    }
  }

  if (recording.bodies === 'full') {
    if (ex.json) event.request = ex.json;
    if (response) event.response = response;
  } else {
    if (ex.json) event.request = redactRequestBody(ex.json, recording.excerptChars);
    if (response) event.response = redactResponseBody(response, recording.excerptChars);
    if (ex.body || response) {
      event.redaction = {
        mode: 'excerpts',
        excerpt_chars: recording.excerptChars,
        request_sha256: sha256Hex(ex.body ?? Buffer.alloc(0)),
      };
      if (responseBytes) event.redaction.response_sha256 = sha256Hex(responseBytes);
    }
  }
  return event;
}

/** The response as the non-streamed endpoint would have returned it, when it was JSON or SSE. */
function responseBody(ex: Exchange, bytes: Buffer): Record<string, unknown> | undefined {
  if (!ex.endpoint) return undefined;
  if (ex.stream && ex.status < 300) {
    const assembler = createStreamAssembler(ex.endpoint);
    assembler.push(bytes);
    return assembler.finish();
  }
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
