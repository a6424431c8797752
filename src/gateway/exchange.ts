import { randomBytes } from 'node:crypto';
import type { ClientInfo, Outcome } from '../core/traffic-event.ts';
import type { Endpoint } from '../protocol/types.ts';
import type { Identity } from './auth.ts';

/**
 * Everything the gateway learns about one request while serving it. The proxy fills it in as the
 * request flows; `toTrafficEvent` turns it into the recorded event once the exchange has ended.
 */
export interface Exchange {
  id: string;
  /** Wall-clock arrival, ms since epoch. */
  arrivedAt: number;
  /** Monotonic arrival (performance.now()), for durations. */
  startedAt: number;
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  endpoint: Endpoint | undefined;
  identity: Identity | undefined;
  client: ClientInfo;
  /** The raw request body bytes (undefined when not read, e.g. rejected before reading). */
  body: Buffer | undefined;
  /** The parsed request body, when it was a JSON object. */
  json: Record<string, unknown> | undefined;
  stream: boolean;
  status: number;
  outcome: Outcome;
  error: string | undefined;
  /** Response body chunks as sent, kept up to the recording limit. */
  responseChunks: Buffer[];
  responseBytes: number;
  /** True when the response outgrew the recording limit and chunks were no longer kept. */
  responseTruncated: boolean;
  /** Monotonic time the first response byte went to the client. */
  firstByteAt: number | undefined;
  /** Monotonic time the request was handed to the upstream. */
  dispatchedAt: number | undefined;
  endedAt: number | undefined;
}

const processTag = randomBytes(4).toString('hex');
let sequence = 0;

/** Event ids sort by arrival time and are unique across processes and restarts. */
export function newEventId(arrivedAt: number): string {
  sequence = (sequence + 1) % 0x100000000;
  return `evt_${arrivedAt.toString(36).padStart(9, '0')}${processTag}${sequence.toString(36).padStart(7, '0')}`;
}

export function newExchange(method: string, url: string, arrivedAt: number, startedAt: number): Exchange {
  return {
    id: newEventId(arrivedAt),
    arrivedAt,
    startedAt,
    method,
    url,
    endpoint: undefined,
    identity: undefined,
    client: {},
    body: undefined,
    json: undefined,
    stream: false,
    status: 0,
    outcome: 'ok',
    error: undefined,
    responseChunks: [],
    responseBytes: 0,
    responseTruncated: false,
    firstByteAt: undefined,
    dispatchedAt: undefined,
    endedAt: undefined,
  };
}
