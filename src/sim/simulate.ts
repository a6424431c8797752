/**
 * The simulator's entry points. Account timelines are lazy generators merged by arrival time through a
 * heap; each rendered event then waits in a second heap until its request would have finished, because
 * a gateway writes an event when the exchange ends: the log comes out in roughly time order with the
 * small local disorder real logs have. Memory holds the accounts and in-flight requests, never the log.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { IdFactory } from './accounts.ts';
import { createContext } from './context.ts';
import { MinHeap } from '../core/min-heap.ts';
import { benignActors, campaignActors } from './populations/index.ts';
import { promptPools, type PromptPools } from './prompts/pools.ts';
import { Rng } from './random.ts';
import { scenarioFor, type Scale, type ScenarioConfig } from './scenario.ts';
import type { AccountLabel, Actor, CampaignSummary, RequestPlan, SimAccount } from './types.ts';
import { renderEvent } from './wire.ts';
import { eventJson } from './event-json.ts';
import { JsonlWriter } from './writer.ts';

export interface Simulation {
  accounts: SimAccount[];
  campaigns: CampaignSummary[];
  /** The events in write order; iterate once. */
  events: Generator<TrafficEvent, void>;
}

/** Builds every account and returns the lazy event stream. */
export function createSimulation(config: ScenarioConfig, pools: PromptPools): Simulation {
  const ids = new IdFactory(config.seed);
  const ctx = createContext(config, pools, ids);
  const root = new Rng(config.seed, 'populations');
  const actors: Actor[] = benignActors(ctx, root.fork('benign'));
  const campaigns: CampaignSummary[] = [];
  for (const campaign of config.campaigns) {
    const members = campaignActors(ctx, root, campaign);
    actors.push(...members);
    campaigns.push({ id: campaign.id, role: campaign.role, accounts: members.length });
  }
  return { accounts: actors.map((actor) => actor.account), campaigns, events: eventStream(actors, ids, new Rng(config.seed, 'render')) };
}

interface Pending {
  plan: RequestPlan;
  actor: number;
}

interface InFlight {
  event: TrafficEvent;
  finishedAt: number;
  order: number;
}

function* eventStream(actors: Actor[], ids: IdFactory, render: Rng): Generator<TrafficEvent, void> {
  const arrivals = new MinHeap<Pending>((a, b) => a.plan.at < b.plan.at || (a.plan.at === b.plan.at && a.actor < b.actor));
  const inFlight = new MinHeap<InFlight>((a, b) => a.finishedAt < b.finishedAt || (a.finishedAt === b.finishedAt && a.order < b.order));
  actors.forEach((actor, index) => {
    const first = actor.timeline.next();
    if (!first.done) arrivals.push({ plan: first.value, actor: index });
  });
  let order = 0;
  for (let next = arrivals.pop(); next !== undefined; next = arrivals.pop()) {
    const actor = actors[next.actor] as Actor;
    while ((inFlight.peek()?.finishedAt ?? Infinity) <= next.plan.at) yield (inFlight.pop() as InFlight).event;
    const event = renderEvent(next.plan, actor.account, ids, render, actor.errorRate);
    inFlight.push({ event, finishedAt: next.plan.at + (event.latency_ms ?? 0), order: order++ });
    const following = actor.timeline.next();
    if (!following.done) arrivals.push({ plan: following.value, actor: next.actor });
  }
  for (let rest = inFlight.pop(); rest !== undefined; rest = inFlight.pop()) yield rest.event;
}

export interface SimulateOptions {
  /** Directory for traffic.jsonl and labels.jsonl; created if missing. Without it nothing is written. */
  outDir?: string;
  scale?: Scale;
  seed?: number;
  /** Directory of the shared prompt datasets (../shared/datasets); procedural text without it. */
  datasetsDir?: string;
  /** A full scenario instead of the preset for `scale` and `seed`. */
  config?: ScenarioConfig;
  /** Called with every event in write order (for in-process consumers). */
  onEvent?: (event: TrafficEvent) => void;
}

export interface SimulationResult {
  /** Number of events generated. */
  events: number;
  /** Ground truth of every account that sent at least one request. */
  accounts: AccountLabel[];
  campaigns: CampaignSummary[];
}

export async function simulate(options: SimulateOptions = {}): Promise<SimulationResult> {
  const config = options.config ?? scenarioFor(options.scale ?? 'small', options.seed ?? 1);
  const simulation = createSimulation(config, promptPools(options.datasetsDir));
  let writer: JsonlWriter | undefined;
  if (options.outDir !== undefined) {
    mkdirSync(options.outDir, { recursive: true });
    writer = new JsonlWriter(join(options.outDir, 'traffic.jsonl'));
  }
  const seen = new Set<string>();
  let events = 0;
  for (const event of simulation.events) {
    events++;
    seen.add(event.account_id);
    options.onEvent?.(event);
    if (writer?.pushLine(eventJson(event))) await writer.flush();
  }
  await writer?.close();
  const accounts: AccountLabel[] = simulation.accounts
    .filter((account) => seen.has(account.id))
    .map((account) => ({ account_id: account.id, campaign_id: account.campaignId, role: account.role }))
    .sort((a, b) => (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0));
  if (options.outDir !== undefined) {
    const labels = new JsonlWriter(join(options.outDir, 'labels.jsonl'));
    for (const label of accounts) labels.push(label);
    await labels.close();
  }
  const active = new Map<string, number>();
  for (const label of accounts) if (label.campaign_id !== null) active.set(label.campaign_id, (active.get(label.campaign_id) ?? 0) + 1);
  return { events, accounts, campaigns: simulation.campaigns.map((campaign) => ({ ...campaign, accounts: active.get(campaign.id) ?? 0 })) };
}
