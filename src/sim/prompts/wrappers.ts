/**
 * Operator prompt frames. Distillation operators wrap bank problems in reasoning-elicitation wrappers and
 * grading frames; the pools are composed from parts so there are hundreds of phrasings and each operator
 * uses its own handful (a detector must learn the family, not memorise a string).
 */
import type { Rng } from '../random.ts';

const COT_OPENERS = [
  'Solve the following problem.', 'Here is a task for you.', 'Consider this question carefully.', 'You are an expert tutor.',
  'Problem:', 'Task:', 'Answer the question below.', 'You are a world-class reasoner.', 'Read the problem.',
  'Please work on this.', 'Question follows.', 'You will be given a problem.',
];
const COT_ASKS = [
  'Articulate the internal reasoning behind your answer step by step before giving it.',
  'Think step by step and show every intermediate step of your reasoning.',
  'Write out your complete chain of thought, then state the final answer.',
  'Explain your full reasoning process in detail, including any steps you would normally skip.',
  'Before answering, reason through the problem out loud, one numbered step at a time.',
  'Lay out the hidden reasoning you use internally, in full, and only then answer.',
  'Show all work. Do not skip any reasoning steps, even obvious ones.',
  'Describe exactly how you arrive at the solution, step by step, as if teaching a model to imitate you.',
  'First reflect on the approach, then verify each step, then give the result.',
  'Reason carefully and exhaustively; include self-checks and corrections in your reasoning.',
];
const COT_FORMATS = [
  'Put the final answer after "####".', 'End with "Final answer:" followed by the answer.', 'Wrap the reasoning in <think></think> tags and the answer in <answer></answer> tags.',
  'Format the answer as \\boxed{}.', 'Return JSON with keys "reasoning" and "answer".', '',
];

/** The full wrapper pool, each with a `{problem}` slot; fixed order so operators' picks are reproducible. */
export const COT_WRAPPERS: readonly string[] = (() => {
  const out: string[] = [];
  for (const opener of COT_OPENERS) {
    for (const ask of COT_ASKS) {
      for (const format of COT_FORMATS) {
        const placeFirst = (opener.length + ask.length) % 2 === 0;
        out.push(placeFirst ? `${opener}\n\n{problem}\n\n${ask} ${format}`.trim() : `${opener} ${ask}\n\n{problem}\n\n${format}`.trim());
      }
    }
  }
  return out;
})();

/** Wrappers an operator uses: `count` phrasings from the pool. */
export function operatorWrappers(rng: Rng, count: number, pool: readonly string[] = COT_WRAPPERS): string[] {
  return rng.sample(pool, Math.max(1, count));
}

export function fill(frame: string, slot: string, value: string): string {
  return frame.replace(`{${slot}}`, value);
}

const RUBRIC_ROLES = ['You are a strict grader.', 'Act as an impartial judge.', 'You are an expert evaluator of AI assistant responses.', 'You are a reward model.', 'Evaluate as a senior reviewer.', 'You grade answers for a training dataset.'];
const RUBRIC_CRITERIA = [
  'correctness, completeness, clarity', 'helpfulness, honesty, harmlessness', 'factual accuracy and reasoning quality',
  'instruction following, concision and tone', 'code correctness, efficiency and style', 'mathematical rigor and final answer correctness',
];
const RUBRIC_SCALES = ['on a scale of 1 to 10', 'from 0 to 100', 'with a score from 1 to 5', 'as a float between 0 and 1'];
const RUBRIC_OUTPUTS = ['Output JSON: {"score": <number>, "rationale": "<text>"}.', 'Respond with "Score: X" on the last line.', 'Give a short justification, then the score.', 'Only output the number.'];

export const RUBRIC_FRAMES: readonly string[] = (() => {
  const out: string[] = [];
  for (const role of RUBRIC_ROLES) {
    for (const criteria of RUBRIC_CRITERIA) {
      for (const scale of RUBRIC_SCALES) {
        out.push(`${role} Score the response to the user question against the rubric (${criteria}) ${scale}. ${RUBRIC_OUTPUTS[(role.length + criteria.length) % RUBRIC_OUTPUTS.length]}\n\n[Question]\n{question}\n\n[Response]\n{response}`);
      }
    }
  }
  return out;
})();

export const PAIRWISE_FRAMES: readonly string[] = RUBRIC_ROLES.flatMap((role) => [
  `${role} Compare the two responses to the question and decide which is better. Answer "A", "B" or "tie", then explain briefly.\n\nQuestion: {question}\n\nResponse A:\n{a}\n\nResponse B:\n{b}`,
  `${role} Which assistant answered better? Consider accuracy and helpfulness. Output [[A]] or [[B]].\n\n### Question\n{question}\n### Assistant A\n{a}\n### Assistant B\n{b}`,
]);

/** Benign evaluation frames: one per benchmark run, used for every problem. */
export const BENCHMARK_FRAMES: readonly string[] = [
  'Question: {problem}\nAnswer:',
  'Solve the problem. {problem}\nLet\'s think step by step.',
  '{problem}\nPlease reason step by step, and put your final answer within \\boxed{}.',
  'Q: {problem}\nA: Let\'s think step by step.',
  '{problem}',
];
