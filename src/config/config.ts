/** Everything `distillguard serve` can be told. Defaults are in `defaultConfig`; see docs/configuration.md. */
export interface Config {
  listen: { host: string; port: number };
  admin: {
    host: string;
    port: number;
    /** Bearer token for every admin route but the health checks. Also DISTILLGUARD_ADMIN_TOKEN. */
    token?: string;
  };
  upstreams: {
    openai: UpstreamConfig;
    anthropic: UpstreamConfig;
    /** Forward the client's own credential instead of the gateway's (the client then needs a provider key). */
    passThroughClientKey: boolean;
  };
  auth: AuthConfig;
  client: {
    /** Peers (CIDR or address) whose X-Forwarded-For is believed. Empty: the socket address is the client. */
    trustedProxies: string[];
    /** Request headers set by the provider's edge, mapped into the event's client fields. */
    edgeHeaders: { ja4?: string; asn?: string; country?: string };
    /** Other request headers kept in the event for analysis (lower case). Never authorization headers. */
    keepHeaders: string[];
  };
  limits: {
    /** Largest request body accepted, in bytes (413 beyond). */
    maxBodyBytes: number;
    /** Time allowed for the upstream to send response headers. */
    upstreamHeadersTimeoutMs: number;
    /** Time allowed between two chunks of the upstream's body. */
    upstreamBodyTimeoutMs: number;
    /** Keep-alive connections per upstream origin. */
    upstreamConnections: number;
    /** Time to read a client's request headers. */
    requestHeadersTimeoutMs: number;
    /** On shutdown, how long in-flight requests may take to finish. */
    drainTimeoutMs: number;
  };
  dataDir: string;
  recording: RecordingConfig;
}

export interface UpstreamConfig {
  /** Base URL: origin plus optional path prefix; the client's path (/v1/...) is appended to it. */
  url: string;
  /** The gateway's own credential for this upstream. */
  apiKey?: string;
  /** Name of an environment variable holding the credential (keeps secrets out of files). */
  apiKeyEnv?: string;
}

export type AuthConfig =
  | {
      /** DistillGuard's own API keys (stored hashed in the data directory, plus `keys` below). */
      mode: 'keys';
      keys: Array<{ account: string; secret: string }>;
    }
  | {
      /**
       * The provider's edge authenticates and names the account in a header. Only safe when nothing
       * but the edge can reach the gateway; `client.trustedProxies`, when set, limits who may send it.
       */
      mode: 'header';
      header: string;
    };

export interface RecordingConfig {
  /** 'excerpts' (default): redacted excerpts plus fingerprints; 'full': bodies as sent. */
  bodies: 'excerpts' | 'full';
  /** Longest excerpt kept of any one string in a body. */
  excerptChars: number;
  /** Events older than this are deleted (0 keeps them forever). */
  retentionDays: number;
  /** Events are written in batches of at most this many... */
  batchSize: number;
  /** ...or after this many milliseconds, whichever comes first. */
  flushIntervalMs: number;
  /** Events queued in memory beyond this are dropped (and counted) rather than exhausting memory. */
  maxQueue: number;
  /** Largest response body kept for the event; larger ones are recorded without their body. */
  maxResponseBytes: number;
}

export const defaultConfig: Config = {
  listen: { host: '127.0.0.1', port: 8080 },
  admin: { host: '127.0.0.1', port: 8081 },
  upstreams: {
    openai: { url: 'https://api.openai.com', apiKeyEnv: 'OPENAI_API_KEY' },
    anthropic: { url: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
    passThroughClientKey: false,
  },
  auth: { mode: 'keys', keys: [] },
  client: { trustedProxies: [], edgeHeaders: {}, keepHeaders: [] },
  limits: {
    maxBodyBytes: 10 * 1024 * 1024,
    upstreamHeadersTimeoutMs: 300_000,
    upstreamBodyTimeoutMs: 300_000,
    upstreamConnections: 256,
    requestHeadersTimeoutMs: 30_000,
    drainTimeoutMs: 30_000,
  },
  dataDir: './distillguard-data',
  recording: {
    bodies: 'excerpts',
    excerptChars: 512,
    retentionDays: 30,
    batchSize: 16,
    flushIntervalMs: 20,
    maxQueue: 100_000,
    maxResponseBytes: 8 * 1024 * 1024,
  },
};
