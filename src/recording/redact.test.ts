import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { maskSecrets } from './mask.ts';
import {
  defaultRedactLimits,
  depthLimitMarker,
  nodeLimitMarker,
  redactRequestBody,
  redactResponseBody,
  redactText,
  sha256Hex,
  truncatedKey,
} from './redact.ts';

describe('maskSecrets', () => {
  const cases: Array<[string, string, string]> = [
    ['email', 'write to john.doe+x@example.co.uk today', 'write to [email] today'],
    ['phone (international)', 'call +44 20 7946 0958', 'call [phone]'],
    ['phone (E.164)', 'call +4915112345678.', 'call [phone].'],
    ['phone (US)', '(555) 123-4567 or 555.123.4567', '[phone] or [phone]'],
    ['card (spaced)', 'card 4111 1111 1111 1111 exp', 'card [card] exp'],
    ['card (plain, 13-19 digits)', 'pan=5555555555554444', 'pan=[card]'],
    ['IPv4', 'from 192.168.10.1:443', 'from [ip]:443'],
    ['IPv6', 'from 2001:db8::8a2e:370:7334 and ::1', 'from [ip] and [ip]'],
    ['IPv4-mapped IPv6', 'peer ::ffff:10.0.0.1', 'peer [ip]'],
    ['OpenAI key', 'key sk-proj-Ab12Cd34Ef56Gh78Ij90', 'key [key]'],
    ['Anthropic key', 'sk-ant-api03-Ab12Cd34Ef56Gh78Ij90-xyz', '[key]'],
    ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[key]'],
    ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', '[key]'],
    ['Slack token', 'xoxb-1234-5678-abcdefghij', '[key]'],
    ['bearer header', 'Authorization: Bearer abc.def-ghi_jkl', 'Authorization: [key]'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl', '[key]'],
    ['long hex', 'sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'sha [key]'],
    ['long base64', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0NTY3ODkw==', '[key]'],
    ['long base64 with + and /', 'secret k9+Tq/3ZwP+xR7/mN2vB+8sL/4hY6aQ1Zt end', 'secret [key] end'],
    ['DistillGuard key', 'dg_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v', '[key]'],
  ];
  for (const [kind, input, expected] of cases) {
    it(`masks ${kind}`, () => assert.equal(maskSecrets(input), expected));
  }

  it('leaves ordinary text, numbers, dates, times, versions, paths and ids alone', () => {
    const benign = [
      'gpt-4o-2024-08-06 and claude-3-5-sonnet-20241022',
      'on 2024-01-15 at 12:30:45, pi is 3.14159265358979, v1.2.3',
      'std::vector<int> and a::b',
      '/usr/local/lib/python3.11/site-packages/numpy/core/multiarray.py',
      'chatcmpl-AbC123dEf456GhI789jKl012MnO345 550e8400-e29b-41d4-a716-446655440000',
      'pneumonoultramicroscopicsilicovolcanoconiosis',
      'order 4111-1111-1111-1112 failed the Luhn check',
    ];
    for (const text of benign) assert.equal(maskSecrets(text), text);
  });

  it('masks an email whose local part is a long alphanumeric run', () => {
    assert.equal(maskSecrets('averyveryverylonglocalpartwithdigits1234567890@example.com'), '[email]');
  });
});

describe('redactText', () => {
  it('keeps short strings whole', () => assert.equal(redactText('hello', 5), 'hello'));

  it('cuts long strings to an excerpt and says how much was left out', () => {
    assert.equal(redactText('abcdefghij', 4), 'abcd…[+6 chars]');
    assert.equal(redactText('abc', 0), '…[+3 chars]');
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(10)}`;
    const excerpt = redactText(text, 10);
    assert.equal(excerpt, `${'a'.repeat(9)}…[+12 chars]`);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(excerpt), 'no lone high surrogate');
    assert.equal(redactText(`${'a'.repeat(9)}😀!`, 11), `${'a'.repeat(9)}😀…[+1 chars]`);
  });

  it('masks a secret that straddles the cut instead of keeping its first half', () => {
    const text = `contact ${'x'.repeat(10)} jane@example.com for details`;
    const excerpt = redactText(text, 25);
    assert.ok(!excerpt.includes('jane'), excerpt);
    const card = redactText('pay 4111 1111 1111 1111 now', 12);
    assert.ok(!/\d{4}/.test(card), card);
  });
});

describe('redactRequestBody', () => {
  const body = {
    model: 'gpt-4o-mini',
    temperature: 0.7,
    stream: true,
    logprobs: true,
    top_logprobs: 5,
    messages: [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: `My email is ana@example.org and my key is sk-proj-Ab12Cd34Ef56Gh78Ij90. ${'z'.repeat(100)}` },
    ],
    tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
  };

  it('keeps the shape and masks and cuts the strings', () => {
    const before = structuredClone(body);
    const redacted = redactRequestBody(body, 60);
    assert.deepEqual(body, before, 'the input is not modified');
    assert.deepEqual(redacted, {
      ...body,
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: `My email is [email] and my key is [key]. ${'z'.repeat(19)}…[+112 chars]` },
      ],
    });
  });

  it('bounds nesting depth', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const redacted = redactRequestBody(deep, 10, { ...defaultRedactLimits, maxDepth: 3 });
    assert.deepEqual(redacted, { d: { d: { d: depthLimitMarker } } });
    assert.ok(JSON.stringify(redactRequestBody(deep, 10)).includes(depthLimitMarker));
  });

  it('bounds the total number of values visited', () => {
    const huge = { input: Array.from({ length: 100_000 }, (_, i) => `s${i}`), after: 'kept?' };
    const redacted = redactRequestBody(huge, 10, { ...defaultRedactLimits, maxNodes: 100 });
    const input = redacted.input as unknown[];
    assert.equal(input.length, 100);
    assert.equal(input.at(-1), nodeLimitMarker);
    assert.deepEqual(Object.keys(redacted), ['input', truncatedKey]);
  });

  it('bounds the characters scanned for secrets: past the budget a string keeps only its length', () => {
    const long = `mail a@b.co ${'x'.repeat(100)}`;
    const body = { a: long, b: long, role: 'user' };
    const redacted = redactRequestBody(body, 20, { ...defaultRedactLimits, maxScannedChars: 150 });
    assert.deepEqual(redacted, { a: 'mail [email] xxxxxxx…[+92 chars]', b: '…[+112 chars]', role: 'user' });
  });

  it('masks secrets in keys, and cuts a key to the excerpt length of each call (keys are remembered per length)', () => {
    const key = 'contact alice@example.com now';
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(Object.keys(redactRequestBody({ [key]: 1 }, 512)), ['contact [email] now']);
      assert.deepEqual(Object.keys(redactRequestBody({ [key]: 1 }, 7)), ['contact…[+22 chars]']);
    }
  });

  it('keeps a "__proto__" key as data, not as the prototype', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as Record<string, unknown>;
    const redacted = redactRequestBody(body, 10);
    assert.equal(Object.getPrototypeOf(redacted), Object.prototype);
    assert.equal(JSON.stringify(redacted), '{"__proto__":{"polluted":"yes"},"a":1}');
  });
});

describe('redactResponseBody', () => {
  it('replaces embeddings by their length, as floats or base64', () => {
    const floats = Array.from({ length: 1536 }, (_, i) => i / 1536);
    const base64 = Buffer.from(new Float32Array(256).buffer).toString('base64');
    const redacted = redactResponseBody(
      {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: floats },
          { object: 'embedding', index: 1, embedding: base64 },
        ],
        model: 'text-embedding-3-small',
      },
      64,
    );
    assert.deepEqual(redacted, {
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: 1536 },
        { object: 'embedding', index: 1, embedding: 256 },
      ],
      model: 'text-embedding-3-small',
    });
  });

  it('keeps logprobs only as counts (chat and completions formats)', () => {
    const token = { token: 'Hi', logprob: -0.1, bytes: [72, 105], top_logprobs: [{ token: 'Hi', logprob: -0.1 }] };
    const chat = redactResponseBody({ choices: [{ index: 0, logprobs: { content: [token, token], refusal: null } }] }, 64);
    assert.deepEqual(chat, { choices: [{ index: 0, logprobs: { content: 2, refusal: null } }] });
    const completion = redactResponseBody(
      { choices: [{ text: 'ok', logprobs: { tokens: ['o', 'k'], token_logprobs: [-1, -2], top_logprobs: [{}, {}], text_offset: [0, 1] } }] },
      64,
    );
    assert.deepEqual(completion, {
      choices: [{ text: 'ok', logprobs: { tokens: 2, token_logprobs: 2, top_logprobs: 2, text_offset: 2 } }],
    });
    const responses = redactResponseBody({ output: [{ content: [{ type: 'output_text', text: 'ok', logprobs: [token] }] }] }, 64);
    assert.deepEqual(responses, { output: [{ content: [{ type: 'output_text', text: 'ok', logprobs: 1 }] }] });
  });
});

describe('sha256Hex', () => {
  it('hashes bytes and strings', () => {
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.equal(sha256Hex('abc'), expected);
    assert.equal(sha256Hex(new TextEncoder().encode('abc')), expected);
  });
});

describe('a redacted event', () => {
  it('still satisfies the traffic-event schema', () => {
    const request = {
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: 'Think step by step and show your full reasoning.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Reach me at +1 555 123 4567 or bob@example.com' }] }],
    };
    const response = {
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Sure. '.repeat(200) }],
      usage: { input_tokens: 40, output_tokens: 1200 },
    };
    const requestBytes = JSON.stringify(request);
    const event: TrafficEvent = {
      id: 'evt_1',
      ts: '2025-03-01T10:00:00.000Z',
      account_id: 'acct_1',
      api_key_id: 'key_0123456789ab',
      endpoint: '/v1/messages',
      request: redactRequestBody(request, 128),
      response: redactResponseBody(response, 128),
      status: 200,
      redaction: { mode: 'excerpts', excerpt_chars: 128, request_sha256: sha256Hex(requestBytes), response_sha256: sha256Hex(JSON.stringify(response)) },
    };
    assert.deepEqual(validateTrafficEvent(JSON.parse(JSON.stringify(event))), []);
    assert.ok(!JSON.stringify(event).includes('bob@example.com'));
    assert.ok(!JSON.stringify(event).includes('555 123'));
  });
});

describe('email masking', () => {
  it('masks several emails in one text, and only the last 64 characters of an overlong local part', () => {
    assert.equal(maskSecrets('a@b.co, c.d@e.org; x@y (no domain)'), '[email], [email]; x@y (no domain)');
    assert.equal(maskSecrets(`${'p'.repeat(70)}@example.com`), `${'p'.repeat(6)}[email]`);
    assert.equal(maskSecrets('...john@example.com'), '...[email]');
  });
});
