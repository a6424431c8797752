import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { validateTrafficEvent } from '../core/schema-validate.ts';
import { simulate } from './simulate.ts';
import { BENIGN_ROLES, CAMPAIGN_ROLES, type AccountLabel, type Role } from './types.ts';
import { scenarioFor } from './scenario.ts';

const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default ?? Ajv2020Module;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const datasetsDir = join(repoRoot, '..', 'shared', 'datasets');

interface Run {
  dir: string;
  events: TrafficEvent[];
  labels: AccountLabel[];
  roleOf: Map<string, Role>;
}

function readRun(dir: string): Run {
  const events = readFileSync(join(dir, 'traffic.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as TrafficEvent);
  const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as AccountLabel);
  return { dir, events, labels, roleOf: new Map(labels.map((label) => [label.account_id, label.role])) };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function userText(event: TrafficEvent): string {
  const request = event.request;
  const messages = Array.isArray(request.messages) ? (request.messages as Array<{ role?: unknown; content?: unknown }>) : [];
  const parts: string[] = [];
  for (const message of messages) if (message.role === 'user' && typeof message.content === 'string') parts.push(message.content);
  if (typeof request.input === 'string') parts.push(request.input);
  return parts.join('\n');
}

function eventsOf(run: Run, role: Role): TrafficEvent[] {
  return run.events.filter((event) => run.roleOf.get(event.account_id) === role);
}

function byAccount(events: TrafficEvent[]): Map<string, TrafficEvent[]> {
  const out = new Map<string, TrafficEvent[]>();
  for (const event of events) {
    const list = out.get(event.account_id) ?? [];
    list.push(event);
    out.set(event.account_id, list);
  }
  return out;
}

function subnet(ip: string | undefined): string {
  return ip?.includes(':') ? ip.split(':').slice(0, 4).join(':') : (ip ?? '').split('.').slice(0, 3).join('.');
}

let work: string;
let run: Run;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'dg-sim-'));
  await simulate({ outDir: join(work, 'a'), scale: 'small', seed: 11 });
  run = readRun(join(work, 'a'));
});

