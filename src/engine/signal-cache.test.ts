import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signalsOfEvent } from '../signals/index.ts';
import { createEngine } from './engine.ts';
import { CACHE_SPREAD, cachedSignals } from './signal-cache.ts';
import { scenario } from './test-traffic.ts';

describe('signal cache', () => {
  const traffic = scenario(11);

  it('reuses classifier scores for well-known templates, within the allowed spread of the exact scores', () => {
    const cache = cachedSignals();
    for (const event of traffic.events) {
      const cached = cache.signalsOf(event)!;
      const exact = signalsOfEvent(event);
      assert.deepEqual(cached.template.lshKeys, exact.template.lshKeys);
      assert.deepEqual(cached.harvest_params, exact.harvest_params);
      for (const head of ['reasoning_elicitation', 'jailbreak', 'prompt_extraction', 'rubric_harvest'] as const) {
        assert.ok(Math.abs(cached[head] - exact[head]) <= CACHE_SPREAD + 1e-9, `${head} ${cached[head]} vs ${exact[head]}`);
      }
    }
    assert.ok(cache.stats.reused > traffic.events.length / 4, JSON.stringify(cache.stats));
  });

  it('leaves the engine verdicts unchanged on the test scenario', () => {
    const exact = createEngine({ seed: 1 });
    const cached = createEngine({ seed: 1, signalsOf: cachedSignals().signalsOf });
    for (const event of traffic.events) { exact.ingest(event); cached.ingest(event); }
    const verdicts = (e: typeof exact) => e.snapshot().accounts.map((a) => `${a.accountId}:${a.verdict}`);
    assert.deepEqual(verdicts(cached), verdicts(exact));
  });
});
