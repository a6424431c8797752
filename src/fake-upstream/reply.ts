/**
 * What a handler produces. Handlers are pure (body in, reply out); the server decides how and when
 * to put the bytes on the wire (latency, pacing, cut streams), so handlers stay trivially testable.
 */
import type { JsonObject } from '../protocol/fields.ts';

export type ApiFamily = 'openai' | 'anthropic';

export interface JsonReply {
  kind: 'json';
  status: number;
  /** Already serialised: serialising once is the main per-request cost worth controlling. */
  payload: string;
  extraHeaders?: Record<string, string>;
}

export interface SseEvent {
  frame: string;
  /** A token-carrying event: with `tokensPerSecond` set, the pacing delay precedes it. */
  paced: boolean;
}

export interface SseReply {
  kind: 'sse';
  events: SseEvent[];
}

export type Reply = JsonReply | SseReply;

export interface ParsedRequest {
  body: JsonObject;
  /** Hash of the raw body: ids derive from it so identical requests get identical ids. */
  bodyHash: number;
}

export interface GeneratorSettings {
  outputTokens: number;
}

export type Handler = (request: ParsedRequest, settings: GeneratorSettings) => Reply;

/** Words in an answer: the configured length, cut by the request's token limit (whole tokens, at least one). */
export function wordLimit(settings: GeneratorSettings, maxTokens: number | undefined): number {
  if (maxTokens === undefined || !Number.isFinite(maxTokens)) return settings.outputTokens;
  return Math.min(settings.outputTokens, Math.max(1, Math.floor(maxTokens)));
}

export function jsonReply(payload: unknown, status = 200): JsonReply {
  return { kind: 'json', status, payload: JSON.stringify(payload) };
}

/** `data:`-only frame, as the OpenAI Chat and Completions streams use. */
export function dataFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** Frame with an `event:` line, as the Anthropic and OpenAI Responses streams use. */
export function namedFrame(type: string, payload: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(payload)}\n\n`;
}

export const DONE_FRAME = 'data: [DONE]\n\n';

/**
 * `created` timestamps come from a fixed clock (2025-01-01T00:00:00Z) plus nothing: the same request
 * must serialise to the same bytes, and a wall clock would break that.
 */
export const FIXED_CREATED_SECONDS = 1_735_689_600;

/** Id suffix from a hash: 24 base-36 chars, the shape real ids have. */
export function idSuffix(hash: number, salt = 0): string {
  const high = (hash ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  const low = Math.imul(hash + salt, 0x85ebca6b) >>> 0;
  return (high.toString(36) + low.toString(36) + hash.toString(36)).padEnd(24, '0').slice(0, 24);
}
