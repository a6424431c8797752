/**
 * office_team: 10-50 colleagues behind one office NAT: same address and ASN, the same managed browser or
 * SDK build (so the same UA and JA4), the company email domain, often one company card, accounts created
 * on the same onboarding day. They still ask about different things, in working hours on weekdays.
 * Every shared-infrastructure link a campaign shows, with none of the harvesting.
 */
import { agedSignup, companyDomain, createAccount } from '../accounts.ts';
import { browser, openaiPython } from '../clients.ts';
import { clientInfo, modelAt, type SimContext } from '../context.ts';
import { officeTask, followUp } from '../prompts/chat.ts';
import { replyText } from '../prompts/replies.ts';
import { hostIn, networksOf, subnet24, UTC_OFFSET } from '../network.ts';
import type { Rng } from '../random.ts';
import { activity, HOUR } from '../timing.ts';
import type { Actor, RequestPlan, Turn } from '../types.ts';
import { reply, sessions, thinkGap } from './shared.ts';

const TEAMS = ['sales', 'support', 'finance', 'marketing', 'engineering', 'legal', 'operations', 'HR'];

export function officeTeamActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.officeTeam;
  const actors: Actor[] = [];
  for (let t = 0; t < cfg.teams; t++) {
    const r = rng.fork(`office-${t}`);
    const network = r.pick(networksOf('business'));
    const subnet = subnet24(network, r.int(0, 1 << 16));
    const officeIps = [hostIn(subnet, r.int(0, 255)), hostIn(subnet, r.int(0, 255))];
    const utcOffset = UTC_OFFSET[network.country] ?? 0;
    const software = r.chance(0.7) ? browser(r) : openaiPython(r);
    const domain = companyDomain(r);
    const sharedCard = r.chance(cfg.sharedCardShare) ? ctx.ids.payment() : undefined;
    const onboarding = agedSignup(r, ctx.startMs);
    const model = r.pick(ctx.config.models.openai);
    const members = r.int(cfg.membersMin, cfg.membersMax);
    for (let m = 0; m < members; m++) {
      const p = r.fork(`member-${m}`);
      const function_ = p.pick(TEAMS);
      const account = createAccount(ctx.ids, {
        role: 'office_team', campaignId: null, createdAt: onboarding + p.int(0, 4 * HOUR), emailDomain: domain,
        payment: sharedCard ?? ctx.ids.payment(), signupIp: officeIps[0] ?? '', tier: p.chance(0.7) ? 'enterprise' : 'standard', verified: true, keys: 1,
      });
      const perDay = p.logNormal(cfg.requestsPerWorkdayMedian, 0.7) / 2;
      const session = function* (start: number): Generator<RequestPlan> {
        const turns: Turn[] = [];
        const client = clientInfo(p.pick(officeIps), software, network);
        let at = start;
        for (let k = 0, n = p.geometric(2); k < n; k++) {
          turns.push({ kind: 'user', text: k === 0 ? officeTask(p, function_) : followUp(p) });
          const plan = reply(p, 'chat', 260);
          yield { at, keyId: account.keyIds[0] ?? '', client, api: 'chat', model: modelAt(ctx, 'openai', model, at, 0.03, p), turns: turns.slice(), params: { stream: software.stack !== 'python-httpx' }, reply: plan };
          turns.push({ kind: 'assistant', text: replyText(p, plan) });
          at += thinkGap(p, 90);
        }
      };
      // Office curve averages about 0.35 on weekdays and is near zero at weekends.
      actors.push({ account, errorRate: ctx.config.errorRate, timeline: sessions(p, ctx.startMs, ctx.endMs, perDay / 24 / 0.3, (ms) => activity('office', ms, utcOffset), session) });
    }
  }
  return actors;
}
