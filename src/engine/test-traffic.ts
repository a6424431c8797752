/**
 * Hand-built traffic for the engine's tests: a small campaign and the hard negatives next to it, as
 * events a gateway would record. Deterministic for a seed. Not a simulator: just enough variety that
 * the behaviours the engine looks for (shared wrappers, shared infrastructure, step-by-step harvesting)
 * are present in the campaign and absent, or present only innocently, elsewhere.
 */
import type { AccountInfo, ClientInfo, TrafficEvent } from '../core/traffic-event.ts';
import { mulberry32 } from '../core/seeded-random.ts';

export interface LabelledTraffic {
  events: TrafficEvent[];
  /** account id -> role ('campaign', 'batch_job', 'app_backend', 'office', 'student', 'human'). */
  roles: Map<string, string>;
}

const random = mulberry32;

const START = Date.parse('2026-03-02T00:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const NAMES = ['Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivan', 'Jonas', 'Kemal', 'Lucia'];
const ITEMS = ['apples', 'marbles', 'tickets', 'books', 'stamps', 'pencils', 'bottles', 'cards'];
const PROBLEMS: Array<(n: string, i: string, a: number, b: number, c: number) => string> = [
  (n, i, a, b, c) => `${n} has ${a} ${i} and buys ${b} more packs of ${c}. How many ${i} does ${n} have now?`,
  (n, i, a, b, c) => `A shop sells ${i} at ${c} dollars each. ${n} spends ${a * c} dollars and returns ${b}. How many ${i} are kept?`,
  (n, _i, a, b, c) => `A train leaves at ${a} km/h and another follows ${b} hours later at ${a + c} km/h. When does ${n}'s train get caught?`,
  (n, _i, a, b, c) => `The sum of three consecutive odd numbers is ${a * 3 + b + c}. ${n} wants the largest one. Find it and justify it.`,
  (n, i, a, b, c) => `${n} splits ${a * b} ${i} equally among ${b} friends, then gives away ${c} from each share. How many are left in total?`,
  (_n, _i, a, b, c) => `Prove that for every integer k, k^${a % 3 + 2} - k is divisible by ${b % 5 + 2}, or find the smallest counterexample above ${c}.`,
];
const WRAPPERS: Array<(problem: string) => string> = [
  (p) => `You are a meticulous competition mathematician. Solve the problem below and articulate every step of your reasoning before the final answer.\n\n${p}`,
  (p) => `${p}\n\nThink through this step by step, explain each intermediate result in full, and only then state the final answer on its own line.`,
  (p) => `Work through the following problem carefully, showing your complete chain of thought step by step.\nProblem: ${p}\nEnd with "Final answer:" and the number.`,
];
const CHAT_OPENERS = ['hey', 'quick question', 'hi there', 'so', 'ok', 'hello', 'um', 'can you help'];
const CHAT_TOPICS = [
  'what should I cook tonight with leftover rice and some spinach', 'how do I politely decline a wedding invitation from a coworker',
  'is it worth learning the piano at forty', 'why does my sourdough come out so dense', 'suggest a weekend itinerary for Lisbon',
  'what is the difference between a roth and a traditional account', 'my cat keeps scratching the sofa what can I do',
  'write a birthday message for my grandmother who loves gardening', 'how do tides actually work', 'recommend a sci-fi novel like Dune',
  'help me plan a study schedule for my driving test', 'what are good stretches after running', 'explain how vaccines train the immune system',
  'give me a packing list for a rainy camping trip', 'why is the sky darker in winter evenings', 'how can I make my small balcony greener',
];
const REVIEWS = ['arrived broken and late', 'works exactly as described', 'the color faded after a week', 'great value for the price',
  'stopped charging after two days', 'comfortable and well made', 'instructions were confusing', 'my kids love it'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function problem(rnd: () => number): string {
  return pick(rnd, PROBLEMS)(pick(rnd, NAMES), pick(rnd, ITEMS), 2 + Math.floor(rnd() * 90), 2 + Math.floor(rnd() * 9), 2 + Math.floor(rnd() * 20));
}

function chat(rnd: () => number): string {
  return `${pick(rnd, CHAT_OPENERS)} ${pick(rnd, CHAT_TOPICS)}${rnd() < 0.5 ? '?' : ' thanks'}`;
}

let serial = 0;
function event(account: string, at: number, info: AccountInfo, client: ClientInfo, request: Record<string, unknown>, outputTokens: number): TrafficEvent {
  serial++;
  return {
    id: `ev-${serial}`, ts: new Date(at).toISOString(), account_id: account, endpoint: '/v1/chat/completions', model: 'gpt-4.1',
    client, account: info, request, status: 200, usage: { input_tokens: 200, output_tokens: outputTokens },
  };
}

function single(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'gpt-4.1', messages: [{ role: 'user', content: text }], ...extra };
}

/**
 * The test scenario: over three days, a 20-account campaign sharing wrappers, a proxy /24, a JA4 and
 * some cards; a batch job; an app backend; an office team on one IP and one card; a class of students
 * on one campus; and independent humans.
 */
export function scenario(seed = 7): LabelledTraffic {
  const rnd = random(seed);
  serial = 0;
  const events: TrafficEvent[] = [];
  const roles = new Map<string, string>();
  const span = 3 * DAY;

  for (let k = 0; k < 20; k++) {
    const id = `camp-${String(k).padStart(2, '0')}`;
    roles.set(id, 'campaign');
    const info: AccountInfo = {
      created_at: new Date(START - DAY + k * 600_000).toISOString(), email_domain: 'mailbox-ops.io',
      payment_fingerprint: k < 12 ? `card-pool-${k % 4}` : `card-own-${k}`, tier: 'standard', verified: false,
    };
    for (let r = 0; r < 45; r++) {
      const client: ClientInfo = { ip: `203.0.113.${10 + Math.floor(rnd() * 200)}`, asn: 64500, ja4: 't13d1715h2_5b57614c22b0_3d5424432f57', user_agent: 'python-httpx/0.27.0' };
      const extra = rnd() < 0.3 ? { n: 4, max_tokens: 8192 } : { max_tokens: 8192 };
      events.push(event(id, START + Math.floor(rnd() * span), info, client, single(pick(rnd, WRAPPERS)(problem(rnd)), extra), 900));
    }
  }

  roles.set('batch-job', 'batch_job');
  const batchInfo: AccountInfo = { created_at: '2025-06-01T00:00:00.000Z', email_domain: 'retailco.com', payment_fingerprint: 'card-retail', tier: 'enterprise' };
  for (let r = 0; r < 400; r++) {
    const text = `Classify the sentiment of the following product review as positive, negative or neutral. Reply with one word only.\n\nReview: ${pick(rnd, REVIEWS)} (order ${1000 + r})`;
    events.push(event('batch-job', START + DAY + r * 4000, batchInfo, { ip: '34.120.5.9', asn: 15169, ja4: 't13d1516h2_8daaf6152771_02713d6af862', user_agent: 'OpenAI/Python 1.40.0' }, single(text, { max_tokens: 3, temperature: 0 }), 1));
  }

  roles.set('app-backend', 'app_backend');
  const appInfo: AccountInfo = { created_at: '2025-01-10T00:00:00.000Z', email_domain: 'shopbot.app', payment_fingerprint: 'card-shopbot', tier: 'startup' };
  for (let r = 0; r < 400; r++) {
    const request = {
      model: 'gpt-4.1', user: `end-user-${Math.floor(rnd() * 300)}`,
      messages: [{ role: 'system', content: 'You are ShopBot, the friendly assistant of an online home goods store. Answer briefly and suggest products when relevant.' }, { role: 'user', content: chat(rnd) }],
    };
    events.push(event('app-backend', START + Math.floor(rnd() * span), appInfo, { ip: '35.190.1.4', asn: 15169, ja4: 't13d1516h2_8daaf6152771_02713d6af862', user_agent: 'OpenAI/NodeJS 4.52.0' }, request, 150));
  }

  for (let k = 0; k < 12; k++) {
    const id = `office-${k}`;
    roles.set(id, 'office');
    const info: AccountInfo = { created_at: new Date(START - 30 * DAY + k * 3_600_000).toISOString(), email_domain: 'acme-corp.com', payment_fingerprint: 'card-acme', signup_ip: '198.51.100.7', tier: 'standard' };
    for (let r = 0; r < 15; r++) {
      const day = Math.floor(rnd() * 3);
      const at = START + day * DAY + 9 * HOUR + Math.floor(rnd() * 8 * HOUR);
      const first = chat(rnd);
      const request = rnd() < 0.4
        ? { model: 'gpt-4.1', messages: [{ role: 'user', content: first }, { role: 'assistant', content: 'Here are a few ideas to start with.' }, { role: 'user', content: chat(rnd) }] }
        : single(first);
      events.push(event(id, at, info, { ip: '198.51.100.7', asn: 64496, ja4: 't13d1516h2_chrome_office', user_agent: 'Mozilla/5.0 Chrome/126' }, request, 400));
    }
  }

  for (let k = 0; k < 15; k++) {
    const id = `student-${k}`;
    roles.set(id, 'student');
    const info: AccountInfo = { created_at: new Date(START - 2 * DAY + k * 1_800_000).toISOString(), email_domain: 'state-university.edu', signup_ip: `192.0.2.${k + 1}`, tier: 'education', payment_fingerprint: `card-student-${k}` };
    for (let r = 0; r < 7; r++) {
      const at = START + Math.floor(rnd() * span);
      const text = rnd() < 0.5 ? `I'm stuck on this homework problem, can you explain how to solve it step by step? ${problem(rnd)}` : `${problem(rnd)} I got a different answer than the book, where did I go wrong?`;
      const request = rnd() < 0.3
        ? { model: 'gpt-4.1', messages: [{ role: 'user', content: text }, { role: 'assistant', content: 'Let us look at it together.' }, { role: 'user', content: 'why do we divide there?' }] }
        : single(text);
      events.push(event(id, at, info, { ip: `192.0.2.${200 + (k % 3)}`, asn: 64497, ja4: 't13d1516h2_chrome_campus', user_agent: 'Mozilla/5.0 Safari/17' }, request, 500));
    }
  }

  for (let k = 0; k < 30; k++) {
    const id = `human-${k}`;
    roles.set(id, 'human');
    const info: AccountInfo = { created_at: new Date(START - (k + 3) * 7 * DAY).toISOString(), email_domain: 'gmail.com', payment_fingerprint: `card-human-${k}`, tier: 'free' };
    const ip = `100.64.${k}.${1 + Math.floor(rnd() * 250)}`;
    for (let r = 0; r < 10; r++) {
      events.push(event(id, START + Math.floor(rnd() * span), info, { ip, asn: 64510 + (k % 5), ja4: 't13d1516h2_chrome_home', user_agent: 'Mozilla/5.0 Firefox/128' }, single(chat(rnd)), 350));
    }
  }

  events.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id < b.id ? -1 : 1));
  return { events, roles };
}
