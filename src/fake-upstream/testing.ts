/** Helpers for tests that talk to the fake upstream (or to the gateway) through the official SDKs. */
import { after, before } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream, type FakeUpstreamOptions } from './fake-upstream.ts';

/** No retries: a test must see the first failure, not wait through the SDK's backoff. */
export function openAiClientFor(baseUrl: string, apiKey = 'test-key'): OpenAI {
  return new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey, maxRetries: 0 });
}

export function anthropicClientFor(baseUrl: string, apiKey = 'test-key'): Anthropic {
  return new Anthropic({ baseURL: baseUrl, apiKey, maxRetries: 0 });
}

/** The fake upstream of one describe() block and a client connected to it; read them inside its tests. */
export interface SuiteUpstream<Client> {
  readonly url: string;
  readonly client: Client;
}

/**
 * Starts a fake upstream before the tests of the describe() block this is called in, connects a
 * client to it, and closes it after them.
 */
export function fakeUpstreamForSuite<Client>(connect: (url: string) => Client, options?: FakeUpstreamOptions): SuiteUpstream<Client> {
  let started: { upstream: FakeUpstream; client: Client } | undefined;
  before(async () => {
    const upstream = await startFakeUpstream(options);
    started = { upstream, client: connect(upstream.url) };
  });
  after(() => started?.upstream.close());
  const current = (): { upstream: FakeUpstream; client: Client } => {
    if (started === undefined) throw new Error('the suite upstream is only there while the tests of its describe() run');
    return started;
  };
  return {
    get url() {
      return current().upstream.url;
    },
    get client() {
      return current().client;
    },
  };
}
