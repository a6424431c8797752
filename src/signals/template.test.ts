import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NormalizedRequest } from '../protocol/types.ts';
import { estimateJaccard, fingerprintText, templateOf } from './template.ts';
import { requestText } from './text/request-text.ts';
import type { TemplateFingerprint } from './types.ts';

function req(user: string, system = ''): NormalizedRequest {
  return { family: 'openai', kind: 'chat_completions', stream: false, system, turns: [{ role: 'user', text: user }], tools: [], params: {} };
}
const fp = (user: string, system = ''): TemplateFingerprint => templateOf(requestText(req(user, system)));
const shareKey = (a: TemplateFingerprint, b: TemplateFingerprint): boolean => a.lshKeys.some((k) => b.lshKeys.includes(k));
const collide = (a: TemplateFingerprint, b: TemplateFingerprint): boolean => shareKey(a, b) || estimateJaccard(a.minhash, b.minhash) >= 0.8;

describe('template fingerprint', () => {
  it('maps two fills of one template to the same family', () => {
    const a = fp('Solve: 17 apples minus 4 apples. Show every step.');
    const b = fp('Solve: 92 pears minus 31 pears. Show every step.');
    assert.ok(shareKey(a, b));
  });

  it('gives every signature its own values, however many were handed out before', () => {
    const teams = ['sales', 'legal', 'design', 'support', 'finance', 'research', 'hiring', 'travel'];
    const texts = Array.from({ length: 40 }, (_, i) => `Summarise the ${teams[i % 8]} report for the ${teams[(i >> 3) % 8]} team in three bullet points, then list the open questions and risks`);
    const kept = texts.map((t) => fp(t).minhash);
    const copies = kept.map((m) => Array.from(m));
    texts.forEach((t, i) => assert.deepEqual(Array.from(fp(t).minhash), copies[i]));
    kept.forEach((m, i) => assert.deepEqual(Array.from(m), copies[i]));
    assert.equal(new Set(copies.map((c) => c.join(','))).size, 40);
  });

  it('keeps unrelated prompts apart', () => {
    assert.ok(!shareKey(fp('Write a haiku about rain'), fp('Fix this SQL join')));
  });

  const rows: { template: string; fillers: string[] }[] = [
    { template: 'A farmer has {} sheep and buys {} more at the market. If each costs ${}, how much did he spend in total? Explain step by step.',
      fillers: ['12|7|35.50', '3|150|1,200', '48|2|0.75'] },
    { template: 'Write a Python function that does the following, then explain its time complexity and test it with two examples:\n```\n{}\n```',
      fillers: ['def add(a, b):\n    return a + b', 'for i in range(10):\n    print(i * i)', 'class Stack:\n    pass'] },
    { template: 'Rate the answer below from 1 to 10 for correctness and clarity, and justify each score in one sentence.\nAnswer: "{}"',
      fillers: ['Paris is the capital of France.', 'The derivative of x squared is 2x.', 'Water boils at 100 degrees at sea level.'] },
    { template: 'Translate the following sentence into Spanish and explain any idioms it contains: "{}"',
      fillers: ['It is raining cats and dogs.', 'Break a leg tonight!', 'The early bird catches the worm, as they say.'] },
    { template: 'Think carefully and reason step by step before answering. Show all intermediate reasoning, then give the final answer in bold.\n\nQuestion: {}',
      fillers: ['Why is the sky blue during the day but red at sunset?', 'What happens to the boiling point of water at high altitude, and why?', 'How does a vaccine train the immune system to recognise a virus?'] },
  ];
  for (const row of rows) {
    it(`collides fills of: ${row.template.slice(0, 40)}…`, () => {
      const prints = row.fillers.map((f) => {
        const parts = f.split('|');
        let k = 0;
        return fp(row.template.replace(/\{\}/g, () => parts[k++] ?? parts[0] ?? ''));
      });
      for (let i = 0; i < prints.length; i++) {
        for (let j = i + 1; j < prints.length; j++) assert.ok(collide(prints[i]!, prints[j]!), `fillers ${i} and ${j}`);
      }
    });
  }

  // The shared question itself still matches at the tail (te8:), which is right: it is the same content.
  it('keeps the wrapper views of different templates around one filler apart', () => {
    const q = 'How many legs do three spiders and two ants have together?';
    const a = fp(`Solve the following problem. Articulate your internal reasoning step by step before the final answer:\n${q}`);
    const b = fp(`Translate into Japanese, preserving numbers exactly, and do not answer the question itself:\n${q}`);
    assert.ok(!a.lshKeys.some((k) => k.startsWith('h') && b.lshKeys.includes(k)));
    assert.ok(estimateJaccard(a.minhash, b.minhash) < 0.8);
  });

  it('masks numbers, money, quotes, code, urls, emails, ids and names in the skeleton', () => {
    const { skeleton } = fingerprintText('Ask Maria to pay $1,299.50 or 3/4 of it, see https://x.example/a?b=1 or mail bob@example.com about order 8f3a9c21d7, then run `npm test` and reply "done now".');
    assert.equal(skeleton, 'ask <name> to pay <num> or <num> of it, see <url> or mail <email> about order <id>, then run <code> and reply <quote>.');
  });

  it('gives no key for empty, tiny or placeholder-only text', () => {
    assert.deepEqual(fp('').lshKeys, []);
    assert.deepEqual(fp('hi there').lshKeys, []);
    assert.deepEqual(fp('12 + 34 = 46, "x" `y` 7.5').lshKeys, []);
    assert.equal(fp('').minhash.length, 0);
  });

  it('fingerprints the system prompt separately', () => {
    const system = 'You are a meticulous math tutor. Always reason step by step and verify your final answer.';
    const a = fp('What is 17 times 23?', system);
    const b = fp('Is 91 a prime number?', system);
    assert.ok(a.lshKeys.some((k) => k.startsWith('s') && b.lshKeys.includes(k)));
  });

  it('reports a 64-bit SimHash and a 64-bin MinHash', () => {
    const f = fp('Summarize this article in three bullet points for a busy executive reader.');
    assert.match(f.simhash, /^[0-9a-f]{16}$/);
    assert.equal(f.minhash.length, 64);
    assert.equal(estimateJaccard(f.minhash, f.minhash), 1);
  });

  it('costs bounded time on a huge prompt full of stray quotes and backticks', () => {
    const start = performance.now();
    fp('“ ` « '.repeat(200_000) + 'x');
    fp('word '.repeat(200_000));
    assert.ok(performance.now() - start < 250);
  });
});
