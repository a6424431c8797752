/**
 * app_backend: a product serving many end users behind one key. High volume around the clock with a
 * diurnal swell, one fixed system prompt, varied end-user messages (some with a short history), one
 * pinned SDK on a couple of cloud NAT addresses, an `user` id per end user, and now and then an
 * embeddings call for retrieval.
 */
import { agedSignup, companyDomain, createAccount } from '../accounts.ts';
import { openaiJs, openaiPython, anthropicPython } from '../clients.ts';
import { clientInfo, modelAt, type SimContext } from '../context.ts';
import { appPersona, endUserMessage } from '../prompts/chat.ts';
import { replyText } from '../prompts/replies.ts';
import { hostIn, networksOf, subnet24, UTC_OFFSET } from '../network.ts';
import type { Rng } from '../random.ts';
import { activity, arrivals } from '../timing.ts';
import type { Actor, RequestPlan, Turn } from '../types.ts';
import { reply } from './shared.ts';

export function appBackendActors(ctx: SimContext, rng: Rng): Actor[] {
  const cfg = ctx.config.benign.appBackend;
  const actors: Actor[] = [];
  for (let i = 0; i < cfg.accounts; i++) {
    const r = rng.fork(`app-${i}`);
    const app = appPersona(r);
    const cloud = r.pick(networksOf('hosting').slice(0, 4));
    const subnet = subnet24(cloud, r.int(0, 1 << 16));
    const nat = [hostIn(subnet, r.int(0, 255)), hostIn(subnet, r.int(0, 255))];
    const software = r.weighted([openaiPython, openaiJs, anthropicPython], [50, 30, 20])(r);
    const family = software.family === 'anthropic' ? 'anthropic' : 'openai';
    const model = family === 'openai' ? r.pick(['gpt-4.1-mini', 'gpt-4.1', 'gpt-5-mini']) : r.pick(['claude-haiku-4-5', 'claude-sonnet-4-5']);
    const account = createAccount(ctx.ids, {
      role: 'app_backend', campaignId: null, createdAt: agedSignup(r, ctx.startMs), emailDomain: companyDomain(r),
      payment: ctx.ids.payment(), signupIp: r.pick(nat), tier: r.chance(0.6) ? 'startup' : 'enterprise', verified: true, keys: r.int(1, 3),
    });
    const clients = nat.map((ip) => clientInfo(ip, software, cloud));
    const peak = r.logNormal(cfg.peakRequestsPerHourMedian, 0.4);
    const utcOffset = UTC_OFFSET[r.pick(['US', 'GB', 'DE', 'IN', 'JP', 'BR'])] ?? 0;
    const temperature = r.pick([0.2, 0.3, 0.5, 0.7]);
    const maxTokens = r.pick([300, 512, 800]);
    const timeline = function* (): Generator<RequestPlan> {
      for (const at of arrivals(r, ctx.startMs, ctx.endMs, peak, (ms) => activity('service', ms, utcOffset))) {
        if (family === 'openai' && r.chance(0.04)) {
          // Retrieval: the app embeds the end user's question before answering it.
          yield {
            at, keyId: account.keyIds[0] ?? '', client: r.pick(clients), api: 'embeddings', model: r.pick(ctx.config.models.embedding),
            turns: [{ kind: 'user', text: endUserMessage(r, app) }], params: {}, reply: { style: 'chat', outputTokens: 0 },
          };
          continue;
        }
        const turns: Turn[] = [];
        if (r.chance(cfg.multiTurnShare)) {
          for (let k = 0, n = r.int(1, 3); k < n; k++) {
            turns.push({ kind: 'user', text: endUserMessage(r, app) });
            turns.push({ kind: 'assistant', text: replyText(r, { style: 'chat', outputTokens: 80 }) });
          }
        }
        turns.push({ kind: 'user', text: endUserMessage(r, app) });
        // The app upgrades its model only after testing, weeks later: no adoption within a run.
        yield {
          at, keyId: account.keyIds[0] ?? '', client: r.pick(clients), api: family === 'anthropic' ? 'messages' : 'chat',
          model: modelAt(ctx, family, model, at, 0, r), system: app.systemPrompt, turns,
          params: { temperature, maxTokens, stream: true, endUser: `u_${r.hex(10)}` }, reply: reply(r, 'chat', 110),
        };
      }
    };
    actors.push({ account, errorRate: ctx.config.errorRate * 1.5, timeline: timeline() });
  }
  return actors;
}
