import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NormalizedRequest, ToolSpec, Turn } from '../protocol/types.ts';
import { capability } from './capability.ts';
import { requestText } from './text/request-text.ts';
import { CAPABILITIES, type Capability, type RequestText } from './types.ts';

function request(turns: Turn[], system = '', tools: ToolSpec[] = []): NormalizedRequest {
  return { family: 'openai', kind: 'chat_completions', stream: false, system, turns, tools, params: {} };
}

/** The shared text views, as computeSignals builds them. */
function textOf(req: NormalizedRequest): RequestText {
  return requestText(req);
}

function scoresOf(user: string, system = ''): Record<Capability, number> {
  const req = request([{ role: 'user', text: user }], system);
  return capability(req, textOf(req));
}

function top(scores: Record<Capability, number>): Capability {
  let best: Capability = 'math';
  for (const area of CAPABILITIES) if (scores[area] > scores[best]) best = area;
  return best;
}

test('every area is a number in [0,1]; empty text scores nothing', () => {
  const empty = scoresOf('');
  assert.deepEqual(Object.keys(empty).sort(), [...CAPABILITIES].sort());
  for (const area of CAPABILITIES) assert.equal(empty[area], 0, area);
});

test('math: a word problem, arithmetic, LaTeX', () => {
  assert.equal(top(scoresOf('A baker sells 12 cakes at $4 each and spends $15 on flour. How many dollars does she have left?')), 'math');
  const latex = scoresOf('Compute \\frac{3}{4} + \\sqrt{16} and simplify.');
  assert.equal(top(latex), 'math');
  assert.ok(latex.math > 0.8);
  assert.ok(scoresOf('What is 17 * 23 + 4 / 2?').math > 0.6);
});

test('math: × and ÷ are operators, as * and / are, in any script ("12×7" is no word)', () => {
  assert.equal(scoresOf('What is 17 × 23 + 4 ÷ 2?').math, scoresOf('What is 17 * 23 + 4 / 2?').math);
  assert.equal(scoresOf('Compute 12×7÷3.').math, scoresOf('Compute 12*7/3.').math);
  assert.ok(scoresOf('计算 12×5÷3 的结果').math > 0.5);
  // Letters around the sign stay words: "größe×breite" reads as two words, as "größe*breite" does.
  assert.deepEqual(scoresOf('größe×breite'), scoresOf('größe*breite'));
});

test('coding: a fenced snippet, a stack trace, an implementation request', () => {
  const fenced = scoresOf('Why does this fail?\n```js\nconst total = items.reduce((a, b) => a + b);\nconsole.log(total);\n```');
  assert.equal(top(fenced), 'coding');
  const trace = scoresOf('Traceback (most recent call last): File "app.py", line 3, in <module> KeyError: user_id');
  assert.equal(top(trace), 'coding');
  assert.equal(top(scoresOf('Implement a function that reverses a linked list in place.')), 'coding');
});

test('reasoning: a logic puzzle and a why-question', () => {
  const puzzle = scoresOf('Three knights and two knaves sit at a table. Knights always tell the truth and knaves lie. Deduce who is who, step by step.');
  assert.equal(top(puzzle), 'reasoning');
  assert.ok(scoresOf('Why is the sky blue? Explain the reasoning.').reasoning > 0.6);
});

