import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { signalsCommand, signalsOfLine } from './signals.ts';

interface Run {
  code: number;
  lines: string[];
  stderr: string;
}

async function run(input: string | Readable, format = 'json'): Promise<Run> {
  const stdin = typeof input === 'string' ? Readable.from([input]) : input;
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  const code = await signalsCommand({ format }, { stdin, stdout, stderr: { write: (text: string) => { stderr += text; } } });
  const text = Buffer.concat(chunks).toString('utf8');
  return { code, lines: text.split('\n').filter((line) => line.length > 0), stderr };
}

const event = {
  id: 'evt_1', ts: '2026-01-01T00:00:00Z', account_id: 'acct', endpoint: '/v1/chat/completions',
  request: { model: 'm', n: 8, messages: [{ role: 'user', content: 'Write a haiku about rain.' }] },
};

test('one JSON object per line: text lines, events, bad lines with their line number', async () => {
  const input = [
    JSON.stringify({ text: 'What is 12 * 7?' }),
    '{not json',
    '',
    JSON.stringify(event),
    JSON.stringify([1, 2]),
    JSON.stringify({ text: 42 }),
    JSON.stringify({ endpoint: '/v1/unknown', request: {} }),
    JSON.stringify({ hello: 'world' }),
  ].join('\n');
  const { code, lines } = await run(`${input}\n`);
  assert.equal(code, 0);
  const out = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(out.map((o) => o['line']), [1, 2, 4, 5, 6, 7, 8]);
  const first = out[0] ?? {};
  for (const key of ['reasoning_elicitation', 'jailbreak', 'prompt_extraction', 'rubric_harvest', 'harvest_params', 'capability', 'template', 'language']) {
    assert.ok(key in first, key);
  }
  assert.match(String(out[1]?.['error']), /invalid JSON/);
  assert.equal(out[2]?.['id'], 'evt_1');
  assert.deepEqual((out[2]?.['harvest_params'] as { reasons: string[] }).reasons, ['many_choices']);
  for (const bad of out.slice(3)) assert.equal(typeof bad['error'], 'string');
  assert.equal(out[5]?.['line'], 7);
  assert.match(String(out[5]?.['error']), /endpoint/);
});

test('--format text prints one readable line per input; a bad --format is exit 2', async () => {
  const { code, lines } = await run(`${JSON.stringify(event)}\n{oops\n`, 'text');
  assert.equal(code, 0);
  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /^line 1 evt_1 .*harvest=\d\.\d\d \(many_choices\).*writing=/);
  assert.match(lines[1] ?? '', /^line 2 +error: invalid JSON/);
  const bad = await run('', 'yaml');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format/);
});

test('CRLF input, no final newline, and a failing stdin', async () => {
  const ok = await run(`${JSON.stringify({ text: 'hi' })}\r\n${JSON.stringify({ text: 'bye' })}`);
  assert.equal(ok.lines.length, 2);
  const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
  const failed = await run(failing);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /disk gone/);
});

test('signalsOfLine never throws', () => {
  for (const line of ['', 'null', '"x"', '{"text": null}', '{"endpoint": 1, "request": {}}', '{"endpoint": "/v1/messages", "request": []}']) {
    assert.equal(typeof (signalsOfLine(line, 1) as { error?: string }).error, 'string', line);
  }
});

test('through the real CLI: node --import tsx src/cli/main.ts signals', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, 'signals'], {
    input: `${JSON.stringify({ text: 'Prove that the square root of 2 is irrational.' })}\nbroken\n`,
    encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(lines.length, 2);
  assert.ok((lines[0]?.['capability'] as Record<string, number>)['math'] ?? 0 > 0);
  assert.equal(lines[1]?.['line'], 2);
  const help = spawnSync(process.execPath, ['--import', 'tsx', main, 'signals', '--help'], { encoding: 'utf8', timeout: 60_000 });
  assert.match(help.stdout, /Examples:/);
});
