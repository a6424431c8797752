import assert from 'node:assert/strict';
import { test } from 'node:test';
import { userTurn } from './classifier/signal-test-helpers.ts';
import { reasoningElicitation } from './reasoning-elicitation.ts';

const score = (s: string): number => {
  const { req, text } = userTurn(s);
  return reasoningElicitation(req, text);
};

test('reasoning_elicitation: wrappers that ask for the reasoning itself score high', () => {
  for (const s of [
    'A shop sells pens at $3 each. How much do 7 pens cost? Before the answer, write your complete thought process inside <thinking></thinking> tags.',
    'Here is a question and its final answer. Imagine and articulate the internal reasoning behind this completed response and write it out step by step.\nQ: what is 12*13?\nA: 156',
    'Please think in Japanese while you reason, and show me that reasoning before answering: why is the sky blue?',
    'Explique paso a paso tu razonamiento interno completo antes de responder: ¿cuántos días tiene un año bisiesto?',
  ]) assert.ok(score(s) > 0.5, `${score(s).toFixed(3)} for ${s}`);
});

test('reasoning_elicitation: bare problems and procedural "step by step" stay low', () => {
  for (const s of [
    'Natalie has 14 marbles and gives away 5. How many marbles does she have left?',
    'Explain step by step how to bake bread.',
    'Write a Python function that merges two sorted lists.',
    'What was the reasoning behind the founding of the United Nations?',
  ]) assert.ok(score(s) < 0.5, `${score(s).toFixed(3)} for ${s}`);
});
