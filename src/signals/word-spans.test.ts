import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NormalizedRequest } from '../protocol/types.ts';
import { capability } from './capability.ts';
import { templateOf } from './template.ts';
import { requestText } from './text/request-text.ts';
import type { RequestText, TemplateFingerprint } from './types.ts';
import { userCasedWords } from './word-spans.ts';

function textOf(user: string): RequestText {
  const req: NormalizedRequest = { family: 'openai', kind: 'chat_completions', stream: false, system: '', turns: [{ role: 'user', text: user }], tools: [], params: {} };
  return requestText(req);
}

function capabilityOf(text: RequestText): void {
  capability({ family: 'openai', kind: 'chat_completions', stream: false, system: '', turns: [], tools: [], params: {} }, text);
}

function recorded(): string[] {
  const words: string[] = [];
  for (let k = 0; k < userCasedWords.count; k++) {
    words.push(`${userCasedWords.text.slice(userCasedWords.starts[k], userCasedWords.ends[k])}/${userCasedWords.digits[k]}`);
  }
  return words;
}

function fields(f: TemplateFingerprint): unknown {
  return { minhash: Array.from(f.minhash), simhash: f.simhash, lshKeys: f.lshKeys, skeleton: f.skeleton };
}

describe('word spans', () => {
  it('hold the plain words of the cased user text the capability scan read', () => {
    capabilityOf(textOf("Don't use snake_case, café or x2y9; call fooBar 42 times"));
    assert.deepEqual(recorded(), ['Don/0', 't/0', 'use/0', 'or/0', 'x2y9/2', 'call/0', 'fooBar/0', 'times/0']);
  });

  it('give the template the fingerprint its own tokenizer gives', () => {
    const texts = [
      "Don't stop: it's John's turn, rock 'n' roll, the '90s and l'été à Paris",
      'Email jane.doe@example.com or visit https://example.com/x?y=1 and www.Example.org today, Maria',
      'Order A1B2C3D4E5 costs $1,299.50 (12kg) on 3/4; snake_case and camelCase and __init__ stay words',
      'Write a Python function:\n```\ndef f(xs):\n    return sum(xs)\n```\nThen say "hello world" and `inline` code',
      'naïve café — “quoted” résumé… Ünïcödé words×2 and em—dash joined words, Straße, ΑΣ Σ, İstanbul',
      'He said: Tom went to NASA with an iPhone. McDonald and I saw Lena at 10am, gpt4 and mp3s',
    ];
    for (const user of texts) {
      const text = textOf(user);
      capabilityOf(textOf('something else entirely, so that no spans of this text are held'));
      const own = fields(templateOf(text));
      capabilityOf(text);
      assert.equal(userCasedWords.text, text.userCased);
      assert.deepEqual(fields(templateOf(text)), own, user);
    }
  });
});
