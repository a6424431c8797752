import assert from 'node:assert/strict';
import { test } from 'node:test';
import { userTurn } from './classifier/signal-test-helpers.ts';
import { rubricHarvest } from './rubric-harvest.ts';

const score = (s: string): number => {
  const { req, text } = userTurn(s);
  return rubricHarvest(req, text);
};

test('rubric_harvest: grading candidate responses scores high', () => {
  for (const s of [
    'You are an impartial judge. Rate the assistant response below from 1 to 10 for helpfulness and accuracy.\nQuestion: What is DNS?\nResponse: DNS maps names to IP addresses.',
    'Which answer is better, A or B?\nPrompt: name a prime number\nAnswer A: 4\nAnswer B: 7',
    'Return {"score": float} judging how well the completion answers the prompt.\nPrompt: capital of Italy\nCompletion: Rome',
  ]) assert.ok(score(s) > 0.5, `${score(s).toFixed(3)} for ${s}`);
});

test('rubric_harvest: feedback on one\'s own work and ranking things stay low (documented decision)', () => {
  for (const s of [
    'Can you grade my essay on climate change and tell me how to improve the introduction?',
    'Rank these cities by population: Lagos, Cairo, Nairobi.',
    'Create a rubric for a middle school book report.',
  ]) assert.ok(score(s) < 0.5, `${score(s).toFixed(3)} for ${s}`);
});
