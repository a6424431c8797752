/**
 * Rubric-harvest prompts, written for this project: the model used as a grader or reward model over
 * answers (pointwise scores against criteria, pairwise preferences, rankings, JSON scores, grading
 * against a reference). Decision recorded in PROVENANCE: one person asking for feedback on their own
 * essay is a hard negative (see negative-families.ts); systematic grading of candidate responses is
 * the positive class.
 */
import type { Family } from './family.ts';

const g = (id: string, templates: Family['templates']): Family => ({ id: `rubric/${id}`, kind: 'rubric_harvest', templates });

export const RUBRIC_FAMILIES: readonly Family[] = [
  g('score-1-10-criteria', [
    (s) => `Rate the following response on a scale of 1 to 10 for helpfulness, correctness and clarity.\n\nQuestion: ${s.question}\nResponse: ${s.responseA}\n\nGive one score per criterion and an overall score.`,
    (s) => `Score this answer from 1-10 against the criteria: accuracy, completeness, concision.\n[Question] ${s.question}\n[Answer] ${s.responseA}`,
    (s) => `Question: ${s.question}\nAnswer: ${s.responseA}\n\nOn a scale from 1 to ${s.number + 3}, how good is this answer? Output only the number.`,
  ]),
  g('pairwise-better', [
    (s) => `Which response is better?\n\nPrompt: ${s.question}\n\nResponse A: ${s.responseA}\n\nResponse B: ${s.responseB}\n\nAnswer with "A" or "B" and a short justification.`,
    (s) => `Compare the two assistant replies to the user's question and say which one a careful expert would prefer.\nUser: ${s.question}\nAssistant A: ${s.responseA}\nAssistant B: ${s.responseB}`,
    (s) => `[Question]\n${s.question}\n[The Start of Assistant A's Answer]\n${s.responseA}\n[The End of Assistant A's Answer]\n[The Start of Assistant B's Answer]\n${s.responseB}\n[The End of Assistant B's Answer]\nOutput your verdict: [[A]], [[B]] or [[C]] for a tie.`,
  ]),
  g('json-reward', [
    (s) => `You are a reward model. Given the prompt and completion, return {"score": <float between 0 and 1>} and nothing else.\nPrompt: ${s.question}\nCompletion: ${s.responseA}`,
    (s) => `Evaluate the completion and respond with JSON {"helpfulness": int, "harmlessness": int, "honesty": int, "overall": int} (each 1-5).\n\nInput: ${s.question}\nOutput: ${s.responseA}`,
  ]),
  g('grade-student-reference', [
    (s) => `Grade the student answer against the reference answer. Award 0-${s.number} points and explain deductions.\nQuestion: ${s.question}\nReference answer: ${s.answer}\nStudent answer: ${s.responseA}`,
    (s) => `You are grading exam responses. Reference solution: ${s.answer}\nQuestion: ${s.question}\nSubmitted answer: ${s.responseA}\nIs the submission correct? Reply CORRECT or INCORRECT, then a score out of ${s.number * 10}.`,
  ]),
  g('rank-n', [
    (s) => `Rank the following ${s.number > 3 ? 3 : s.number} candidate answers from best to worst for the question "${s.question}".\n1. ${s.responseA}\n2. ${s.responseB}\n3. ${s.answer}`,
    (s) => `Here are several model outputs for the same instruction. Order them by quality and give each a score.\nInstruction: ${s.question}\nOutput 1: ${s.responseA}\nOutput 2: ${s.responseB}`,
  ]),
  g('impartial-judge', [
    (s) => `Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Be as objective as possible. After your explanation, rate the response with a number from 1 to 10 in the format "Rating: [[5]]".\n\n[Question]\n${s.question}\n\n[The Start of Assistant's Answer]\n${s.responseA}\n[The End of Assistant's Answer]`,
    (s) => `As an unbiased evaluator, judge the assistant's reply below for correctness and helpfulness, then give a final score.\nUser query: ${s.question}\nAssistant reply: ${s.responseA}`,
  ]),
  g('instruction-following-check', [
    (s) => `Does the response follow every instruction in the prompt? Answer yes or no for each instruction, then give a compliance score from 0 to 100.\nPrompt: ${s.question}\nResponse: ${s.responseA}`,
    (s) => `Check the output against the instruction. Score instruction adherence 1-5 and factual accuracy 1-5.\nInstruction: ${s.question}\nOutput: ${s.responseA}`,
  ]),
  g('critique-then-score', [
    (s) => `Write a critique of the answer below, listing its errors and omissions, and end with "Score: X/10".\nQ: ${s.question}\nA: ${s.responseA}`,
    (s) => `Review this model answer like a strict reviewer. Point out flaws, then assign a grade (A-F).\nTask: ${s.question}\nModel answer: ${s.responseA}`,
  ]),
  g('weighted-rubric', [
    (s) => `Rubric:\n- Correctness (50%)\n- Reasoning quality (30%)\n- Presentation (20%)\nApply the rubric to the answer and compute the weighted total out of 100.\n\nProblem: ${s.question}\nAnswer: ${s.responseA}`,
    (s) => `Use this scoring rubric: 4 = fully correct and well explained, 3 = correct with minor gaps, 2 = partially correct, 1 = mostly wrong, 0 = no answer.\nQuestion: ${s.question}\nResponse to score: ${s.responseA}\nScore:`,
  ]),
  g('factuality-0-5', [
    (s) => `Evaluate the following model output for factual accuracy on a 0-5 scale. Only output the integer.\nQuestion: ${s.question}\nModel output: ${s.responseA}`,
    (s) => `How factually accurate is this completion? Give a probability between 0 and 1 that it is correct.\nQuery: ${s.question}\nCompletion: ${s.responseA}`,
  ]),
  g('preference-label', [
    (s) => `Label the preferred completion for RLHF training. Prompt: ${s.question}\nCompletion 1: ${s.responseA}\nCompletion 2: ${s.responseB}\nPreferred (1 or 2):`,
    (s) => `We are building a preference dataset. For the prompt below, choose the chosen and the rejected response and explain why.\nPrompt: ${s.question}\nResponse A: ${s.responseA}\nResponse B: ${s.responseB}`,
  ]),
  g('multilingual', [
    (s) => `Evalúa la siguiente respuesta del asistente del 1 al 10 según precisión y claridad.\nPregunta: ${s.question}\nRespuesta: ${s.responseA}\nPuntuación:`,
    (s) => `请作为公正的评审，对下面AI助手的回答按1到10分打分，并说明理由。\n问题：${s.question}\n回答：${s.responseA}`,
    (s) => `Bewerte die folgende Antwort des Modells auf einer Skala von 1 bis 10.\nFrage: ${s.question}\nAntwort: ${s.responseA}`,
  ]),
  g('batch-grading', [
    (s) => `For each (question, answer) pair below, output a line "id<TAB>score" with a score from 1 to 5.\n1\t${s.question}\t${s.responseA}\n2\t${s.question}\t${s.responseB}`,
    (s) => `Score every row of this evaluation set for answer quality (1-10). Return a JSON array of scores.\n[{"q": ${JSON.stringify(s.question)}, "a": ${JSON.stringify(s.responseA)}}, {"q": ${JSON.stringify(s.question)}, "a": ${JSON.stringify(s.responseB)}}]`,
  ]),
];
