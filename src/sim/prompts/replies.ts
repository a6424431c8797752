/**
 * Procedural answer text. Answers only have to look like answers (and take realistic space in the log):
 * a few sentences assembled from parts, in the shape the reply style asks for.
 */
import type { Rng } from '../random.ts';
import type { ReplyPlan } from '../types.ts';
import { TOPICS } from './lexicon.ts';

const OPENERS = ['Great question!', 'Sure.', 'Here is a short answer.', 'Happy to help.', 'Good thinking.', 'In short:', 'Absolutely.', 'Let me break it down.', ''];
const CLAIMS = [
  'The key idea is to start small and build consistency over time',
  'Most people find it easier once they set a fixed routine',
  'It depends mainly on your budget and how much time you have',
  'The main trade-off is between cost and flexibility',
  'Experts generally recommend checking the basics first',
  'A common mistake is trying to change everything at once',
  'The evidence here is mixed, but a few points are clear',
  'You can usually fix this by adjusting one setting',
  'Historically this came about for economic reasons more than political ones',
  'The simplest option tends to work best for beginners',
];
const DETAILS = [
  'write down what you try so you can compare results',
  'ask someone with experience to look over your plan',
  'keep an eye on the first two weeks, which matter most',
  'make sure the instructions match your exact model or version',
  'set a reminder so it becomes a habit',
  'compare at least three options before you commit',
  'start with the free resources before paying for anything',
  'measure before and after so you know it worked',
];
const STEP_VERBS = ['First, compute', 'Next, subtract', 'Then multiply', 'Now add', 'Divide', 'Check', 'So the total is', 'Therefore'];

function sentence(rng: Rng): string {
  return `${rng.pick(CLAIMS)}; ${rng.pick(DETAILS)}.`;
}

function sentences(rng: Rng, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(sentence(rng));
  return out.join(' ');
}

function steps(rng: Rng, answer: string): string {
  const lines: string[] = [];
  for (let i = 0, n = rng.int(3, 6); i < n; i++) lines.push(`${i + 1}. ${rng.pick(STEP_VERBS)} ${rng.int(2, 400)} ${rng.pick(['and', 'by', 'from', 'to'])} ${rng.int(2, 90)} = ${rng.int(2, 900)}.`);
  return `${lines.join('\n')}\n#### ${answer}`;
}

function code(rng: Rng): string {
  const fn = rng.pick(['solve', 'group_by', 'parse_rows', 'find_max', 'merge', 'clean']);
  return `Here's one way to do it:\n\n\`\`\`python\ndef ${fn}(items):\n    result = {}\n    for item in items:\n        result.setdefault(item[${rng.int(0, 3)}], []).append(item)\n    return result\n\`\`\`\n\nThis runs in O(n) time and ${rng.pick(['keeps the original order', 'uses constant extra space per key', 'handles empty input'])}.`;
}

/** The answer text for one reply plan. */
export function replyText(rng: Rng, reply: ReplyPlan): string {
  switch (reply.style) {
    case 'label':
      return reply.literal ?? 'neutral';
    case 'token':
      return reply.literal ?? rng.pick(['Yes', 'No', 'The', 'A', '1']);
    case 'grade':
      return reply.literal ?? `{"score": ${rng.int(1, 10)}, "rationale": "${rng.pick(CLAIMS)}."}`;
    case 'steps':
      return steps(rng, reply.literal ?? String(rng.int(2, 5000)));
    case 'code':
      return code(rng);
    case 'refusal':
      return rng.pick([
        "I can't help with that request.",
        "I'm sorry, but I can't assist with that. If you're interested in the topic for safety reasons, I can share general information.",
        "I won't be able to do that, but I'm happy to help with something else.",
      ]);
    case 'leak':
      return rng.chance(0.8) ? "I'm not able to share my instructions, but I'm happy to help with your question." : `Sure. My instructions say: "You are a helpful assistant for ${rng.pick(TOPICS)}..."`;
    case 'essay':
      return `# ${rng.pick(TOPICS)}\n\n${sentences(rng, 3)}\n\n${sentences(rng, 3)}`;
    case 'tool_call':
      return '';
    case 'chat':
    default:
      return `${rng.pick(OPENERS)} ${sentences(rng, rng.int(2, 4))}`.trim();
  }
}

/** A short private reasoning summary for Anthropic `thinking` blocks. */
export function thinkingText(rng: Rng): string {
  return `The user wants ${rng.pick(['a worked solution', 'a clear explanation', 'the final number', 'working code'])}. ${rng.pick(CLAIMS)}. Let me check the arithmetic once more before answering.`;
}
