/**
 * Time to first streamed chunk, measured with one keep-alive connection and one request at a time:
 * from handing the request to the client until the first response body bytes arrive. wrk cannot
 * report this (it times whole responses), and it is what a user of a streaming chat feels.
 */
import { Client } from 'undici';
import type { Dispatcher } from 'undici';

export interface FirstChunkTiming {
  firstChunkUs: number;
  status: number;
}

function timeOneRequest(
  client: Client,
  body: string,
  headers: Record<string, string>,
): Promise<FirstChunkTiming> {
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
        const endedAt = firstChunkAt ?? process.hrtime.bigint();
        resolve({ firstChunkUs: Number(endedAt - startedAt) / 1000, status });
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    };
    client.dispatch({ path: '/v1/chat/completions', method: 'POST', headers, body }, handler);
  });
}

/** Same shape as wrk/chat-stream.lua's body: a ~1 KB streamed chat completion request. */
export function streamingChatBody(): string {
  return JSON.stringify({
    model: 'gpt-4o-mini',
    temperature: 0.2,
    max_tokens: 256,
    user: 'bench-user-0001',
    stream: true,
    stream_options: { include_usage: true },
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

/**
 * Sends streamed requests back to back for `durationSeconds` after `warmupRequests` unrecorded
 * ones, and returns each request's time to first chunk in microseconds.
 */
export async function measureFirstChunkTimes(options: {
  baseUrl: string;
  authorization: string;
  extraHeaders: Record<string, string>;
  durationSeconds: number;
  warmupRequests: number;
}): Promise<{ samplesUs: number[]; failedRequests: number }> {
  const client = new Client(options.baseUrl, { pipelining: 1, keepAliveTimeout: 60_000 });
  const body = streamingChatBody();
  const headers = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    authorization: options.authorization,
    ...options.extraHeaders,
  };
  const samplesUs: number[] = [];
  let failedRequests = 0;
  try {
    for (let i = 0; i < options.warmupRequests; i++) await timeOneRequest(client, body, headers);
    const deadline = performance.now() + options.durationSeconds * 1000;
    while (performance.now() < deadline) {
      const timing = await timeOneRequest(client, body, headers);
      if (timing.status >= 200 && timing.status < 300) samplesUs.push(timing.firstChunkUs);
      else failedRequests++;
    }
  } finally {
    await client.close();
  }
  return { samplesUs, failedRequests };
}
