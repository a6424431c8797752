/**
 * What every campaign shares: its accounts, its proxy pool, its client software, its cards, and the
 * operator's scheduler. Which of these links leak is set per campaign by InfraStyle, so no single link
 * identifies every campaign and a detector has to combine evidence.
 */
import type { AccountInfo, ClientInfo } from '../../core/traffic-event.ts';
import { agedSignup, companyDomain, createAccount, disposableDomain, webmailDomain } from '../accounts.ts';
import { customJa4, openaiPython, anthropicPython, type ClientSoftware } from '../clients.ts';
import { clientInfo, residentialAddress, type SimContext } from '../context.ts';
import { hostIn, networksOf, PROXY_HOSTING, subnet24, type Network } from '../network.ts';
import { COT_WRAPPERS, operatorWrappers } from '../prompts/wrappers.ts';
import { Rng } from '../random.ts';
import type { CampaignConfig } from '../scenario.ts';
import { arrivals, DAY, HOUR } from '../timing.ts';
import type { CampaignRole, RequestPlan, SimAccount } from '../types.ts';

interface ProxyExit {
  network: Network;
  /** A /24 for hosting pools; unused for residential ones. */
  subnet?: string;
}

export interface Crew {
  config: CampaignConfig;
  accounts: SimAccount[];
  wrappers: string[];
  /** The operator's UTC offset, for its working window. */
  utcOffset: number;
  /** Seed of the operator's scheduler: every account replays the same waves. */
  scheduleSeed: number;
  client(rng: Rng, accountIndex: number, family: 'openai' | 'anthropic'): ClientInfo;
}

export interface CrewOptions {
  role: CampaignRole;
  count: number;
  /** Accounts are created shortly before this (for a sign-up burst). */
  activeFrom: number;
  tier?: (rng: Rng) => NonNullable<AccountInfo['tier']>;
  /** Label that keeps a later generation's draws separate. */
  label?: string;
}

function pinnedSoftware(rng: Rng, config: CampaignConfig): { openai: ClientSoftware[]; anthropic: ClientSoftware[] } {
  const openaiUa = openaiPython(rng);
  const anthropicUa = anthropicPython(rng);
  const openai: ClientSoftware[] = [];
  const anthropic: ClientSoftware[] = [];
  for (let i = 0; i < Math.max(1, config.infra.ja4Count); i++) {
    // An operator's own HTTP stack still claims to be the SDK; only the TLS fingerprint gives it away.
    const ja4 = config.infra.mimicCommonJa4 ? openaiUa.ja4 : customJa4(`${config.id}-${i}`);
    openai.push({ ...openaiUa, ja4 });
    anthropic.push({ ...anthropicUa, ja4 });
  }
  return { openai, anthropic };
}

export function createCrew(ctx: SimContext, rng: Rng, config: CampaignConfig, options: CrewOptions): Crew {
  const r = rng.fork(`crew-${config.id}-${options.label ?? ''}`);
  // Infrastructure is drawn from a stream fixed per campaign, so later generations reuse it.
  const infraRng = new Rng(ctx.config.seed, `infra-${config.id}`);
  const style = config.infra;
  const exits: ProxyExit[] = [];
  if (style.proxyKind === 'hosting') {
    const providers = infraRng.sample(PROXY_HOSTING, infraRng.int(1, 2));
    for (let s = 0; s < Math.max(1, style.subnets); s++) {
      const network = providers[s % providers.length] as Network;
      exits.push({ network, subnet: subnet24(network, infraRng.int(0, 1 << 16)) });
    }
  } else {
    for (const network of infraRng.sample(networksOf('residential'), Math.max(1, style.subnets))) exits.push({ network });
  }
  const software = pinnedSoftware(infraRng, config);
  const domains = [companyDomain(infraRng), companyDomain(infraRng), companyDomain(infraRng)];
  const cards = Array.from({ length: style.paymentPool }, () => ctx.ids.payment());
  const exitAddress = (random: Rng, exit: ProxyExit): string =>
    exit.subnet !== undefined ? hostIn(exit.subnet, random.int(0, 255)) : residentialAddress(random, exit.network);

  const burstStart = options.activeFrom - r.range(0.5, 4) * DAY;
  const accounts: SimAccount[] = [];
  const pooledCount = Math.round(style.paymentShare * options.count);
  for (let i = 0; i < options.count; i++) {
    const emailDomain =
      style.emailStyle === 'disposable' ? disposableDomain(r) : style.emailStyle === 'webmail' ? webmailDomain(r) : r.pick(domains);
    const createdAt = style.signupBurstHours === null ? agedSignup(r, ctx.startMs) : Math.round(burstStart + r.range(0, style.signupBurstHours) * HOUR);
    const exit = r.pick(exits);
    accounts.push(
      createAccount(ctx.ids, {
        role: options.role, campaignId: config.id, createdAt: Math.min(createdAt, options.activeFrom - HOUR), emailDomain,
        payment: i < pooledCount && cards.length > 0 ? (cards[i % cards.length] as string) : ctx.ids.payment(),
        signupIp: exitAddress(r, exit), tier: options.tier?.(r) ?? (r.chance(0.6) ? 'standard' : 'free'), verified: r.chance(0.15), keys: 1,
      }),
    );
  }
  const utcOffset = infraRng.pick([8, 3, -5, 1, 5.5]);
  return {
    config,
    accounts,
    wrappers: operatorWrappers(infraRng, config.operator.wrapperCount, COT_WRAPPERS),
    utcOffset,
    scheduleSeed: infraRng.uint32(),
    client(random, accountIndex, family) {
      const ua = random.pick(software[family]);
      if (random.chance(style.benignOverlap)) {
        const network = random.pick(networksOf('residential'));
        return clientInfo(residentialAddress(random, network), ua, network);
      }
      // Each account mostly sticks to two exits of the pool; the pool is shared by the whole crew.
      const exit = random.chance(0.85) ? (exits[(accountIndex * 2 + random.int(0, 1)) % exits.length] as ProxyExit) : random.pick(exits);
      return clientInfo(exitAddress(random, exit), ua, exit.network);
    },
  };
}

/**
 * The operator's scheduler, replayed by one account: waves during the operator's working window,
 * the account joining a wave with probability `share` and firing after its own jitter.
 */
export function* crewSchedule(
  crew: Crew,
  r: Rng,
  from: number,
  to: number,
  perDay: number,
  makeRequest: (at: number) => RequestPlan,
): Generator<RequestPlan, void> {
  const op = crew.config.operator;
  const wavesPerDay = Math.max(perDay * 1.5, 4);
  const activeShare = Math.min(1, op.activeHoursPerDay / 24);
  const windowStart = ((9 - crew.utcOffset) % 24 + 24) % 24;
  const inWindow = (ms: number): number => {
    if (activeShare >= 1) return 1;
    const hour = (ms / HOUR) % 24;
    const into = (hour - windowStart + 24) % 24;
    return into < op.activeHoursPerDay ? 1 : 0;
  };
  const share = Math.min(1, perDay / wavesPerDay);
  const waves = arrivals(new Rng(crew.scheduleSeed, 'waves'), from, to, wavesPerDay / 24 / activeShare, inWindow);
  let last = from;
  for (const wave of waves) {
    if (!r.chance(share)) continue;
    const at = Math.max(last + 500, Math.round(wave + Math.abs(r.normal()) * op.jitterSeconds * 1000));
    if (at >= to) return;
    last = at;
    yield makeRequest(at);
  }
}
