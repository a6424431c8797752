import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Counter, Histogram } from './metrics.ts';

describe('metrics', () => {
  it('renders counters per label set in the exposition format', () => {
    const c = new Counter('dg_requests_total', 'Requests.');
    c.inc({ endpoint: 'chat', status: '200' });
    c.inc({ endpoint: 'chat', status: '200' });
    c.inc({ endpoint: 'chat', status: '4"01' });
    assert.equal(c.get({ endpoint: 'chat', status: '200' }), 2);
    assert.equal(
      c.render(),
      '# HELP dg_requests_total Requests.\n# TYPE dg_requests_total counter\n' +
        'dg_requests_total{endpoint="chat",status="200"} 2\ndg_requests_total{endpoint="chat",status="4\\"01"} 1\n',
    );
  });

  it('renders cumulative histogram buckets, sum and count', () => {
    const h = new Histogram('dg_seconds', 'Time.', [0.1, 1]);
    h.observe({ e: 'x' }, 0.05);
    h.observe({ e: 'x' }, 0.5);
    h.observe({ e: 'x' }, 7);
    const text = h.render();
    assert.match(text, /dg_seconds_bucket\{e="x",le="0.1"\} 1\n/);
    assert.match(text, /dg_seconds_bucket\{e="x",le="1"\} 2\n/);
    assert.match(text, /dg_seconds_bucket\{e="x",le="\+Inf"\} 3\n/);
    assert.match(text, /dg_seconds_sum\{e="x"\} 7.55\n/);
    assert.match(text, /dg_seconds_count\{e="x"\} 3\n/);
  });
});
