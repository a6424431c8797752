/**
 * One request to a model API, exactly as `../shared/schemas/traffic-event.schema.json` describes it.
 * The gateway writes these, offline analysis reads them. Extra fields are allowed by the schema;
 * the ones DistillGuard adds are listed at the end.
 */
export interface TrafficEvent {
  id: string;
  /** RFC 3339 UTC, when the request arrived. */
  ts: string;
  account_id: string;
  api_key_id?: string;
  endpoint: string;
  model?: string;
  client?: ClientInfo;
  account?: AccountInfo;
  /** The request body as the client sent it, or its redacted excerpt (see `redaction`). */
  request: Record<string, unknown>;
  /** The response body; for a stream, the assembled final message. */
  response?: Record<string, unknown>;
  status?: number;
  latency_ms?: number;
  usage?: Usage;
  decision?: Decision;

  // --- DistillGuard's own additions (allowed by the schema's additionalProperties) ---
  /** True when the client asked for a streamed response. */
  stream?: boolean;
  /** How the exchange ended when it did not end normally. */
  outcome?: Outcome;
  /** Human-readable reason for a non-ok outcome (never a secret). */
  error?: string;
  /** Milliseconds from arrival to the first response byte sent to the client. */
  ttfb_ms?: number;
  /** Set when bodies were reduced to excerpts: what was kept and fingerprints of what was not. */
  redaction?: Redaction;
}

export type Outcome =
  | 'ok'
  | 'rejected'          // refused by the gateway before reaching the upstream (bad JSON, auth, size, unknown path)
  | 'upstream_error'    // the upstream could not be reached or failed mid-response
  | 'upstream_timeout'
  | 'client_aborted';   // the client went away before the response was complete

export interface ClientInfo {
  ip?: string;
  user_agent?: string;
  ja4?: string;
  asn?: number;
  country?: string;
  headers?: Record<string, string>;
  [extra: string]: unknown;
}

export interface AccountInfo {
  created_at?: string;
  email_domain?: string;
  payment_fingerprint?: string;
  signup_ip?: string;
  tier?: 'free' | 'standard' | 'startup' | 'education' | 'research' | 'enterprise' | 'reseller';
  verified?: boolean;
  [extra: string]: unknown;
}

export interface Usage {
  input_tokens?: number;
  output_tokens?: number;
  reasoning_tokens?: number;
  [extra: string]: unknown;
}

export interface Decision {
  action: 'allow' | 'flag' | 'throttle' | 'challenge' | 'degrade' | 'block';
  rule?: string;
  shadow?: boolean;
  risk?: number;
  campaign_id?: string | null;
  [extra: string]: unknown;
}

export interface Redaction {
  mode: 'excerpts';
  /** Longest excerpt kept of any one string, in characters. */
  excerpt_chars: number;
  /** sha256 (hex) of the original request body bytes. */
  request_sha256: string;
  /** sha256 (hex) of the response body bytes as sent (the SSE text, for streams), when there was one. */
  response_sha256?: string;
}