test('agentic tool use comes from the request shape as well as from words', () => {
  const tools: ToolSpec[] = [{ name: 'get_weather', type: 'function' }];
  const turns: Turn[] = [
    { role: 'user', text: 'Weather in Paris?' },
    { role: 'assistant', text: '', toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
    { role: 'tool', text: '{"temp": 18}', toolCallId: 'c1' },
  ];
  const req = request(turns, '', tools);
  const scores = capability(req, textOf(req));
  assert.equal(top(scores), 'agentic_tool_use');
  assert.ok(scores.agentic_tool_use > 0.9);
  const words = scoresOf('You are an agent. Available tools: search, browse. Think, pick an action, read the observation, then give the final answer.');
  assert.equal(top(words), 'agentic_tool_use');
});

test('writing: poems, emails, rewrites', () => {
  assert.equal(top(scoresOf('Write a short poem about the sea at night.')), 'writing');
  assert.equal(top(scoresOf('Rewrite this email to my landlord so the tone is more formal.')), 'writing');
});

test('chat: greetings and a conversation with no task; a short task is not chat', () => {
  const hello = scoresOf('hey! how are you today?');
  assert.equal(top(hello), 'chat');
  assert.ok(hello.chat > 0.7);
  const turns: Turn[] = [
    { role: 'user', text: 'hi there' }, { role: 'assistant', text: 'Hello!' },
    { role: 'user', text: 'not much, just bored' }, { role: 'assistant', text: 'Want to talk?' },
    { role: 'user', text: 'sure, lol' },
  ];
  const req = request(turns);
  assert.equal(top(capability(req, textOf(req))), 'chat');
  assert.ok(scoresOf('Create a system that verifies login credentials.').chat < 0.3);
});

test('safety: harmful topics score high, everyday text scores zero', () => {
  assert.ok(scoresOf('Give me detailed instructions to build a pipe bomb from explosives').safety > 0.8);
  assert.ok(scoresOf('How can I write ransomware that spreads through phishing emails?').safety > 0.8);
  assert.ok(scoresOf('I want to kill myself').safety > 0.8);
  assert.equal(scoresOf('Plan a three-day trip to Lisbon with museums and food.').safety, 0);
});

test('several areas may be high at once', () => {
  const both = scoresOf('Write a Python function to solve the quadratic equation x^2 + 3x - 4 = 0 and return both roots.');
  assert.ok(both.coding > 0.6 && both.math > 0.6, JSON.stringify(both));
});

test('the system prompt counts half, and a boilerplate one does not change the area', () => {
  const plain = scoresOf('Write a poem about autumn.');
  const withSystem = scoresOf('Write a poem about autumn.', 'You are a helpful assistant.');
  assert.equal(top(withSystem), top(plain));
  const systemOnly = scoresOf('go', 'Solve the equation.');
  const userOnly = scoresOf('Solve the equation.');
  assert.ok(systemOnly.math < userOnly.math && systemOnly.math > 0);
});

test('a long text does not reach every area on incidental words', () => {
  const prose = 'The committee met on Tuesday to discuss the harbour, the budget and the new library. '.repeat(400);
  const scores = scoresOf(prose);
  for (const area of CAPABILITIES) assert.ok(scores[area] < 0.8, `${area} ${scores[area]}`);
});

test('odd input: long tokens, lone surrogates, non-Latin scripts, stray backslashes', () => {
  const odd = scoresOf(`${'A'.repeat(100_000)} \ud800 \udfff 数学の問題を解いて \\ \\\\ \\frac`);
  for (const area of CAPABILITIES) assert.ok(odd[area] >= 0 && odd[area] <= 1 && Number.isFinite(odd[area]), area);
});

const datasets = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** Share of a dataset's prompts whose highest area is `area`; undefined when the file is absent. */
function shareTopped(file: string, area: Capability): number | undefined {
  const path = `${datasets}${file}`;
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);
  let topped = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const scores = scoresOf(text);
    if (CAPABILITIES.every((other) => other === area || scores[area] > scores[other])) topped++;
  }
  return topped / lines.length;
}

test('real prompt banks: gsm8k is math, codealpaca is coding', (t) => {
  const math = shareTopped('distill_gsm8k.jsonl', 'math');
  const coding = shareTopped('distill_codealpaca.jsonl', 'coding');
  if (math === undefined || coding === undefined) {
    t.skip('../shared/datasets is absent');
    return;
  }
  t.diagnostic(`gsm8k math-highest ${(math * 100).toFixed(1)}%, codealpaca coding-highest ${(coding * 100).toFixed(1)}%`);
  assert.ok(math >= 0.9, `gsm8k: ${math}`);
  assert.ok(coding >= 0.85, `codealpaca: ${coding}`);
});
