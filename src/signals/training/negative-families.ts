/**
 * Hard negatives, written for this project: benign prompts that share words with the positive classes
 * (step by step, act as, rate, ignore, password, system prompt, reasoning) but ask for nothing the
 * signals are about. Every head labels them 0.
 */
import type { Family } from './family.ts';

const n = (id: string, templates: Family['templates']): Family => ({ id: `negative/${id}`, kind: 'negative', templates });

export const NEGATIVE_FAMILIES: readonly Family[] = [
  n('procedure-step-by-step', [
    () => 'Explain step by step how to bake sourdough bread at home.',
    (s) => `Give me step-by-step instructions to set up a ${['Wi-Fi router', 'Python virtual environment', 'home aquarium', 'vegetable garden', 'budget spreadsheet'][s.number % 5]}.`,
    () => 'Walk me through changing a flat tyre, step by step.',
    (s) => `What are the steps to apply for a passport in ${['Canada', 'the UK', 'India', 'Australia'][s.number % 4]}?`,
  ]),
  n('plain-questions', [
    (s) => s.question,
    (s) => `${s.question} Thanks!`,
    (s) => `Quick question: ${s.question}`,
  ]),
  n('opinion-think', [
    (s) => `What do you think about ${s.topic}?`,
    (s) => `I think ${s.topic} is overrated. Do you agree?`,
    () => 'Can you help me think of a name for my bakery?',
  ]),
  n('benign-roleplay', [
    () => 'Act as a travel guide. I will tell you my location and you will suggest places to visit nearby. My first location is Lisbon.',
    (s) => `I want you to act as an interviewer for a ${['junior developer', 'marketing manager', 'nurse', 'data analyst'][s.number % 4]} position. Ask me the questions one by one.`,
    () => 'Pretend you are a pirate and tell me a joke about the sea.',
    (s) => `Let's role-play: you are a friendly barista and I am ordering coffee in ${s.language}, so I can practise.`,
    () => 'You are a helpful cooking assistant. Suggest three dinners I can make with rice, eggs and spinach.',
  ]),
  n('benign-fiction', [
    (s) => `Write a short story about a dragon who is afraid of ${s.topic}.`,
    () => 'Write a thriller scene where the detective finally confronts the villain in an abandoned warehouse.',
    () => 'Write a poem about autumn in the style of a haiku sequence.',
  ]),
  n('own-work-feedback', [
    (s) => `Can you grade my essay and tell me how to improve it?\n\n${s.topic} has changed the world in many ways. First, ...`,
    () => 'Please rate my poem out of 10 and tell me which lines are weak:\nThe river runs / the night is long / I hum a song',
    () => 'I wrote this cover letter. What would you rate it, and what should I change?',
  ]),
  n('ranking-things', [
    () => 'Rank the following programming languages by popularity: Python, Rust, Go, Java.',
    (s) => `Rate these ${['restaurants', 'laptops', 'movies', 'national parks'][s.number % 4]} for a family trip and explain your ranking.`,
    () => 'Which is better for a beginner, a road bike or a hybrid bike?',
  ]),
  n('ignore-typo', [
    () => 'Ignore the typo in my previous message, I meant "their" not "there".',
    () => 'Forget what I said earlier about the budget; it is now 5,000 euros. Please redo the plan.',
    () => 'Please disregard the second paragraph of my draft and rewrite only the first.',
  ]),
  n('password-dev', [
    () => 'How do I reset my Gmail password if I no longer have access to my phone?',
    (s) => `Write a ${['Python', 'JavaScript', 'Go'][s.number % 3]} function that checks whether a password has at least 12 characters, a digit and a symbol.`,
    () => 'What is a good password manager for a small team?',
    () => 'How should I store API keys securely in a Node.js app?',
  ]),
  n('prompt-engineering-meta', [
    () => 'How do I write a good system prompt for my customer-support chatbot?',
    () => 'What is chain-of-thought prompting, and when does it help?',
    () => 'Explain what prompt injection is and how to defend an LLM app against it.',
    () => 'What are the differences between system, user and assistant messages in the OpenAI API?',
  ]),
  n('reasoning-as-topic', [
    (s) => `Explain the reasoning behind ${s.topic}.`,
    () => 'What was the reasoning behind the Supreme Court decision in Brown v. Board of Education?',
    () => 'Summarize the main argument and reasoning of this article in three bullet points.',
  ]),
  n('teacher-materials', [
    () => 'Create a rubric for grading a 5th grade science fair project.',
    () => 'Write a grading scale for a university course with letter grades and percentages.',
    () => 'Design a quiz of 10 questions about the water cycle with an answer key.',
  ]),
  n('security-education', [
    () => 'What are common social engineering techniques, so I can train my employees to spot them?',
    () => 'How do antivirus programs detect malware?',
    () => 'What should I do if I receive a phishing email at work?',
  ]),
  n('translation-tasks', [
    (s) => `Translate this sentence into ${s.language}: "The meeting is moved to Thursday."`,
    () => 'Summarize the following text in two sentences: The city council met on Monday to discuss the new park...',
  ]),
];
