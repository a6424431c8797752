/**
 * The single-connection client: one keep-alive connection, one request at a time, each request
 * timed on its own — to the first response body bytes (what a user of a streaming chat feels) and
 * to the last.
 *
 * Used instead of wrk at 1 connection because wrk 4 "corrects" its latency histogram for
 * coordinated omission: after the run it adds synthetic samples for every response slower than the
 * average interval between requests. In a closed loop on one connection that interval is the
 * request time itself (~50 µs direct), so one 10 ms scheduler stall becomes ~200 synthetic samples
 * for the direct target but ~40 for the gateway: p90/p99 then rank targets by throughput rather
 * than by their own tail. This client records each request as it happened.
 */
import { Client } from 'undici';
import type { Dispatcher } from 'undici';
import type { RequestKind } from './wrk.ts';

interface RequestTiming {
  firstChunkUs: number;
  completeUs: number;
  status: number;
}

function timeOneRequest(client: Client, body: string, headers: Record<string, string>): Promise<RequestTiming> {
  return new Promise((resolve, reject) => {
    const startedAt = process.hrtime.bigint();
    let firstChunkAt: bigint | undefined;
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      // Its presence is what tells undici this handler uses the current (non-legacy) interface.
      onRequestStart() {},
      onResponseStart(_controller, statusCode) {
        status = statusCode;
      },
      onResponseData() {
        firstChunkAt ??= process.hrtime.bigint();
      },
      onResponseEnd() {
        const endedAt = process.hrtime.bigint();
        resolve({
          firstChunkUs: Number((firstChunkAt ?? endedAt) - startedAt) / 1000,
          completeUs: Number(endedAt - startedAt) / 1000,
          status,
        });
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    };
    client.dispatch({ path: '/v1/chat/completions', method: 'POST', headers, body }, handler);
  });
}

/** Same shape as wrk/common.lua's body: a ~1 KB chat completion request. */
export function chatBody(kind: RequestKind): string {
  return JSON.stringify({
    model: 'gpt-4o-mini',
    temperature: 0.2,
    max_tokens: 256,
    user: 'bench-user-0001',
    stream: kind === 'stream',
    ...(kind === 'stream' ? { stream_options: { include_usage: true } } : {}),
    messages: [
      {
        role: 'system',
        content:
          'You are a meticulous assistant for a logistics company. Answer in plain English, cite the ' +
          'policy section you rely on, and say so when the policy does not cover the question. Never ' +
          'invent tracking numbers, prices or delivery dates. Keep answers under 150 words unless the ' +
          'user asks for detail, and use a short bulleted list when comparing options.',
      },
      {
        role: 'user',
        content:
          'A customer in Lyon shipped two pallets (480 kg total) to Rotterdam on Monday with the ' +
          "standard road service. The tracking page has shown 'held at hub' since Wednesday evening " +
          'and the customer is asking whether they can switch to express for the remaining leg, what it ' +
          'would cost under the current tariff, and whether the original delivery guarantee still ' +
          'applies. Draft a reply that explains the options and what information we still need from them.',
      },
    ],
  });
}

export interface ProbeResult {
  /** Successful (2xx) requests only. */
  completeUs: number[];
  firstChunkUs: number[];
  failedRequests: number;
  elapsedUs: number;
}

/** Sends requests back to back on one connection for `durationSeconds`. */
export async function probeOneConnection(options: {
  baseUrl: string;
  kind: RequestKind;
  authorization: string;
  extraHeaders: Record<string, string>;
  durationSeconds: number;
}): Promise<ProbeResult> {
  const client = new Client(options.baseUrl, { pipelining: 1, keepAliveTimeout: 60_000 });
  const body = chatBody(options.kind);
  const headers = {
    'content-type': 'application/json',
    accept: options.kind === 'stream' ? 'text/event-stream' : 'application/json',
    authorization: options.authorization,
    ...options.extraHeaders,
  };
  const completeUs: number[] = [];
  const firstChunkUs: number[] = [];
  let failedRequests = 0;
  const startedAt = performance.now();
  const deadline = startedAt + options.durationSeconds * 1000;
  try {
    while (performance.now() < deadline) {
      const timing = await timeOneRequest(client, body, headers);
      if (timing.status >= 200 && timing.status < 300) {
        completeUs.push(timing.completeUs);
        firstChunkUs.push(timing.firstChunkUs);
      } else {
        failedRequests++;
      }
    }
  } finally {
    await client.close();
  }
  return { completeUs, firstChunkUs, failedRequests, elapsedUs: (performance.now() - startedAt) * 1000 };
}
