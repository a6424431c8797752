import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32, randomInt } from '../core/seeded-random.ts';
import { jsonEventParser, SseParser, type SseEvent } from './sse.ts';
import { randomCuts } from './testing.ts';

const encoder = new TextEncoder();

function parse(chunks: readonly Uint8Array[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((ev) => events.push(ev));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

function parseText(text: string): SseEvent[] {
  return parse([encoder.encode(text)]);
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) { parts.push(bytes.subarray(start, cut)); start = cut; }
  parts.push(bytes.subarray(start));
  return parts;
}

describe('SseParser', () => {
  it('reads event, data and id fields, one event per blank line', () => {
    assert.deepEqual(parseText('event: ping\ndata: {}\n\nid: 7\ndata: hello\n\n'), [
      { event: 'ping', data: '{}', id: undefined },
      { event: undefined, data: 'hello', id: '7' },
    ]);
  });

  it('joins multi-line data with "\\n" and skips comments', () => {
    assert.deepEqual(parseText(': keep-alive\ndata: a\n: mid comment\ndata: b\ndata\n\n'), [
      { event: undefined, data: 'a\nb\n', id: undefined },
    ]);
  });

  it('accepts CRLF, CR and LF line ends alike', () => {
    const expected = [{ event: 'x', data: 'y', id: undefined }, { event: undefined, data: 'z', id: undefined }];
    assert.deepEqual(parseText('event: x\r\ndata: y\r\n\r\ndata: z\r\n\r\n'), expected);
    assert.deepEqual(parseText('event: x\rdata: y\r\rdata: z\r\r'), expected);
    assert.deepEqual(parseText('event: x\ndata: y\n\ndata: z\n\n'), expected);
  });

  it('strips one space after the colon, not more, and takes a value-less field as empty', () => {
    assert.deepEqual(parseText('data:  two\n\ndata:none\n\n').map((e) => e.data), [' two', 'none']);
  });

  it('drops events without data and ignores unknown fields', () => {
    assert.deepEqual(parseText('event: lonely\n\nretry: 10\nfoo: bar\ndata: x\n\n').map((e) => [e.event, e.data]), [[undefined, 'x']]);
  });

  it('delivers a last event that lacks its blank line when the stream ends', () => {
    assert.deepEqual(parseText('data: one\n\ndata: cut').map((e) => e.data), ['one', 'cut']);
  });

  it('strips a leading byte-order mark', () => {
    assert.deepEqual(parse([new Uint8Array([0xef, 0xbb, 0xbf]), encoder.encode('data: x\n\n')]).map((e) => e.data), ['x']);
  });

  it('gives the same events for every split of the bytes, through multibyte characters and CRLF pairs', () => {
    const text = 'event: a\r\ndata: héllo → 世界 🎉\r\n\r\n: c\r\ndata: x\ndata: 𝄞\n\ndata: [DONE]\r\n\r\n';
    const bytes = encoder.encode(text);
    const expected = parse([bytes]);
    assert.equal(expected.length, 3);
    assert.equal(expected[0]?.data, 'héllo → 世界 🎉');
    for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(parse(splitAt(bytes, [cut])), expected, `cut at ${cut}`);
    const random = mulberry32(3);
    for (let round = 0; round < 300; round++) {
      const cuts = randomCuts(bytes.length, 1 + randomInt(random, 20), random);
      assert.deepEqual(parse(splitAt(bytes, cuts)), expected, `cuts ${cuts.join(',')}`);
    }
    const oneByteChunks = Array.from(bytes, (b) => new Uint8Array([b]));
    assert.deepEqual(parse(oneByteChunks), expected);
  });

  it('turns bytes that are not UTF-8 into U+FFFD as TextDecoder does, wherever the chunks are cut', () => {
    const bytes = new Uint8Array([
      ...encoder.encode('data: a'), 0xff, 0x80, 0xe4, 0xb8, // invalid byte, lone continuation, cut 3-byte sequence
      ...encoder.encode('b 🎉'), 0xf0, 0x9f, 0x8e, // 4-byte sequence missing its last byte
      ...encoder.encode('\n\ndata: '), 0xf8, 0x88, 0x80, 0x80, 0x80, ...encoder.encode('\n\ndata: z'), 0xe4, 0xb8,
    ]);
    const expected = new TextDecoder().decode(bytes).split('\n\n').map((block) => block.slice('data: '.length));
    assert.deepEqual(parse([bytes]).map((e) => e.data), expected);
    for (let cut = 1; cut < bytes.length; cut++) {
      assert.deepEqual(parse(splitAt(bytes, [cut])).map((e) => e.data), expected, `cut at ${cut}`);
    }
    assert.deepEqual(parse(Array.from(bytes, (b) => new Uint8Array([b]))).map((e) => e.data), expected);
  });

  it('strips a byte-order mark only at the start of the stream', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = new Uint8Array([...bom, ...encoder.encode('data: x\n\ndata: '), ...bom, ...encoder.encode('y\n\n')]);
    for (let cut = 1; cut < bytes.length; cut++) {
      assert.deepEqual(parse(splitAt(bytes, [cut])).map((e) => e.data), ['x', '\ufeffy'], `cut at ${cut}`);
    }
  });

  it('handles a long line delivered in many small chunks in linear time', () => {
    const payload = 'x'.repeat(4 * 1024 * 1024);
    const bytes = encoder.encode(`data: ${payload}\n\n`);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 512) chunks.push(bytes.subarray(i, i + 512));
    const started = performance.now();
    const events = parse(chunks);
    assert.equal(events[0]?.data.length, payload.length);
    assert.ok(performance.now() - started < 2000);
  });
});

describe('jsonEventParser', () => {
  it('parses each object payload once and skips [DONE], non-JSON and non-object payloads', () => {
    const seen: Array<[unknown, string | undefined]> = [];
    const parser = jsonEventParser((value, event) => seen.push([value, event]));
    parser.push(encoder.encode('data: {"a":1}\n\nevent: e\ndata: {"b":2}\n\ndata: [1,2]\n\ndata: 3\n\ndata: {oops\n\ndata: [DONE]\n\n'));
    parser.end();
    assert.deepEqual(seen, [[{ a: 1 }, undefined], [{ b: 2 }, 'e']]);
  });
});
