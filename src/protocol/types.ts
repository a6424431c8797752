/**
 * The one view of a model API exchange that every later stage (signals, engine, policy) reads,
 * whatever wire format it came in. Pure data: no methods, serialisable.
 */

export type ApiFamily = 'openai' | 'anthropic';

export type EndpointKind =
  | 'chat_completions'   // POST /v1/chat/completions
  | 'responses'          // POST /v1/responses
  | 'completions'        // POST /v1/completions
  | 'embeddings'         // POST /v1/embeddings
  | 'models'             // GET /v1/models, GET /v1/models/{id}
  | 'messages'           // POST /v1/messages
  | 'count_tokens';      // POST /v1/messages/count_tokens

/** Which API a request path belongs to. */
export interface Endpoint {
  family: ApiFamily;
  kind: EndpointKind;
  method: 'GET' | 'POST';
  /** For GET /v1/models/{id}: the model asked about (decoded from the path). */
  modelId?: string;
}

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  id?: string;
  name: string;
  /** Arguments as the model wrote them (a JSON text for OpenAI, re-serialised input for Anthropic). */
  arguments: string;
}

export interface Turn {
  role: Role;
  /** All text parts of the turn joined with "\n" (images, audio and files are counted, not kept). */
  text: string;
  /** Non-text parts (image, audio, file, document) in this turn. */
  attachments?: number;
  /** Tool calls the assistant made in this turn. */
  toolCalls?: ToolCall[];
  /** For a tool result: the id of the call it answers. */
  toolCallId?: string;
}

export interface ToolSpec {
  name: string;
  description?: string;
  /** 'function' for client tools, otherwise the provider's built-in tool type (e.g. 'web_search'). */
  type: string;
}

/** Request parameters that matter for detection (harvesting, probing, cost). Absent = not sent. */
export interface RequestParams {
  n?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  seed?: number;
  /** max_tokens / max_completion_tokens / max_output_tokens, whichever the format uses. */
  max_tokens?: number;
  /** OpenAI `logprobs` (true, or a number for the legacy completions endpoint). */
  logprobs?: boolean;
  top_logprobs?: number;
  /** Number of entries in `logit_bias` (0 or absent when not sent). */
  logit_bias_entries?: number;
  /** OpenAI `reasoning_effort` / `reasoning.effort`. */
  reasoning_effort?: string;
  /** Anthropic `thinking.budget_tokens` when thinking is enabled. */
  thinking_budget?: number;
  /** OpenAI responses `include` entries, e.g. 'reasoning.encrypted_content'. */
  include?: string[];
  response_format?: string;
  tool_choice?: string;
  stop_sequences?: number;
  echo?: boolean;
  /** Number of inputs in an embeddings request (or of prompts in a batched legacy completions request). */
  inputs?: number;
  /** Embeddings `encoding_format` ('float' | 'base64'). */
  encoding_format?: string;
  /** Embeddings `dimensions`. */
  dimensions?: number;
  /** Responses API `previous_response_id`: the conversation continues server-side. */
  previous_response_id?: string;
  user?: string;
}

export interface NormalizedRequest {
  family: ApiFamily;
  kind: EndpointKind;
  model?: string;
  stream: boolean;
  /** System / developer / `instructions` text, joined with "\n". Empty when none. */
  system: string;
  /** The conversation in order (completions: one user turn with the prompt; embeddings: one user turn per input). */
  turns: Turn[];
  tools: ToolSpec[];
  params: RequestParams;
}

export interface NormalizedResponse {
  id?: string;
  model?: string;
  /** Visible output text (all choices / content blocks joined with "\n"). */
  text: string;
  /** Reasoning the provider returned in clear (reasoning_content, reasoning summaries, thinking blocks). */
  reasoning: string;
  toolCalls: ToolCall[];
  /** stop, length, tool_calls, end_turn, max_tokens, ... as the provider said. */
  finishReason?: string;
  usage?: NormalizedUsage;
  /** Number of choices (OpenAI `n`), 1 otherwise. */
  choices: number;
  /** True when logprobs came back. */
  logprobs: boolean;
}

export interface NormalizedUsage {
  input_tokens?: number;
  output_tokens?: number;
  reasoning_tokens?: number;
  cache_read_tokens?: number;
  cache_write_tokens?: number;
}

/**
 * Consumes the raw bytes of a streamed (SSE) response as they arrive and, at the end, gives the
 * final message in the same shape the non-streamed endpoint would have returned.
 */
export interface StreamAssembler {
  push(chunk: Uint8Array): void;
  /** The assembled response body (provider wire format); undefined if nothing parsable arrived. */
  finish(): Record<string, unknown> | undefined;
}
