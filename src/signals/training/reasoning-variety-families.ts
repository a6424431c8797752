/**
 * More ways of harvesting reasoning, written for this project from public descriptions of how reasoning
 * datasets are generated from a teacher model: delimited thinking sections (begin/end markers, "Thought:"
 * then "Final answer:"), long "systematic thinking" preambles that list the moves to make (analyse,
 * explore, reassess, backtrack), option-by-option elimination on multiple-choice banks, a teacher role in a
 * distillation pipeline, and thinking demands written in the languages most harvesting traffic uses.
 *
 * The hard negatives are ordinary requests with the same vocabulary: translating a problem (not solving
 * it), journaling and quotes about thoughts, the reasoning of a court, an author or a policy, and asking
 * for the answer only.
 */
import { pick, shuffleInPlace, type Rng } from '../classifier/rng.ts';
import { maybe, sentences, type Family, type Slots } from './family.ts';

const r = (id: string, templates: Family['templates']): Family => ({ id: `reasoning/variety-${id}`, kind: 'reasoning_elicitation', templates });
const n = (id: string, templates: Family['templates']): Family => ({ id: `negative/reasoning-variety-${id}`, kind: 'negative', templates });

// ---- delimited thinking ----------------------------------------------------------------------------------

const THINKING_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['<|begin_of_thought|>', '<|end_of_thought|>'],
  ['[THOUGHT]', '[/THOUGHT]'],
  ['<reasoning>', '</reasoning>'],
  ['### Thinking', '### Answer'],
  ['BEGIN REASONING', 'END REASONING'],
  ['<<think>>', '<</think>>'],
  ['Thought:', 'Final answer:'],
  ['{{chain_of_thought}}', '{{/chain_of_thought}}'],
];
const THINKING_CONTENT = ['your complete thinking', 'every step of your reasoning', 'the full thought process', 'all of your intermediate reasoning', 'your whole internal deliberation', 'the reasoning you actually used'];

function delimitedThinking(s: Slots, rng: Rng): string {
  const [open, close] = pick(rng, THINKING_MARKERS);
  const layout = pick(rng, [
    `Structure the reply in two parts: ${open} ${pick(rng, THINKING_CONTENT)} ${close}, then the answer.`,
    `Write ${pick(rng, THINKING_CONTENT)} between ${open} and ${close}; only after ${close} give the final answer.`,
    `Output format (strict): ${open}\n<${pick(rng, THINKING_CONTENT)}>\n${close}\n<final answer>`,
    `Every response must start with ${open}, contain ${pick(rng, THINKING_CONTENT)}, and close it with ${close} before the answer.`,
  ]);
  return rng() < 0.5 ? `${layout}\n\n${s.question}` : `${s.question}\n\n${layout}`;
}

// ---- systematic long thinking ------------------------------------------------------------------------------

const THINKING_MOVES = ['analysing the question', 'summarising what is known', 'exploring possible approaches', 'brainstorming', 'checking each step', 'reassessing earlier steps', 'reflecting on mistakes', 'backtracking when an approach fails', 'iterating until confident', 'verifying the result'];

function movesList(rng: Rng): string {
  const moves = [...THINKING_MOVES];
  shuffleInPlace(rng, moves);
  return moves.slice(0, 3 + Math.floor(rng() * 4)).join(', ');
}

function systematicThinking(s: Slots, rng: Rng): string {
  const role = pick(rng, ['As an assistant, your role is to', 'Your task is to', 'You must', 'For each question you']);
  return sentences(
    `${role} work through the question with a long, systematic thinking process (${movesList(rng)}) before giving a final, precise solution.`,
    pick(rng, [
      'Split the response into a Thought section and a Solution section.',
      'Write the whole thinking process first, with each step separated by a blank line, then the solution.',
      'The thinking section must be detailed; the solution section must be concise and final.',
      'Do not shorten the thought section, however long it gets.',
    ]),
    maybe(rng, 0.4, 'Now try to solve the following question through the above guidelines:'),
    `\n${s.question}`,
  );
}

// ---- multiple choice, option by option -------------------------------------------------------------------

const OPTION_LABELS: ReadonlyArray<readonly string[]> = [['A)', 'B)', 'C)', 'D)'], ['(a)', '(b)', '(c)', '(d)'], ['1.', '2.', '3.', '4.'], ['A.', 'B.', 'C.', 'D.', 'E.']];
/** An answer that is a number, with a currency sign before it or a unit after it ("42", "$12.34", "23 km", "7 days"). */
const NUMERIC_ANSWER = /^(\$?)(\d+(?:\.\d+)?)((?: ?[a-z%^0-9]+)?)$/i;
/** What a distractor adds to the answer: a wrong option is a near miss, a doubling or an order of magnitude off. */
const DISTRACTOR_STEPS = [1, 2, 3, 5, 10];

/**
 * Answer options for a question whose answer is a number, one per line: that answer among wrong numbers in the same
 * unit. Undefined for any other answer (code, an explanation, a stand-in): options made up around those would not
 * be a multiple-choice question.
 */
function answerOptions(s: Slots, rng: Rng): string | undefined {
  const match = NUMERIC_ANSWER.exec(s.answer.trim());
  if (match === null) return undefined;
  const [, before = '', digits = '0', after = ''] = match;
  const value = Number(digits);
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const labels = pick(rng, OPTION_LABELS);
  const wrong = DISTRACTOR_STEPS.map((step) => (rng() < 0.5 && value - step >= 0 ? value - step : value + step));
  wrong.push(value * 2 + 1);
  const shown = [...new Set([value, ...wrong].map((v) => v.toFixed(decimals)))].slice(0, labels.length);
  shuffleInPlace(rng, shown);
  return shown.map((choice, k) => `${labels[k]} ${before}${choice}${after}`).join('\n');
}