process.on('exit', () => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

test('every event matches the traffic-event schema and every label the labels schema', () => {
  assert.ok(run.events.length > 10_000, `small run has ${run.events.length} events`);
  for (const event of run.events) assert.deepEqual(validateTrafficEvent(event), [], JSON.stringify(event).slice(0, 300));
  const schema: unknown = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'simulation-labels.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema as object);
  for (const label of run.labels) assert.ok(validate(label), JSON.stringify(label));
});

test('ids are unique, times are RFC 3339 UTC inside the run, order is by time up to small local disorder', () => {
  const ids = new Set(run.events.map((event) => event.id));
  assert.equal(ids.size, run.events.length);
  const config = scenarioFor('small', 11);
  const start = Date.parse(config.start);
  const end = start + config.days * 86_400_000;
  let latest = 0;
  let disordered = 0;
  for (const event of run.events) {
    assert.match(event.ts, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ms = Date.parse(event.ts);
    assert.ok(ms >= start && ms < end, event.ts);
    if (ms < latest) disordered++;
    assert.ok(ms > latest - 10 * 60_000, `event ${event.id} is ${latest - ms} ms out of order`);
    latest = Math.max(latest, ms);
  }
  assert.ok(disordered > 0, 'some local disorder, as in a real log');
});

test('labels list exactly the accounts in the log; every role is present; campaigns are a minority', () => {
  const inLog = new Set(run.events.map((event) => event.account_id));
  assert.deepEqual([...inLog].sort(), run.labels.map((label) => label.account_id).sort());
  const roles = new Set(run.labels.map((label) => label.role));
  for (const role of [...BENIGN_ROLES, ...CAMPAIGN_ROLES]) assert.ok(roles.has(role), `role ${role} present`);
  for (const label of run.labels) {
    const benign = (BENIGN_ROLES as readonly string[]).includes(label.role);
    assert.equal(label.campaign_id === null, benign, JSON.stringify(label));
  }
  const campaign = run.labels.filter((label) => label.campaign_id !== null).length;
  assert.ok(campaign / run.labels.length < 0.2, `${campaign} of ${run.labels.length} accounts in campaigns`);
  assert.ok(new Set(run.labels.map((label) => label.campaign_id).filter((id) => id !== null)).size >= 6, 'several campaigns');
});

test('the same seed and scale give byte-identical files; another seed does not', async () => {
  await simulate({ outDir: join(work, 'b'), scale: 'small', seed: 11 });
  assert.equal(sha256(join(work, 'b', 'traffic.jsonl')), sha256(join(run.dir, 'traffic.jsonl')));
  assert.equal(sha256(join(work, 'b', 'labels.jsonl')), sha256(join(run.dir, 'labels.jsonl')));
  await simulate({ outDir: join(work, 'c'), scale: 'small', seed: 12 });
  assert.notEqual(sha256(join(work, 'c', 'traffic.jsonl')), sha256(join(run.dir, 'traffic.jsonl')));
});

test('every endpoint appears, with realistic statuses and account metadata', () => {
  const endpoints = new Set(run.events.map((event) => event.endpoint));
  for (const endpoint of ['/v1/chat/completions', '/v1/responses', '/v1/messages', '/v1/embeddings']) assert.ok(endpoints.has(endpoint), endpoint);
  const ok = run.events.filter((event) => event.status === 200).length;
  assert.ok(ok / run.events.length > 0.95);
  assert.ok(run.events.some((event) => event.status === 429) && run.events.some((event) => event.status === 400));
  assert.ok(run.events.some((event) => event.client?.ip?.includes(':')), 'some IPv6 clients');
  for (const event of run.events.slice(0, 500)) {
    assert.ok(event.account?.payment_fingerprint && event.account.tier && event.client?.ja4 && event.client.user_agent && event.client.asn);
  }
});

test('batch job: one template, temperature 0, tiny max_tokens', () => {
  for (const [, events] of byAccount(eventsOf(run, 'batch_job'))) {
    assert.ok(events.length > 200);
    const frames = new Set(events.map((event) => userText(event).slice(0, 30)));
    assert.equal(frames.size, 1, [...frames].join(' | '));
    for (const event of events) {
      assert.equal(event.request.temperature, 0);
      assert.ok(Number(event.request.max_tokens ?? event.request.max_completion_tokens) <= 16);
    }
  }
});

test('app backend: one system prompt, varied end-user messages, high volume', () => {
  for (const [, events] of byAccount(eventsOf(run, 'app_backend'))) {
    const systems = new Set(events.filter((event) => event.endpoint !== '/v1/embeddings').map((event) => JSON.stringify(event.request.system ?? (event.request.messages as unknown[] | undefined)?.[0])));
    assert.equal(systems.size, 1);
    assert.ok(new Set(events.map(userText)).size > events.length * 0.3);
    assert.ok(events.length > 500);
  }
});

test('benchmark run: each problem once, temperature 0', () => {
  const events = eventsOf(run, 'benchmark_run');
  const texts = events.map(userText);
  // Procedural banks can draw the same problem twice by chance; a real bank is asked exactly once per item.
  assert.ok(new Set(texts).size >= texts.length * 0.99);
  assert.ok(events.every((event) => event.request.temperature === 0));
});

test('hydra cluster: reseller accounts share a few proxy /24s that benign humans do not use', () => {
  const hydra = eventsOf(run, 'reseller_mixed');
  const subnets = new Map<string, Set<string>>();
  for (const event of hydra) {
    const key = subnet(event.client?.ip);
    const accounts = subnets.get(key) ?? new Set<string>();
    accounts.add(event.account_id);
    subnets.set(key, accounts);
  }
  const accounts = new Set(hydra.map((event) => event.account_id));
  assert.ok(subnets.size <= 6, `${subnets.size} subnets`);
  assert.ok([...subnets.values()].some((members) => members.size >= accounts.size / 2), 'one /24 carries many accounts');
  assert.ok(hydra.every((event) => event.account?.tier === 'reseller'));
  const human = new Set(eventsOf(run, 'human_chat').map((event) => subnet(event.client?.ip)));
  assert.ok([...subnets.keys()].every((key) => !human.has(key)));
  // Part of the traffic is ordinary customers, part is the wrapped sweep.
  const wrapped = hydra.filter((event) => /step by step|reasoning|chain of thought|show all work/i.test(userText(event))).length;
  assert.ok(wrapped > hydra.length * 0.2 && wrapped < hydra.length * 0.8, `${wrapped} of ${hydra.length} wrapped`);
});

test('reasoning harvest: wrapped bank items, long outputs, reasoning asked for, no item repeated across the crew', () => {
  const events = eventsOf(run, 'reasoning_harvest');
  const texts = events.map(userText);
  assert.ok(texts.every((text) => /step|reason|chain of thought|work|think/i.test(text)));
  assert.ok(events.every((event) => Number(event.request.max_tokens ?? event.request.max_completion_tokens) >= 4096));
  assert.ok(events.some((event) => event.request.thinking !== undefined || event.request.reasoning_effort === 'high'));
  assert.ok(events.some((event) => Number(event.request.n) > 1));
  assert.ok(new Set(events.map((event) => event.account_id)).size >= 3);
});

test('rubric harvest: grading frames at temperature 0', () => {
  const events = eventsOf(run, 'rubric_harvest');
  assert.ok(events.every((event) => /score|grade|judge|better|evaluat|compare/i.test(userText(event))));
  assert.ok(events.every((event) => event.request.temperature === 0));
});

test('low and slow: every account stays light every day', () => {
  for (const [, events] of byAccount(eventsOf(run, 'low_and_slow'))) {
    const perDay = new Map<string, number>();
    for (const event of events) perDay.set(event.ts.slice(0, 10), (perDay.get(event.ts.slice(0, 10)) ?? 0) + 1);
    assert.ok(Math.max(...perDay.values()) <= 40);
  }
});

test('rotation: banned generations stop after 403s and fresh accounts with new cards carry on from the same infrastructure', () => {
  const events = eventsOf(run, 'rotation_worker');
  const accounts = byAccount(events);
  const banned = [...accounts.values()].filter((list) => list.at(-1)?.status === 403);
  assert.ok(banned.length > 0);
  const firstSeen = [...accounts.values()].map((list) => Date.parse(list[0]?.ts ?? ''));
  assert.ok(Math.max(...firstSeen) - Math.min(...firstSeen) > 86_400_000, 'later generations start later');
  const cards = new Set(events.map((event) => event.account?.payment_fingerprint));
  assert.equal(cards.size, accounts.size);
  assert.equal(new Set(events.map((event) => event.client?.ja4)).size, 1);
});

test('model pivot: half the crew traffic moves to the new release within a day; humans adopt slowly', () => {
  const release = scenarioFor('small', 11).models.release;
  const isNew = (event: TrafficEvent) => event.model === release.openai || event.model === release.anthropic;
  const all = run.events.filter(isNew).map((event) => Date.parse(event.ts));
  const firstRelease = Math.min(...all);
  const pivot = eventsOf(run, 'model_pivot').filter((event) => Date.parse(event.ts) > firstRelease + 86_400_000);
  const pivotShare = pivot.filter(isNew).length / pivot.length;
  assert.ok(pivotShare > 0.35 && pivotShare < 0.65, `pivot share ${pivotShare}`);
  const human = eventsOf(run, 'human_chat').filter((event) => Date.parse(event.ts) > firstRelease && Date.parse(event.ts) < firstRelease + 86_400_000);
  assert.ok(human.filter(isNew).length / Math.max(1, human.length) < 0.1);
  const firstPivot = Math.min(...eventsOf(run, 'model_pivot').filter(isNew).map((event) => Date.parse(event.ts)));
  assert.ok(firstPivot - firstRelease < 86_400_000);
});

test('logprob probe: logprobs, top_logprobs, logit_bias and n > 1 on short prompts', () => {
  const events = eventsOf(run, 'logprob_probe');
  assert.ok(events.length > 0);
  for (const event of events) {
    assert.equal(event.request.logprobs, true);
    assert.ok(Number(event.request.top_logprobs) >= 5);
    assert.ok(Object.keys(event.request.logit_bias as object).length > 5);
    assert.ok(Number(event.request.n) > 1);
    assert.ok(userText(event).length < 60);
  }
});

test('jailbreak probe: jailbreak and extraction attempts, mostly refused', () => {
  const events = eventsOf(run, 'jailbreak_probe');
  assert.ok(events.length > 0);
  assert.ok(events.some((event) => /instructions|system prompt|words above|initial prompt|password/i.test(userText(event))));
});

test('office team: many accounts behind one address with one UA; education is on .edu-like domains', () => {
  const byIp = new Map<string, Set<string>>();
  for (const event of eventsOf(run, 'office_team')) {
    const key = `${event.client?.ip}|${event.client?.user_agent}`;
    const accounts = byIp.get(key) ?? new Set<string>();
    accounts.add(event.account_id);
    byIp.set(key, accounts);
  }
  assert.ok(Math.max(...[...byIp.values()].map((set) => set.size)) >= 8);
  assert.ok(eventsOf(run, 'education').every((event) => event.account?.tier === 'education' && /edu|ac\.|\.de|\.nl/.test(event.account.email_domain ?? '')));
});

test('coding agents define tools and resend multi-step histories', () => {
  const events = eventsOf(run, 'coding_agent');
  assert.ok(events.every((event) => Array.isArray(event.request.tools)));
  assert.ok(events.some((event) => JSON.stringify(event.request).includes('tool_result') || JSON.stringify(event.request).includes('"role":"tool"')));
});

test('with --datasets the prompts come from the shared datasets', { skip: !existsSync(datasetsDir) && 'no ../shared/datasets' }, async () => {
  const dir = join(work, 'd');
  await simulate({ outDir: dir, scale: 'small', seed: 11, datasetsDir });
  const withData = readRun(dir);
  for (const event of withData.events) assert.deepEqual(validateTrafficEvent(event), []);
  const gsm8k = new Set(readFileSync(join(datasetsDir, 'distill_gsm8k.jsonl'), 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as { text: string }).text));
  const benchmark = eventsOf(withData, 'benchmark_run').map(userText);
  const harvested = eventsOf(withData, 'reasoning_harvest').map(userText);
  assert.ok(harvested.some((text) => [...gsm8k].some((problem) => text.includes(problem.slice(0, 60)))), 'harvest prompts wrap real bank problems');
  assert.ok(benchmark.length > 0);
  const roles = new Set(withData.labels.map((label) => label.role));
  assert.equal(roles.size, BENIGN_ROLES.length + CAMPAIGN_ROLES.length);
  await simulate({ outDir: join(work, 'e'), scale: 'small', seed: 11, datasetsDir });
  assert.equal(sha256(join(work, 'e', 'traffic.jsonl')), sha256(join(dir, 'traffic.jsonl')));
});
