/**
 * education: students on education-tier accounts with university email. Homework math (often "explain
 * step by step"), coding exercises and essays; afternoons, evenings and late nights, busier the day
 * before a campus deadline, almost silent in the term break. Many students share a campus NAT address.
 */
import { agedSignup, createAccount, eduDomain } from '../accounts.ts';
import { browser, openaiPython } from '../clients.ts';
import { clientInfo, household, type SimContext } from '../context.ts';
import { essayRequest, followUp } from '../prompts/chat.ts';
import { hostIn, networksOf, subnet24, UTC_OFFSET } from '../network.ts';
import type { Rng } from '../random.ts';
import { activity, DAY, dayStart } from '../timing.ts';
import type { Actor, ReplyPlan, RequestPlan, Turn } from '../types.ts';
import { reply, sessions, thinkGap } from './shared.ts';

const HOMEWORK_ASKS = [
  'Can you explain how to solve this step by step? ', 'I got a different answer, can you show the steps? ', 'help with my homework: ',
  'How do I set this up? ', '', 'Please check my work on this one. ', 'Explain this like my teacher would. ',
];

export function educationActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.education;
  const actors: Actor[] = [];
  const campuses = Array.from({ length: cfg.campuses }, (_, c) => {
    const r = rng.fork(`campus-${c}`);
    const network = r.pick(networksOf('university'));
    const subnet = subnet24(network, r.int(0, 1 << 16));
    const breakStart = ctx.startMs + Math.floor(r.range(0, 1 - cfg.breakShare) * ctx.config.days) * DAY;
    return {
      network, nat: [hostIn(subnet, r.int(0, 255)), hostIn(subnet, r.int(0, 255)), hostIn(subnet, r.int(0, 255))],
      utcOffset: UTC_OFFSET[network.country] ?? 0, breakStart, breakEnd: breakStart + cfg.breakShare * ctx.config.days * DAY,
      deadline: dayStart(ctx.startMs + r.int(1, ctx.config.days - 1) * DAY),
    };
  });
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`student-${i}`);
    const campusIndex = i % campuses.length;
    const campus = campuses[campusIndex];
    if (campus === undefined) continue;
    const home = household(r);
    const software = r.chance(0.6) ? browser(r) : openaiPython(r);
    const account = createAccount(ctx.ids, {
      role: 'education', campaignId: null, createdAt: agedSignup(r, ctx.startMs), emailDomain: eduDomain(r, campusIndex),
      payment: ctx.ids.payment(), signupIp: r.pick(campus.nat), tier: 'education', verified: r.chance(0.8), keys: 1,
    });
    const model = r.pick(['gpt-4.1-mini', 'gpt-5-mini', 'gpt-4.1']);
    const perDay = r.logNormal(cfg.requestsPerDayMedian, 0.8) / 2;
    const curve = (ms: number): number => {
      const term = ms >= campus.breakStart && ms < campus.breakEnd ? 0.1 : 1;
      // Peak rate is doubled below, so an ordinary day runs at half and the eve of the deadline at full.
      const eve = ms >= campus.deadline - DAY && ms < campus.deadline ? 1 : 0.5;
      return activity('student', ms, campus.utcOffset) * term * eve;
    };
    const session = function* (start: number): Generator<RequestPlan> {
      const onCampus = r.chance(0.6);
      const client = onCampus ? clientInfo(r.pick(campus.nat), software, campus.network) : clientInfo(home.ip, software, home.network);
      const kind = r.weighted(['math', 'code', 'essay'] as const, [50, 30, 20]);
      const turns: Turn[] = [];
      let at = start;
      for (let k = 0, n = r.geometric(2.2); k < n; k++) {
        let text: string;
        let plan: ReplyPlan;
        if (k > 0) {
          text = followUp(r);
          plan = reply(r, 'chat', 160);
        } else if (kind === 'math') {
          const item = ctx.pools.math(r);
          text = r.pick(HOMEWORK_ASKS) + item.text;
          plan = reply(r, 'steps', 280, item.answer);
        } else if (kind === 'code') {
          text = ctx.pools.coding(r);
          plan = reply(r, 'code', 320);
        } else {
          text = essayRequest(r);
          plan = reply(r, 'essay', 650);
        }
        turns.push({ kind: 'user', text });
        yield { at, keyId: account.keyIds[0] ?? '', client, api: 'chat', model, turns: turns.slice(), params: { stream: software.stack !== 'python-httpx' }, reply: plan };
        turns.push({ kind: 'assistant', text: 'Sure, here is how to approach it step by step.' });
        at += thinkGap(r, 120);
      }
    };
    actors.push({ account, errorRate: ctx.config.errorRate, timeline: sessions(r, ctx.startMs, ctx.endMs, (2 * perDay) / 24 / 0.45, curve, session) });
  }
  return actors;
}