function optionByOption(s: Slots, rng: Rng): string {
  const options = answerOptions(s, rng);
  if (options === undefined) {
    // No options to weigh: the same demand made of the ways to solve it.
    return `${s.question}\n${pick(rng, [
      'Consider at least three different ways to approach this, explain for each why you would keep or rule it out, then solve it the best way.',
      'List the possible approaches, reason about each one explicitly, eliminate the weaker ones with justification, and only then give your solution.',
    ])}`;
  }
  const demand = pick(rng, [
    'Go through each option one at a time and explain your reasoning for keeping or ruling it out before choosing.',
    'For every choice, write why it is right or wrong, then state the correct one.',
    'Reason about all the options explicitly, eliminate the wrong ones with justification, and only then answer.',
    'Before naming the answer, justify in writing why each of the other options is incorrect.',
  ]);
  return `${s.question}\n${options}\n${demand}`;
}

// ---- teacher role --------------------------------------------------------------------------------------

function teacherRole(s: Slots, rng: Rng): string {
  return sentences(
    pick(rng, [
      'You are the teacher model in a knowledge-distillation pipeline.',
      'You are generating supervision for a smaller student model.',
      'Your outputs will be used to fine-tune a student model.',
      'Act as the teacher whose solutions a student model will imitate.',
    ]),
    pick(rng, [
      'Write out every reasoning step explicitly so the student can learn how to think, not just what to answer.',
      'Produce a solution with the complete chain of reasoning visible, then the final answer.',
      'Never skip a step: the student learns from the reasoning, so show all of it.',
      'Give a detailed rationale first and the answer last, in a format that is easy to parse.',
    ]),
    `\n${s.question}`,
  );
}

// ---- thinking demands in other languages ----------------------------------------------------------------

const FOREIGN_THINKING_DEMANDS = [
  '请一步一步地思考，并把完整的推理过程写出来，最后再给出答案。',
  '先把你的思考过程完整写出来，再给出最终答案。',
  '回答之前，请详细展示你的每一步推理。',
  '段階的に考え、その思考過程をすべて書き出してから答えてください。',
  '最終的な答えの前に、推論の過程を詳しく示してください。',
  '단계별로 생각하고 전체 추론 과정을 모두 적은 다음 답하세요.',
  'Подробно распиши ход своих рассуждений шаг за шагом, а затем дай ответ.',
  'Lege deinen vollständigen Denkprozess Schritt für Schritt offen, bevor du antwortest.',
  'Explique tout ton raisonnement étape par étape avant de donner la réponse finale.',
  'Muestra todo tu razonamiento paso a paso antes de la respuesta final.',
  'Mostre todo o seu raciocínio passo a passo antes da resposta final.',
  'Prima di rispondere, scrivi per intero il tuo ragionamento passo dopo passo.',
];

// ---- hard negatives ---------------------------------------------------------------------------------------

const TRANSLATE_ASKS = ['翻译成英文：', '请把下面这段话翻译成中文：', '次の文章を英訳してください：', '다음 문장을 영어로 번역해 주세요: ', 'Переведи на английский: ', 'Traduis en anglais : ', 'Translate into Spanish:', 'Translate this to German, keep the numbers as they are:'];
const THOUGHT_SUBJECTS = [
  (s: Slots) => `I want to journal tonight. Give me five prompts to help me write down my thoughts about ${s.topic}.`,
  () => 'Write ten short quotes about positive thoughts, two lines each.',
  (s: Slots) => `What are your thoughts on using ${s.topic} in a small business?`,
  () => 'My therapist said writing my thoughts down before bed helps. How do I start a thought journal?',
  (s: Slots) => `Help me write a short reflection on what I learned about ${s.topic} this week.`,
  () => 'Suggest a thoughtful birthday gift for my grandmother who loves gardening.',
];
const OTHERS_REASONING = [
  'Summarise the court\'s reasoning in Brown v. Board of Education.',
  'What is the reasoning behind daylight saving time?',
  'Explain the author\'s line of argument in "The Tragedy of the Commons" and whether it holds up.',
  'Why did the central bank raise interest rates? Explain their reasoning for a general audience.',
  'What was the reasoning behind splitting the company into two divisions?',
  'Outline the economic reasoning for and against a minimum wage increase.',
];

export const REASONING_VARIETY_FAMILIES: readonly Family[] = [
  r('delimited-thinking', [delimitedThinking]),
  r('systematic-thinking', [systematicThinking]),
  r('option-by-option', [optionByOption]),
  r('teacher-role', [teacherRole]),
  r('foreign-thinking-demands', [(s, rng) => (rng() < 0.5 ? `${s.question}\n\n${pick(rng, FOREIGN_THINKING_DEMANDS)}` : `${pick(rng, FOREIGN_THINKING_DEMANDS)}\n${s.question}`)]),
  n('translate-a-problem', [(s, rng) => `${pick(rng, TRANSLATE_ASKS)}${rng() < 0.5 ? ' ' : '\n'}${s.question}`]),
  n('thoughts-and-journaling', [(s, rng) => pick(rng, THOUGHT_SUBJECTS)(s)]),
  n('others-reasoning', [(_s, rng) => pick(rng, OTHERS_REASONING)]),
  n('answer-only', [
    (s, rng) => `${s.question}\n${pick(rng, ['Just give me the final answer, no explanation.', 'Only the answer please, skip the working.', 'Answer with a single number.', 'No need to explain, I only need the result.'])}`,
    (s, rng) => {
      const options = answerOptions(s, rng);
      return options === undefined ? `${s.question}\nJust the result, please.` : `${s.question}\n${options}\nReply with the letter of the correct option only.`;
    },
  ]),
];
