/** What every population builder receives, plus the helpers they share (models, clients, sign-ups). */
import type { ClientInfo } from '../core/traffic-event.ts';
import type { IdFactory } from './accounts.ts';
import type { ClientSoftware } from './clients.ts';
import { addressIn, networksOf, v6In, UTC_OFFSET, type Network } from './network.ts';
import type { PromptPools } from './prompts/pools.ts';
import type { Rng } from './random.ts';
import type { ScenarioConfig } from './scenario.ts';
import { DAY } from './timing.ts';

export interface SimContext {
  config: ScenarioConfig;
  pools: PromptPools;
  ids: IdFactory;
  startMs: number;
  endMs: number;
  /** When the new model becomes available. */
  releaseMs: number;
}

/** Residential households benign users live in; campaigns that blend in draw addresses from the same range. */
export const HOUSEHOLDS = 1 << 20;

export function createContext(config: ScenarioConfig, pools: PromptPools, ids: IdFactory): SimContext {
  const startMs = Date.parse(config.start);
  return {
    config,
    pools,
    ids,
    startMs,
    endMs: startMs + config.days * DAY,
    releaseMs: startMs + config.models.release.atDay * DAY + 15 * 3_600_000,
  };
}

export type ModelFamily = 'openai' | 'anthropic';

/**
 * The model an ordinary user asks for at `at`: a fixed favourite, drifting to the new release at
 * `adoptionPerDay` per day after it appears (gradual, unlike a campaign's pivot).
 */
export function modelAt(ctx: SimContext, family: ModelFamily, favourite: string, at: number, adoptionPerDay: number, rng: Rng): string {
  if (at < ctx.releaseMs) return favourite;
  const share = Math.min(0.6, ((at - ctx.releaseMs) / DAY) * adoptionPerDay);
  if (!rng.chance(share)) return favourite;
  return family === 'openai' ? ctx.config.models.release.openai : ctx.config.models.release.anthropic;
}

export function favouriteModel(ctx: SimContext, family: ModelFamily, rng: Rng): string {
  return rng.pick(family === 'openai' ? ctx.config.models.openai : ctx.config.models.anthropic);
}

export function familyOf(software: ClientSoftware, rng: Rng): ModelFamily {
  if (software.family === 'any') return rng.chance(0.7) ? 'openai' : 'anthropic';
  return software.family;
}

export function clientInfo(ip: string, software: ClientSoftware, network: Network): ClientInfo {
  return { ip, user_agent: software.userAgent, ja4: software.ja4, asn: network.asn, country: network.country };
}

/** A household: a residential network and address (some on IPv6), where one person connects from. */
export interface Household {
  network: Network;
  ip: string;
  utcOffset: number;
}

export function household(rng: Rng): Household {
  const network = rng.pick(networksOf('residential'));
  const index = rng.int(0, HOUSEHOLDS - 1);
  const ip = network.v6 !== undefined && rng.chance(0.3) ? v6In(network, index, rng) : addressIn(network, index);
  return { network, ip, utcOffset: UTC_OFFSET[network.country] ?? 0 };
}

/** A residential address any benign household could have: for campaigns routing through residential proxies. */
export function residentialAddress(rng: Rng, network: Network): string {
  return addressIn(network, rng.int(0, HOUSEHOLDS - 1));
}
