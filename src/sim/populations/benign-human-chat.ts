/**
 * human_chat: people chatting. Light and bursty: a few sessions a day following a diurnal curve, several
 * turns each with the history resent, topics all over the place, favourite model drifting slowly to the
 * new release. Most use an SDK from home; a share use the web playground (browser UA, always streaming).
 */
import { agedSignup, companyDomain, createAccount, webmailDomain } from '../accounts.ts';
import { browser, sdkClient } from '../clients.ts';
import { clientInfo, familyOf, favouriteModel, household, modelAt, type SimContext } from '../context.ts';
import { essayRequest, followUp } from '../prompts/chat.ts';
import { replyText } from '../prompts/replies.ts';
import type { Rng } from '../random.ts';
import { activity } from '../timing.ts';
import type { Actor, ReplyPlan, RequestPlan, Turn } from '../types.ts';
import { apiFor, reply, sessions, thinkGap, withReasoning } from './shared.ts';

/** Mean of the human activity curve over a week, to turn "per day" into a peak hourly rate. */
const HUMAN_MEAN_ACTIVITY = 0.55;

export function humanChatActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.humanChat;
  const actors: Actor[] = [];
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`human-${i}`);
    const home = household(r);
    const away = r.chance(0.35) ? household(r) : undefined;
    const playground = r.chance(cfg.playgroundShare);
    const software = playground ? browser(r) : sdkClient(r);
    const family = familyOf(software, r);
    const favourite = favouriteModel(ctx, family, r);
    const account = createAccount(ctx.ids, {
      role: 'human_chat', campaignId: null, createdAt: agedSignup(r, ctx.startMs),
      emailDomain: r.chance(0.8) ? webmailDomain(r) : companyDomain(r), payment: ctx.ids.payment(), signupIp: home.ip,
      tier: r.chance(0.5) ? 'free' : 'standard', verified: r.chance(0.3), keys: playground ? 1 : r.int(1, 2),
    });
    const perDay = r.logNormal(cfg.sessionsPerDayMedian, 1);
    const homeClient = clientInfo(home.ip, software, home.network);
    const awayClient = away === undefined ? homeClient : clientInfo(away.ip, software, away.network);
    const temperature = r.chance(0.3) ? r.pick([0.2, 0.5, 0.7, 1]) : undefined;

    const session = function* (start: number): Generator<RequestPlan> {
      const turns: Turn[] = [];
      const client = r.chance(0.8) ? homeClient : awayClient;
      const api = playground ? (family === 'anthropic' ? 'messages' : 'chat') : apiFor(family, r);
      const model = modelAt(ctx, family, favourite, start, cfg.releaseAdoptionPerDay, r);
      const kind = r.weighted(['chat', 'math', 'code', 'essay'] as const, [70, 10, 12, 8]);
      let at = start;
      for (let t = 0, n = r.geometric(cfg.turnsPerSessionMean); t < n; t++) {
        let text: string;
        let plan: ReplyPlan;
        if (t > 0) {
          text = followUp(r);
          plan = reply(r, 'chat', 180);
        } else if (kind === 'math') {
          const item = ctx.pools.math(r);
          text = item.text;
          plan = reply(r, 'steps', 220, item.answer);
        } else if (kind === 'code') {
          text = ctx.pools.coding(r);
          plan = reply(r, 'code', 350);
        } else if (kind === 'essay') {
          text = essayRequest(r);
          plan = reply(r, 'essay', 700);
        } else {
          text = ctx.pools.chat(r);
          plan = reply(r, 'chat', 250);
        }
        turns.push({ kind: 'user', text });
        const request: RequestPlan = {
          at, keyId: r.pick(account.keyIds), client, api, model,
          turns: turns.slice(), params: { stream: playground || r.chance(0.4) }, reply: withReasoning(plan, model, r, 0.5),
        };
        if (temperature !== undefined) request.params.temperature = temperature;
        yield request;
        turns.push({ kind: 'assistant', text: replyText(r, plan) });
        at += thinkGap(r, cfg.thinkSecondsMedian);
      }
    };
    actors.push({
      account,
      errorRate: ctx.config.errorRate,
      timeline: sessions(r, ctx.startMs, ctx.endMs, perDay / 24 / HUMAN_MEAN_ACTIVITY, (ms) => activity('human', ms, home.utcOffset), session),
    });
  }
  return actors;
}
